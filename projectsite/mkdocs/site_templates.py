"""A site's own data templates (`<custom_dir>/projectsite/*.md.j2`), and where a build stopped on an error.

A site replaces any of the engine's data templates by its name, as a file in custom_dir replaces a theme's
template. The folder and what its files were are read once per build (BuildState.paths); an edit under
`mkdocs serve` is a new build, so the pages are filled again.
"""

from __future__ import annotations

import traceback
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig

from projectsite.messages import say
from projectsite.problems import Problem

FOLDER = "projectsite"  # inside the theme's custom_dir

Stamp = tuple[tuple[str, int, int], ...]


def folder(config: MkDocsConfig, root: Path) -> Path | None:
    """`<custom_dir>/projectsite/`; None without one, or outside the project."""
    custom = config.theme.custom_dir
    found = Path(custom).resolve() / FOLDER if custom else None
    return found if found is not None and found.is_dir() and found.is_relative_to(root.resolve()) else None


def stamp(templates: Path | None) -> Stamp:
    """What the site's templates are: each file's name, modification time and size."""
    if templates is None:
        return ()
    found = sorted(p for p in templates.rglob("*") if p.is_file())
    return tuple((p.relative_to(templates).as_posix(), p.stat().st_mtime_ns, p.stat().st_size) for p in found)


def shown(path: str, root: Path) -> str:
    """A file an error names, as the editor sees it: relative to the project (its name when outside)."""
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        return Path(path).name


def place(error: BaseException) -> tuple[str | None, int | None]:
    """The file and line an error names: its own (Jinja's syntax errors, OSError's), else the last template
    frame of its traceback (Jinja rewrites those to the template's lines)."""
    file, line = getattr(error, "filename", None), getattr(error, "lineno", None)
    if not isinstance(file, str):
        file, line = None, None
        for frame, number in traceback.walk_tb(error.__traceback__):
            if frame.f_code.co_filename.endswith(".j2"):
                file, line = frame.f_code.co_filename, number
    return file, line if isinstance(line, int) else None


def problem(error: jinja2.TemplateError, root: Path) -> Problem:
    """A template that failed while the pages were filled: its file and line, and Jinja's words."""
    file, line = place(error)
    text = " ".join(f"{type(error).__name__}: {error}".split())
    return Problem(
        shown(file, root) if file else "", line if file else None, "", say("data_template_error", error=text)
    )
