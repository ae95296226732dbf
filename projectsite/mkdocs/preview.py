"""`mkdocs serve` while the data has errors: a site of one page that names each problem, never a hung server.

MkDocs' server holds every request while a rebuild is failing. So under serve a data error does not fail
the build: the build goes on without pages, and the error page answers every address (as the 404 page).
"""

from __future__ import annotations

import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from projectsite.problems import Problem, errors

from .error_page import error_page
from .state import languages_of


def without_pages(config: MkDocsConfig) -> Files:
    """The files of a build that only writes the error page: none, and an empty navigation to match."""
    config.nav = None  # else MkDocs warns about every page of the navigation that is missing
    return Files([])


def write_error_page(config: MkDocsConfig, problems: list[Problem], editor_language: str) -> None:
    """After each language's build (the later ones write their own 404 page over it)."""
    languages = [editor_language] + [lang for lang in languages_of(config) if lang != editor_language]
    epoch = round(time.monotonic() * 1000)  # MkDocs' livereload clock, read after this build started
    page = error_page(errors(problems), languages, epoch)
    for name in ("404.html", "index.html"):
        (Path(config.site_dir) / name).write_text(page, encoding="utf-8")
