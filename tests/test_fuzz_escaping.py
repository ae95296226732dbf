"""Generated text against the escaping functions and the data-Markdown sanitizer: never executable markup.

Each property renders what the site would put in a page through the site's own Markdown configuration
(mkdocs.yml's extensions) and reads the HTML back.
"""

from __future__ import annotations

import json
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from projectsite import escape, richtext, structured, urls
from projectsite.render import environment
from projectsite.text import Text

ROOT = Path(__file__).resolve().parent.parent
FUZZ = settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of markup an attacker or a careless paste would bring, mixed with any text.
TOKENS = [
    "<",
    ">",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "{:",
    "{ #",
    " .x ",
    "onclick=",
    "onerror=alert(1)",
    '"',
    "'",
    "`",
    "*",
    "_",
    "**",
    "#",
    "!",
    "|",
    "\\",
    "&",
    "&#106;",
    "&lt;",
    ";",
    ":",
    "javascript:",
    "JaVaScRiPt:",
    "data:text/html,",
    "vbscript:",
    "http://",
    "https://a.ee/",
    "mailto:",
    "<script>",
    "</script ",
    "</script>",
    "<!--",
    "-->",
    "<img src=x ",
    "<a href=",
    '<div markdown="1">',
    "</div>",
    "\n",
    "\n\n",
    "    ",
    "\t",
    "- ",
    "1. ",
    "> ",
    "---",
    "===",
    "!!! note",
    "[x]: ",
    "\x02wzxhzdk:0\x03",
    "\x00",
    "x",
    "õ",
]
hostile_text = st.one_of(
    st.lists(st.sampled_from(TOKENS), max_size=30).map("".join),
    st.text(max_size=80),
    st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=5)), max_size=20).map("".join),
)


@lru_cache(maxsize=1)
def _site_markdown() -> markdown.Markdown:
    config = yaml.safe_load(
        (ROOT / "tests" / "fixture_sites" / "loim" / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .split("\nnav:")[0]
        .replace("!ENV", "")
    )
    extensions = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    assert {"attr_list", "md_in_html"} <= set(extensions)
    return markdown.Markdown(extensions=extensions)


def site_markdown() -> markdown.Markdown:
    """The Markdown MkDocs renders the pages with: mkdocs.yml's extensions (one instance, reset)."""
    return _site_markdown().reset()


class Elements(HTMLParser):
    """Every element and attribute of an HTML fragment, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.comments: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def handle_data(self, data: str) -> None:
        self.text += data


def elements(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser


def executable(found: Elements) -> list[str]:
    """What in the HTML could run or load something: scripts, frames, handlers, javascript:/data: targets."""
    bad = [
        tag
        for tag, _ in found.elements
        if tag in ("script", "iframe", "object", "embed", "img", "style", "svg", "math", "form", "base", "meta", "link")
    ]
    for tag, attrs in found.elements:
        bad += [f"{tag} {name}" for name in attrs if name.startswith("on") or name in ("style", "src", "srcdoc")]
        for name in ("href", "action", "formaction", "xlink:href"):
            if name in attrs and not richtext.allowed_target(attrs[name]):
                bad.append(f"{tag} {name}={attrs[name]}")
    return bad


@FUZZ
@given(hostile_text)
def test_inline_text_is_text_in_a_paragraph_a_heading_a_list_and_a_table(value: str) -> None:
    md = site_markdown()
    safe = escape.inline(value)
    for page, allowed in [
        (safe, {"p"}),
        (f"# x {safe}", {"h1"}),
        (f"- {safe}", {"ul", "li"}),
        (f"| a |\n| --- |\n| {safe} |", {"table", "thead", "tbody", "tr", "th", "td"}),
    ]:
        found = elements(md.reset().convert(page))
        assert {tag for tag, _ in found.elements} <= allowed, (value, page)
        assert all(set(attrs) <= {"id"} for _, attrs in found.elements), (value, page)


@FUZZ
@given(hostile_text)
def test_inline_text_reads_back_as_written(value: str) -> None:
    found = elements(site_markdown().convert(escape.inline(value)))
    assert " ".join(found.text.split()) == " ".join(richtext.clean_text(value).split())


@FUZZ
@given(hostile_text)
def test_data_markdown_holds_only_emphasis_links_and_lists(value: str) -> None:
    found = elements(richtext.to_html(value))
    assert {tag for tag, _ in found.elements} <= richtext.TAGS
    for tag, attrs in found.elements:
        assert set(attrs) <= ({"href", "title", "rel"} if tag == "a" else set()), (value, tag, attrs)
    assert not executable(found) and not found.comments


@FUZZ
@given(hostile_text, st.booleans())
def test_data_markdown_stays_as_rendered_inside_a_page(value: str, untranslated: bool) -> None:
    """The filter's block, in the page's Markdown (attr_list, md_in_html on), is never read as Markdown again."""
    block = environment("en").filters["block"]
    text = Text(texts={"et": value or "x"}) if untranslated else Text(texts={"et": "x", "en": value or "x"})
    page = site_markdown().convert(f"Before.\n\n{block(text)}\n\nAfter.")
    found = elements(page)
    assert not executable(found)
    assert {tag for tag, _ in found.elements} <= richtext.TAGS | {"div"}
    for tag, attrs in found.elements:
        assert not {name for name in attrs if name not in ("href", "title", "rel", "lang", "class")}, (value, tag)
    assert richtext.to_html(value or "x") in page


@FUZZ
@given(hostile_text)
def test_plain_text_is_the_text_of_the_sanitized_html(value: str) -> None:
    text = richtext.to_text(value)
    assert richtext.clean_text(text) == text
    visible = elements(richtext.to_html(value)).text.split()
    assert all(word in text for word in visible), (value, text)


@FUZZ
@given(hostile_text)
def test_an_attribute_value_reads_back_as_written_and_adds_no_attribute(value: str) -> None:
    [(_tag, attrs)] = elements(f'<a title="{escape.attribute(value)}">x</a>').elements
    assert attrs == {"title": " ".join(value.split())}


@FUZZ
@given(st.dictionaries(st.sampled_from(["name", "description", "headline"]), hostile_text, min_size=1))
def test_json_ld_never_closes_its_script_element_and_reads_back(data: dict[str, str]) -> None:
    out = structured.script_json(data)
    assert not set("<>&") & set(out)
    assert json.loads(out) == data


@FUZZ
@given(hostile_text)
def test_an_accepted_url_is_one_safe_token_with_an_allowed_scheme(value: str) -> None:
    try:
        url = urls.parse(value)
    except urls.Refusal:
        return
    assert url.split(":", 1)[0] in urls.SCHEMES
    assert not any(c.isspace() or c in '<>[](){}"`\\^|' for c in url)
    assert urls.parse(url) == url
    link = site_markdown().convert(f'<a href="{escape.attribute(url)}">x</a>')
    [(tag, attrs)] = elements(link).elements[1:]
    assert tag == "a" and attrs["href"] == url


@FUZZ
@given(st.sampled_from(["https://", "http://", "mailto:a@"]), hostile_text)
def test_urls_built_on_an_allowed_start_are_accepted_only_when_safe(start: str, rest: str) -> None:
    value = start + "a.ee/" + rest if not start.startswith("mailto") else start + "a.ee?subject=" + rest
    try:
        url = urls.parse(value)
    except urls.Refusal:
        return
    assert not any(c.isspace() or c in '<>[](){}"`\\^|' for c in url)
