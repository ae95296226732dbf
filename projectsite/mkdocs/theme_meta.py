"""The front matter keys Material reads, checked or escaped before any page is rendered.

Material renders the whole navigation into every page, and with it every page's `subtitle`, `status` and
`icon`: one page's front matter reaches every page. A value the theme would write as HTML is escaped; a
value it would use as a name (a template, an icon, a CSS class) must name something that exists, else the
key is dropped and the build is told (file, line, key), never a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, MutableMapping
from html import escape
from pathlib import Path
from typing import Any

from projectsite.messages import Message, say

TEXT_KEYS = ("title", "description", "subtitle")  # written into the page (and the navigation) as HTML
HIDE = ("navigation", "toc", "footer", "path", "tags", "feedback")
STATUSES = ("new", "deprecated")  # Material's own; a site adds more under extra.status
RESERVED = re.compile(r"^(ps_|jsonld$)")  # what the engine itself puts into page.meta
NAME = re.compile(r"^[A-Za-z0-9_-]+(/[A-Za-z0-9_.-]+)*$", re.ASCII)  # no "..", no leading "/"


def _text(value: Any) -> str:
    return escape(" ".join(str(value).split()), quote=True)


def _exists(theme_dirs: Iterable[str], rel: str) -> bool:
    return NAME.match(rel) is not None and ".." not in rel and any((Path(d) / rel).is_file() for d in theme_dirs)


def _words(value: Any) -> list[str] | None:
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return None


def _problem(key: str, value: Any, theme_dirs: list[str], statuses: tuple[str, ...]) -> Message | None:
    """Why the theme could not use this key's value, or None."""
    shown = str(value)[:80]
    if RESERVED.match(key):
        return say("meta_reserved")
    if key == "status" and value not in statuses:
        return say("meta_choice", value=shown, allowed=", ".join(statuses))
    if key == "icon" and not (isinstance(value, str) and _exists(theme_dirs, f".icons/{value}.svg")):
        return say("meta_icon", value=shown)
    if key == "template" and not (isinstance(value, str) and value.endswith(".html") and _exists(theme_dirs, value)):
        return say("meta_template", value=shown)
    if key == "hide" and not set(_words(value) or ["?"]) <= set(HIDE):
        return say("meta_choice", value=shown, allowed=", ".join(HIDE))
    if key == "search" and not _search(value):
        return say("meta_search")
    if key == "tags" and _words(value) is None:
        return say("meta_choice", value=shown, allowed="[a, b]")
    return None


def _search(value: Any) -> bool:
    if not isinstance(value, dict) or set(value) - {"exclude", "boost"}:
        return False
    boost = value.get("boost", 1)
    return (
        isinstance(value.get("exclude", False), bool) and isinstance(boost, int | float) and not isinstance(boost, bool)
    )


def check(
    meta: MutableMapping[str, Any], theme_dirs: list[str], statuses: tuple[str, ...]
) -> list[tuple[str, Message]]:
    """Escapes the texts in place, drops every key the theme could not use; the dropped keys and why."""
    dropped: list[tuple[str, Message]] = []
    for key in list(meta):
        if key in TEXT_KEYS and meta[key] is not None:
            meta[key] = _text(meta[key])
        elif key == "tags" and _words(meta[key]) is not None:
            meta[key] = [_text(tag) for tag in _words(meta[key]) or []]
        problem = _problem(str(key), meta[key], theme_dirs, statuses)
        if problem is not None:
            del meta[key]
            dropped.append((str(key), problem))
    return dropped


def key_line(source: str, key: str) -> int | None:
    """The line (1-based) of a top-level key in a page's front matter."""
    lines = source.splitlines()
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() in ("---", "..."):
            return None
        if line.startswith(f"{key}:") or line.startswith(f'"{key}":') or line.startswith(f"'{key}':"):
            return number
    return None
