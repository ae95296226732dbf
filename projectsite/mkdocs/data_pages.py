"""Fills the markers of the pages (<!-- projectsite:events --> and the like) from data/*.yaml."""

from __future__ import annotations

import posixpath
import traceback
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
from projectsite.problems import Problem
from projectsite.render import Renderer, markers_without_data, page_dates
from projectsite.revisions import History

from .state import BuildState, language, languages_of, project_root
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


TEMPLATES = "projectsite"  # the folder of a site's own data templates, inside its theme's custom_dir


def site_templates(config: MkDocsConfig, root: Path) -> Path | None:
    """`<custom_dir>/projectsite/`, where a site replaces any of the engine's data templates by its name (as a
    file in custom_dir replaces a theme's template); None without one, or outside the project."""
    custom = config.theme.custom_dir
    folder = Path(custom).resolve() / TEMPLATES if custom else None
    return folder if folder is not None and folder.is_dir() and folder.is_relative_to(root.resolve()) else None


def _templates_stamp(folder: Path | None) -> tuple[tuple[str, int, int], ...]:
    """What the site's templates were when a page was filled: an edit fills the pages again under serve."""
    if folder is None:
        return ()
    found = sorted(p for p in folder.rglob("*") if p.is_file())
    return tuple((p.relative_to(folder).as_posix(), p.stat().st_mtime_ns, p.stat().st_size) for p in found)


def _template_problem(error: jinja2.TemplateError, root: Path) -> Problem:
    """The file and line of the template that failed: Jinja's own for a syntax error, else the last template
    frame of the traceback (Jinja rewrites it to the template's lines)."""
    file, line = getattr(error, "filename", None), getattr(error, "lineno", None)
    if file is None:
        for frame, number in traceback.walk_tb(error.__traceback__):
            if frame.f_code.co_filename.endswith(".j2"):
                file, line = frame.f_code.co_filename, number
    shown = Path(file).resolve() if file else None
    where = shown.relative_to(root.resolve()).as_posix() if shown and shown.is_relative_to(root.resolve()) else ""
    text = " ".join(f"{type(error).__name__}: {error}".split())
    return Problem(where, line if where else None, "", say("data_template_error", error=text))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, state: BuildState) -> str:
    lang = language(config)
    src_in_language = page.file.src_uri.split("/", 1)[-1]
    site_url, day = config.site_url or "http://127.0.0.1:8000/", today()
    data = state.site_data(config)
    project = data.settings.project
    root = project_root(config)
    docs = Path(config.docs_dir).resolve().relative_to(root).as_posix()
    config_file = Path(config.config_file_path or root / "mkdocs.yml").resolve().relative_to(root).as_posix()
    page.meta.update(page_dates(_history(state, root), root, f"{docs}/{page.file.src_uri}", markdown, config_file))
    for marker, source in markers_without_data(root, markdown, config_file):
        log.warning(
            f"docs/{page.file.src_uri}: "
            + say("marker_without_data", marker=marker, file=source).text(state.editor_language)
        )
    templates = site_templates(config, root)
    state.views.use_templates(templates)
    key = (markdown, state.fingerprint, day, site_url, repr(project), _templates_stamp(templates))  # all it reads
    kept = state.filled.get((lang, page.file.src_uri))
    if kept is None or kept[0] != key:
        renderer = Renderer.in_build(state.views, data, lang, day, site_url, project)
        try:
            kept = (key, renderer.fill(markdown, posixpath.dirname(src_in_language)))
        except jinja2.TemplateError as error:  # the site's own template (the engine's are tested)
            raise PluginError(_template_problem(error, root).text(state.editor_language)) from None
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
