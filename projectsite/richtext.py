"""The Markdown editors write in data fields (a summary, a goal): emphasis, links and lists, and nothing else.

It is rendered by a Markdown instance of its own, without raw HTML and without extensions (so no
`{: attributes}`, no `markdown="1"` blocks), and the HTML is then cleaned by nh3 (ammonia) down to the
allowed tags, with links only to https:, http:, mailto: or a relative address. Pages, feeds, calendars,
meta descriptions and JSON-LD all start from this one rendering: pages take its HTML, the rest its text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from functools import lru_cache
from html.parser import HTMLParser

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor

TAGS = frozenset({"p", "br", "em", "strong", "a", "ul", "ol", "li"})
ATTRIBUTES = {"a": {"href", "title"}}
SCHEMES = frozenset({"https", "http", "mailto"})

# Control characters other than tab and line break: they can't be typed on purpose, and Python-Markdown
# uses two of them (STX, ETX) to mark its own placeholders.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_BLANK_OR_CONTROL = re.compile(r"[\x00-\x20\x7f]")
# A link whose target nh3 dropped (an entity-encoded javascript:, say) is just its text.
_LINK_WITHOUT_TARGET = re.compile(r"<a(?![^>]*\bhref=)[^>]*>(.*?)</a>", re.DOTALL)


def clean_text(value: str) -> str:
    """Text without control characters (what no editor types on purpose)."""
    return _CONTROL.sub("", value)


def allowed_target(href: str) -> bool:
    """A link target with no scheme (relative) or an allowed one, read as a browser reads it."""
    scheme = _SCHEME.match(_BLANK_OR_CONTROL.sub("", href))
    return scheme is None or scheme.group(1).lower() in SCHEMES


class _Restrict(Treeprocessor):  # type: ignore[misc]  # Markdown ships no types
    """Headings become paragraphs, images their alt text, links to other schemes their text."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if re.fullmatch(r"h[1-6]", element.tag):
                element.tag = "p"
            elif element.tag == "img":
                element.tag, element.text = "span", element.get("alt", "")
                element.attrib.clear()
            elif element.tag == "a" and not allowed_target(element.get("href", "")):
                element.tag = "span"
                element.attrib.clear()


@lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    """Python-Markdown's core only, without raw HTML: '<b>' stays text."""
    md = markdown.Markdown(extensions=[], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_Restrict(md), "restrict", 1)
    return md


def to_html(source: str) -> str:
    """The field's Markdown as HTML that holds only TAGS, on lines of its own (no blank line inside)."""
    md = _markdown()
    md.reset()
    html = md.convert(clean_text(source))
    safe = nh3.clean(
        html,
        tags=set(TAGS),
        attributes={k: set(v) for k, v in ATTRIBUTES.items()},
        url_schemes=set(SCHEMES),
        strip_comments=True,
        link_rel="noopener noreferrer",
    )
    return re.sub(r"\n\s*\n", "\n", _LINK_WITHOUT_TARGET.sub(r"\1", safe)).strip()


class _Text(HTMLParser):
    """Collects the text of cleaned HTML: a paragraph per block, a link as 'text (address)'."""

    BLOCKS = frozenset({"p", "li", "ul", "ol"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.links: list[tuple[str, int]] = []

    def _break(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:
            self._break()
        if tag == "li":
            self.current.append("- ")
        elif tag == "br":
            self.current.append(" ")
        elif tag == "a":
            self.links.append((dict(attrs).get("href") or "", len(self.current)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.links:
            href, start = self.links.pop()
            label = " ".join("".join(self.current[start:]).split())
            shown = href.removeprefix("mailto:")
            if href and shown != label:
                self.current.append(f" ({shown})" if label else shown)
        if tag in self.BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        self.current.append(data)


def to_text(source: str) -> str:
    """The field as plain text: paragraphs (and list items) apart, lines joined, links as 'text (address)'."""
    return text_of(to_html(source))


def text_of(html: str) -> str:
    """The text of what to_html() made (for a build that converts each text once)."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    parser._break()
    return "\n\n".join(parser.paragraphs)
