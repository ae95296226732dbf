"""Under `mkdocs serve`: a page whose inputs did not change since the last rebuild is not rendered again.

Two stages are kept per language and page, each under a key made of everything its result depends on:

- the Markdown's HTML: the page's final Markdown (after the markers are filled), its path, and the build's
  files and configuration (links resolve against them);
- the whole page: its HTML, table of contents, meta, title and address, every page's address and the title
  of every page in the navigation (previous and next links too), the configuration and the theme overrides.

A data edit thus renders again only the pages that show the data; a prose edit, that page (or, if its
title changed, every page of the language, which all show the navigation). Nothing is kept by
`mkdocs build`; a test compares the output of a serve session with a clean build.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .terminal import log

CACHED_TEMPLATE = "projectsite-cached.html"  # renders nothing: the page's output is taken from the cache


def _digest(*parts: Any) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


@dataclass
class Rendered:
    """One page of one language as last built."""

    markdown_key: str = ""
    content: str | None = None
    toc: Any = None
    title: str | None = None
    anchors: set[str] | None = None
    output_key: str = ""
    output: str = ""


@dataclass
class PageCache:
    pages: dict[tuple[str, str], Rendered] = field(default_factory=dict)
    build_key: str = ""  # this language's build: configuration, files, theme overrides
    pending: dict[str, str] = field(default_factory=dict)  # src_uri → output key, for pages rendered in this build
    reused: set[str] = field(default_factory=set)  # src_uris whose output is taken from the cache in this build

    def start(self, files: Files, config: MkDocsConfig, lang: str, stubs: dict[str, str]) -> None:
        """on_files: the key of everything this language's build shares."""
        overrides = Path(config.theme.custom_dir) if config.theme.custom_dir else None
        theme_files = (
            sorted((str(p), p.stat().st_mtime_ns) for p in overrides.rglob("*") if p.is_file())
            if overrides and overrides.is_dir()
            else []
        )
        sources = sorted(f.src_uri for f in files) + sorted(stubs)
        config_text = Path(config.config_file_path).read_bytes() if config.config_file_path else b""
        self.build_key = _digest(lang, config.site_url, config_text, sources, theme_files)
        self.pending.clear()
        self.reused.clear()

    def reuse_markdown(self, page: Page, markdown: str, lang: str) -> None:
        """on_page_markdown, last: if this Markdown was rendered before, page.render() gives that HTML back."""
        key = _digest(self.build_key, page.file.src_uri, markdown)
        entry = self.pages.setdefault((lang, page.file.src_uri), Rendered())
        if entry.markdown_key == key and entry.content is not None:
            page.render = lambda config, files: _restore(page, entry)  # type: ignore[method-assign]
        else:
            entry.markdown_key, entry.content = key, None

    def keep_markdown(self, page: Page, lang: str) -> None:
        """on_page_content, first: the HTML just rendered (or restored), before other plugins change it."""
        entry = self.pages.setdefault((lang, page.file.src_uri), Rendered())
        entry.content, entry.toc, entry.title = page.content, page.toc, page._title_from_render
        entry.anchors = page.present_anchor_ids

    def choose(self, env: jinja2.Environment, files: Files, lang: str) -> None:
        """on_env, after every page is read: the pages whose output is the same as last time skip the template."""
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({CACHED_TEMPLATE: "-"}), env.loader or jinja2.BaseLoader()])
        pages = [f.page for f in files.documentation_pages() if f.page is not None]
        # What every page shows of the others: the navigation (the titles of the pages in it) and the addresses.
        site_key = _digest(
            self.build_key,
            [
                (p.file.src_uri, p.url, p.title if p.file.inclusion.is_in_nav() else "")  # type: ignore[no-untyped-call]
                for p in pages
            ],
        )
        for page in pages:
            key = _digest(
                site_key,
                page.file.src_uri,
                page.url,
                page.canonical_url,
                page.title,
                page.content,
                str(page.toc),
                sorted((k, repr(v)) for k, v in page.meta.items()),
            )
            entry = self.pages.get((lang, page.file.src_uri))
            if entry is not None and entry.output_key == key and "template" not in page.meta:
                page.meta["template"] = CACHED_TEMPLATE
                self.reused.add(page.file.src_uri)
            else:
                self.pending[page.file.src_uri] = key
        log.debug(f"{len(self.reused)} of {len(pages)} pages unchanged since the last rebuild ({lang})")

    def output(self, page: Page, output: str, lang: str) -> str:
        """on_post_page, last: the cached output, or this one kept for the next rebuild."""
        entry = self.pages.setdefault((lang, page.file.src_uri), Rendered())
        if page.file.src_uri in self.reused:
            return entry.output
        if page.file.src_uri in self.pending:
            entry.output_key, entry.output = self.pending[page.file.src_uri], output
        return output


def _restore(page: Page, entry: Rendered) -> None:
    """What Page.render() sets, from the last rebuild (anchor links were checked then)."""
    page.content, page.toc, page._title_from_render = entry.content, entry.toc, entry.title
    page.present_anchor_ids = entry.anchors
    page.links_to_anchors = None
