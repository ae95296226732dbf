"""`mkdocs serve` while the input has errors: a site of one page that names each problem, never a hung server.

MkDocs' server holds every request while a rebuild is failing. So under serve a data error does not fail
the build: the build goes on without pages, and the error page answers every address (as the 404 page).
A rebuild that raises all the same (a mkdocs.yml that does not load, before any plugin runs; a page MkDocs
cannot read after the engine checked it) ends in the same page: keep_serving() wraps MkDocs' builder.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.utils import clean_directory

from projectsite.messages import say
from projectsite.problems import Problem, errors

from . import terminal
from .error_page import error_page
from .site_templates import place, shown
from .siteconfig import DEFAULT_CONFIG, ConfigUnreadable, load_site_config
from .state import BuildState, languages_of

# What MkDocs' loader raises for a configuration it cannot load (load_site_config says which and where).
CONFIG_ERRORS = (Abort, ConfigurationError, OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError)


def without_pages(config: MkDocsConfig) -> Files:
    """The files of a build that only writes the error page: none, and an empty navigation to match."""
    config.nav = None  # else MkDocs warns about every page of the navigation that is missing
    return Files([])


def _languages(editor_language: str, site_languages: Iterable[str]) -> list[str]:
    return [editor_language] + [lang for lang in site_languages if lang != editor_language]


def _write(site_dir: Path, problems: list[Problem], languages: list[str]) -> None:
    epoch = round(time.monotonic() * 1000)  # MkDocs' livereload clock, read after this build started
    page = error_page(errors(problems), languages, epoch)
    for name in ("404.html", "index.html"):
        (site_dir / name).write_text(page, encoding="utf-8")


def write_error_page(config: MkDocsConfig, problems: list[Problem], editor_language: str) -> None:
    """After each language's build (the later ones write their own 404 page over it)."""
    _write(Path(config.site_dir), problems, _languages(editor_language, languages_of(config)))


class _ErrorLines(logging.Handler):
    """MkDocs' own error lines during one rebuild (which page it could not read): printed as usual, and kept."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@contextmanager
def _error_lines() -> Iterator[_ErrorLines]:
    logger, handler = logging.getLogger("mkdocs"), _ErrorLines()
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def why_stopped(error: Exception, lines: list[str], config_file: Path) -> Problem:
    """The problem to show for a rebuild that raised: the configuration's (file and line) when it does not
    load, else the error with the file and line it names, if any."""
    root = config_file.parent
    if isinstance(error, CONFIG_ERRORS):
        try:
            load_site_config(root, config_file.name)  # the same load again: MkDocs' words, and the line
        except ConfigUnreadable as unreadable:
            return unreadable.problem
    filename, line = place(error)
    text = " ".join(("; ".join(lines) or f"{type(error).__name__}: {error}").split())
    return Problem(shown(filename, root) if filename else "", line, "", say("preview_build_stopped", error=text))


def keep_serving(
    server: LiveReloadServer, config: MkDocsConfig, state: BuildState, failing: Callable[[], None]
) -> None:
    """Every rebuild ends in the site or in the problems page. `failing` is told before the page is written."""
    build = server.builder
    config_file = Path(config.config_file_path or DEFAULT_CONFIG).resolve()
    site_dir = Path(config.site_dir)

    def rebuild() -> None:
        stopped: Exception | None = None
        with _error_lines() as logged:
            try:
                build()
            except Exception as error:  # whatever it is, the preview answers; its trace with `mkdocs serve -v`
                terminal.log.debug("The rebuild stopped:", exc_info=True)
                stopped = error
        if stopped is None:
            return
        problem = why_stopped(stopped, logged.lines, config_file)
        failing()
        terminal.report([problem], state.editor_language, serving=True)
        clean_directory(str(site_dir))  # no page of the last good build stays: every address shows the problem
        languages: Iterable[str] = state.site.languages if state.site is not None else ()
        _write(site_dir, [problem], _languages(state.editor_language, languages))

    server.builder = rebuild
