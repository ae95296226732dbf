"""Text from the data made safe for Markdown: shown as written, never run as HTML or read as markup."""

from __future__ import annotations

import re
from html import escape

# Characters Python-Markdown (with the tables extension) reads as markup in running text.
# '-' starts a list or a rule at the beginning of a line, and a number with '.' an ordered list.
_MARKUP = re.compile(r"([\\`*_{}\[\]()#+!|-])")
# Control characters other than tab and line break (Python-Markdown marks its placeholders with two of them).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def inline(value: str) -> str:
    """Plain text for a line of Markdown (a title, a name, a table cell)."""
    one_line = " ".join(_CONTROL.sub("", value).split())
    # Markdown's characters first: escaped after the HTML, the '#' of '&#x27;' would be, and a heading's
    # entry in the table of contents would show '&#x27;' for an apostrophe.
    return line_start(escape(_MARKUP.sub(r"\\\1", one_line), quote=True))


_LIST_MARKER = re.compile(r"^(\d+)\.(?=\s)")


def line_start(value: str) -> str:
    """Text that may begin a Markdown line: an Estonian date ('14. juuni') must not start a numbered list."""
    return _LIST_MARKER.sub(r"\1\\.", value)


def attribute(value: str) -> str:
    return escape(" ".join(value.split()), quote=True)
