"""Addresses an editor writes (registration forms, articles, e-mail links): strictly parsed, safe to put anywhere.

Only https://, http:// and mailto: addresses are accepted. A character that could end a link in Markdown or an
attribute in HTML (whitespace, quotes, <>[](){}, a backslash) must be percent-encoded, so an accepted address
is a single token. The parse itself is the WHATWG URL parser that pydantic ships (rust-url): the stored
address is its normal form (an international domain in IDNA, other non-ASCII percent-encoded).
"""

from __future__ import annotations

import re

from pydantic_core import Url, ValidationError

SCHEMES = ("https", "http", "mailto")

# Characters an address must not hold as written: each can end a Markdown link or an HTML attribute.
_FORBIDDEN = frozenset('<>[](){}"`\\^|')
_LABEL = r"(?!-)[a-z0-9-]{1,63}(?<!-)"
_HOST = re.compile(rf"^{_LABEL}(\.{_LABEL})*\.(xn--[a-z0-9-]{{1,59}}|[a-z]{{2,63}})$")
_CHAR = r'[^\s<>\[\](){}"`\\^|]'
# What an editor's YAML tooling checks as they type (the parse above is the real rule).
SCHEMA_PATTERN = rf"^(https?://{_CHAR}+\.{_CHAR}+|mailto:{_CHAR}+@{_CHAR}+)$"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_MAILTO = re.compile(r"^mailto:[A-Za-z0-9.!#$%&'*+/=?_~-]+@[^@?]+(\?.*)?$")


class Refusal(ValueError):
    """Why an address was refused: a message key of the catalogue, and the character at fault."""

    def __init__(self, key: str, char: str = "") -> None:
        super().__init__(key)
        self.key, self.char = key, char


def _bad_character(value: str) -> str | None:
    for char in value:
        if char in _FORBIDDEN or char.isspace() or not char.isprintable():
            return char
    return None


def parse(value: str) -> str:
    """The address in its normal form, or Refusal."""
    text = value.strip()
    scheme = _SCHEME.match(text)
    if scheme is None:
        raise Refusal("url_format")  # no scheme at all: most likely 'www.example.ee'
    if scheme.group(1).lower() not in SCHEMES:
        raise Refusal("url_scheme")
    scheme_name = scheme.group(1).lower()
    bad = _bad_character(text)
    if bad is not None:
        raise Refusal("url_character", bad)
    if scheme_name != "mailto" and not text[len(scheme_name) + 1 :].startswith("//"):
        raise Refusal("url_format")
    try:
        url = Url(text)
    except ValidationError:
        raise Refusal("url_format") from None
    normal = str(url)
    if scheme_name == "mailto":
        if not _MAILTO.match(normal) or not _HOST.match(normal.split("@", 1)[1].split("?", 1)[0].lower()):
            raise Refusal("url_format")
    elif url.host is None or not _HOST.match(url.host) or url.username or url.password:
        raise Refusal("url_format")
    if _bad_character(normal) is not None:  # the parser's normal form percent-encodes; never trust, check
        raise Refusal("url_format")
    return normal


def is_safe(value: str) -> bool:
    """Whether `value` is an address this module would accept unchanged."""
    try:
        return parse(value) == value
    except Refusal:
        return False
