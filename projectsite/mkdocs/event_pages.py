"""A page of its own for every event, /events/<id>/ in each language, kept out of the navigation.

The pages are added before mkdocs-static-i18n sorts the files per language (so that it gives them their
addresses, language-switcher alternates and sitemap entries), and their content is given just before
each page is read: the plugin rebuilds every File from docs_dir and fails on in-memory files (its issue
#263), so they get a nominal path in docs_dir, and their content is set on the Files it made.
"""

from __future__ import annotations

import os
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .state import BuildState, language


def _stub(event_id: str) -> str:
    return f"<!-- projectsite:event:{event_id} -->\n"


def add_pages(files: Files, config: MkDocsConfig, state: BuildState) -> Files:
    """Before mkdocs-static-i18n's on_files: a nominal file per event and language."""
    state.stubs.clear()
    for event in state.site_data(config).events:
        for lang in state.site_data(config).languages:
            src_uri = f"{lang}/events/{event.id}.md"
            if files.get_file_from_path(src_uri) is None:  # an editor's own page wins
                state.stubs[src_uri] = _stub(event.id)
                # A path inside docs_dir (never read) makes the plugin take the page as one of its own.
                nominal = os.path.join(config.docs_dir, src_uri)
                files.append(File.generated(config, src_uri, abs_src_path=nominal))
    return files


def restore_content(page: Page, state: BuildState) -> None:
    """Before the page is read: its content, on the File that mkdocs-static-i18n made anew."""
    if page.file.src_uri in state.stubs:
        page.file.content_string = state.stubs[page.file.src_uri]


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, state: BuildState) -> str:
    if page.file.src_uri in state.stubs:
        event = state.site_data(config).event(page.file.src_uri.rsplit("/", 1)[-1][:-3])
        if event is not None:
            # page.title is HTML to MkDocs (as the titles it takes from headings): escape it.
            page.meta["title"] = escape(event.title.get(language(config))[0], quote=False)
    return markdown
