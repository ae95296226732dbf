"""A page of its own for every event, /events/<id>/ in each language, kept out of the navigation.

The pages are added before mkdocs-static-i18n sorts the files per language (so that it gives them their
addresses, language-switcher alternates and sitemap entries), and their content is put back after it:
the plugin rebuilds every File from docs_dir: it fails on in-memory files (its issue #263), so
they get a nominal path in docs_dir, and their content is set on the Files it made.
"""
from __future__ import annotations

import os
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from projectsite import LANGUAGES

from _site import language, load_data, site_data

_stubs: dict[str, str] = {}


def _stub(event_id: str) -> str:
    return f"<!-- projectsite:event:{event_id} -->\n"


@event_priority(0)  # before mkdocs-static-i18n (-100)
def _add_pages(files: Files, config: MkDocsConfig) -> Files:
    _stubs.clear()
    for event in load_data(config).events:  # the first hook of each build: it loads the data
        for lang in LANGUAGES:
            src_uri = f"{lang}/events/{event.id}.md"
            if files.get_file_from_path(src_uri) is None:  # an editor's own page wins
                _stubs[src_uri] = _stub(event.id)
                # A path inside docs_dir (never read) makes the plugin take the page as one of its own.
                nominal = os.path.join(config.docs_dir, src_uri)
                files.append(File.generated(config, src_uri, abs_src_path=nominal))
    return files


@event_priority(-200)  # after mkdocs-static-i18n
def _restore_content(files: Files, config: MkDocsConfig) -> Files:
    for file in files:
        if file.src_uri in _stubs:
            file.content_string = _stubs[file.src_uri]
    return files


on_files = CombinedEvent(_add_pages, _restore_content)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri in _stubs:
        event = site_data(config).event(page.file.src_uri.rsplit("/", 1)[-1][:-3])
        if event is not None:
            # page.title is HTML to MkDocs (as the titles it takes from headings): escape it.
            page.meta["title"] = escape(event.title.get(language(config))[0], quote=False)
    return markdown
