"""Reading built pages: parsed HTML, the article's text, every HTML file of a site."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup, Tag


def soup(site: Path, rel: str) -> BeautifulSoup:
    path = site / rel
    if path.is_dir() or rel.endswith("/") or rel == "":
        path = path / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(page: BeautifulSoup) -> Tag:
    found = page.select_one("article.md-content__inner")
    assert found is not None, "the page has no article"
    return found


def text(node: Tag) -> str:
    return " ".join(node.get_text(" ").split())


def html_files(site: Path) -> list[Path]:
    """Every HTML file of a built site (a site without any is an error)."""
    files = sorted(site.rglob("*.html"))
    assert files, f"no HTML page in {site}"
    return files


def link_texts(node: Tag) -> list[str]:
    return [text(a) for a in node.find_all("a")]


def found(node: object) -> Tag:
    """The element a find() or select_one() must have found (the test fails here when the page lacks it)."""
    assert isinstance(node, Tag), f"expected an element, found {node!r}"
    return node


def attr(node: Tag, name: str) -> str:
    """An attribute with one value (href, src, content, ...); fails when the element lacks it."""
    value = node.get(name)
    assert isinstance(value, str), f"<{node.name}> has no {name}: {value!r}"
    return value


def string(node: Tag) -> str:
    """The element's single text (a script's JSON, say); fails when it has none or several children."""
    assert node.string is not None, f"<{node.name}> has no single text"
    return node.string
