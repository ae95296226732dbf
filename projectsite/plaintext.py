"""Editor-written Markdown as plain text, for feeds, calendars, e-mails and meta descriptions."""

from __future__ import annotations

from .richtext import to_text


def from_markdown(markdown: str) -> str:
    """The text of the rendered Markdown: links as 'text (address)', paragraphs and list items apart."""
    return to_text(markdown)


def first_sentences(text: str, limit: int = 200) -> str:
    """A short description: the first paragraph, cut at a word boundary."""
    first = text.split("\n\n", 1)[0]
    if len(first) <= limit:
        return first
    return first[: limit - 1].rsplit(" ", 1)[0] + "…"
