"""After the build: every link from a page or a feed to the site itself leads to a file that was written.

MkDocs checks the Markdown links between documentation files; this checks what it can't see: links the
engine writes as paths (a post in another language's site), the feeds' item links, and links in HTML.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Material writes every attribute in double quotes.
_ANCHOR_HREF = re.compile(r'<a\b[^>]*?\shref="([^"]*)"')
_FEED_LINK = re.compile(r"<link>([^<]*)</link>")


@dataclass(frozen=True)
class BrokenLink:
    page: str
    href: str

    def __str__(self) -> str:
        return f"{self.page}: the link {self.href} leads to no page of the site"


def _site_path(href: str, page_dir: str, site_url: str) -> str | None:
    """The path below the site's root that `href` (on the page in `page_dir`) names; None when external."""
    parts, site = urlsplit(href), urlsplit(site_url)
    if parts.scheme or parts.netloc:
        if parts.scheme not in ("http", "https", "") or parts.netloc != site.netloc:
            return None
    elif not parts.path:
        return None  # an anchor on the same page
    base = site.path.rstrip("/") + "/"
    if parts.path.startswith("/"):
        if not parts.path.startswith(base):
            return "../" + parts.path.lstrip("/")  # above the site's root: nothing of the site is there
        return posixpath.normpath(parts.path[len(base) :] or ".") + ("/" if parts.path.endswith("/") else "")
    joined = posixpath.normpath(posixpath.join(page_dir, parts.path))
    return joined + ("/" if parts.path.endswith("/") else "")


def _exists(site_dir: Path, path: str) -> bool:
    if path.startswith("../") or path == "..":
        return False
    target = site_dir / unquote(path.rstrip("/") or ".")
    return (target / "index.html").is_file() if path.endswith("/") or target.is_dir() else target.is_file()


def _links(site_dir: Path) -> Iterator[tuple[str, str, list[str]]]:
    """(the file, its folder below the root, the links in it) for every page and feed; 404 pages are left out,
    since their links are relative to whatever address was missing."""
    for page in sorted(site_dir.rglob("*.html")):
        if page.name == "404.html":
            continue
        rel = page.relative_to(site_dir).as_posix()
        yield rel, posixpath.dirname(rel), _ANCHOR_HREF.findall(page.read_text(encoding="utf-8"))
    for feed in sorted(site_dir.rglob("feed.xml")):
        rel = feed.relative_to(site_dir).as_posix()
        yield rel, posixpath.dirname(rel), _FEED_LINK.findall(feed.read_text(encoding="utf-8"))


def broken_links(site_dir: Path, site_url: str) -> list[BrokenLink]:
    """Every link to the site that names no file in `site_dir`."""
    broken: list[BrokenLink] = []
    known: dict[str, bool] = {}  # every page links the whole navigation: look each target up once
    resolved: dict[tuple[str, str], str | None] = {}  # the pages of a folder share most of their links
    for rel, page_dir, hrefs in _links(site_dir):
        for written in hrefs:
            key = (page_dir, written)
            if key not in resolved:
                resolved[key] = _site_path(html.unescape(written), page_dir, site_url)
            path = resolved[key]
            if path is None:
                continue
            if path not in known:
                known[path] = _exists(site_dir, path)
            if not known[path]:
                broken.append(BrokenLink(rel, html.unescape(written)))
    return broken
