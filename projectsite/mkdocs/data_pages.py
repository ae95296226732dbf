"""Fills the markers of the pages (<!-- projectsite:events --> and the like) from data/*.yaml."""

from __future__ import annotations

import posixpath
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from projectsite.dates import today
from projectsite.labels import language_note
from projectsite.linkcheck import broken_links
from projectsite.messages import say
from projectsite.render import Renderer, markers_without_data, page_dates
from projectsite.revisions import History

from . import site_templates
from .state import BuildState, language, languages_of
from .terminal import log


def _fallback(markdown: str, written_in: str, lang: str) -> str:
    """A page shown in a language it is not written in: say so, and mark its language."""
    note = language_note(lang, written_in)
    return f'<p class="ps-fallback">({note})</p>\n\n<div lang="{written_in}" markdown="1">\n\n{markdown}\n\n</div>\n'


def _history(state: BuildState, root: Path) -> History:
    """The build's history; a shallow clone is said once (as information: a strict build still publishes)."""
    history = state.history(root)
    if history.shallow and not state.said_shallow:
        state.said_shallow = True
        log.info(say("shallow_clone").text(state.editor_language))
    return history


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, state: BuildState) -> str:
    lang = language(config)
    src_in_language = page.file.src_uri.split("/", 1)[-1]
    site_url, day = config.site_url or "http://127.0.0.1:8000/", today()
    data, paths = state.site_data(config), state.paths(config)
    root = paths.root
    page.meta.update(
        page_dates(_history(state, root), root, f"{paths.docs}/{page.file.src_uri}", markdown, paths.config_file)
    )
    for marker, source in markers_without_data(root, markdown, paths.config_file):
        log.warning(
            f"docs/{page.file.src_uri}: "
            + say("marker_without_data", marker=marker, file=source).text(state.editor_language)
        )
    state.views.use_templates(paths.templates)
    # All it reads (the settings are the data's: a new data object whenever the fingerprint changes).
    key = (markdown, state.fingerprint, day, site_url, paths.templates_stamp)
    kept = state.filled.get((lang, page.file.src_uri))
    if kept is None or kept[0] != key:
        renderer = Renderer.in_build(state.views, data, lang, day, site_url, data.settings.project)
        try:
            kept = (key, renderer.fill(markdown, posixpath.dirname(src_in_language)))
        except jinja2.TemplateError as error:  # the site's own template (the engine's are tested)
            raise PluginError(site_templates.problem(error, root).text(state.editor_language)) from None
        state.filled[(lang, page.file.src_uri)] = kept
    markdown, unknown = kept[1]
    for marker in unknown:
        log.warning(f"docs/{page.file.src_uri}: the marker {marker} is not known; check its spelling")
    written_in = getattr(page.file, "locale", lang)
    return _fallback(markdown, written_in, lang) if written_in != lang else markdown


def on_post_build(config: MkDocsConfig) -> None:
    """After the feeds are written. Once the last language is built (mkdocs-static-i18n builds them in order),
    every link to the site must lead somewhere: a warning each, so that the strict build fails."""
    if language(config) != languages_of(config).codes[-1]:
        return
    for broken in broken_links(Path(config.site_dir), config.site_url or "http://127.0.0.1:8000/"):
        log.warning(str(broken))
