"""Fills the markers of the pages (<!-- projectsite:events --> and the like) from data/*.yaml."""
from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from projectsite import LANGUAGES
from projectsite.dates import today
from projectsite.linkcheck import broken_links
from projectsite.labels import LABELS
from projectsite.render import Renderer

from _site import language, log, site_data


def _fallback(markdown: str, written_in: str, lang: str) -> str:
    """A page shown in a language it is not written in: say so, and mark its language."""
    note = LABELS[lang]["in_other_language"]
    return f'<p class="ps-fallback">({note})</p>\n\n<div lang="{written_in}" markdown="1">\n\n{markdown}\n\n</div>\n'


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = language(config)
    src_in_language = page.file.src_uri.split("/", 1)[-1]
    renderer = Renderer(site_data(config), lang, today(), config.site_url or "http://127.0.0.1:8000/")
    markdown, unknown = renderer.fill(markdown, posixpath.dirname(src_in_language))
    for marker in unknown:
        log.warning(f"docs/{page.file.src_uri}: the marker {marker} is not known; check its spelling")
    written_in = getattr(page.file, "locale", lang)
    return _fallback(markdown, written_in, lang) if written_in != lang else markdown


@event_priority(-50)  # after the other hooks' files (feeds) are written, before mkdocs-static-i18n (-100)
def on_post_build(config: MkDocsConfig) -> None:
    """Once the last language is built (mkdocs-static-i18n builds them in order), every link to the site must
    lead somewhere: a warning each, so that the strict build fails."""
    if language(config) != LANGUAGES[-1]:
        return
    for broken in broken_links(Path(config.site_dir), config.site_url or "http://127.0.0.1:8000/"):
        log.warning(str(broken))
