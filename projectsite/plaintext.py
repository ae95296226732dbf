"""Editor-written Markdown as plain text, for feeds, calendars, e-mails and meta descriptions."""
from __future__ import annotations

import re

_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(.+?)\1")
_HEADING = re.compile(r"^#{1,6}\s*", re.MULTILINE)


def from_markdown(markdown: str) -> str:
    """Links as 'text (address)', emphasis marks dropped, paragraphs kept, lines joined."""
    text = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})" if m.group(1) != m.group(2) else m.group(2), markdown)
    text = _EMPHASIS.sub(r"\2", text)
    text = _HEADING.sub("", text)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip())]
    return "\n\n".join(p for p in paragraphs if p)


def first_sentences(text: str, limit: int = 200) -> str:
    """A short description: the first paragraph, cut at a word boundary."""
    first = text.split("\n\n", 1)[0]
    if len(first) <= limit:
        return first
    return first[: limit - 1].rsplit(" ", 1)[0] + "…"
