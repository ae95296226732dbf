"""What the engine may read and publish from the project's folders: nothing outside the project, nothing in .git/.

A symbolic link under docs/, data/ or overrides/ may point anywhere (a system file, the build's environment,
the git config with a CI token): such a link is a problem, and its file is neither read nor published. Files
that may hold addresses are never published, and every prose page must be UTF-8 text.
"""

from __future__ import annotations

import os
from pathlib import Path

from .messages import say
from .problems import Problem
from .sourcefile import UnreadableFile, read_source

ADDRESS_SUFFIXES = (".csv", ".sqlite", ".sqlite3", ".db", ".eml")
WATCHED = ("data", "overrides")  # besides the pages' folder


def forbidden(path: Path, root: Path) -> bool:
    """Whether the path, its links followed, lies outside the project or inside its .git/."""
    try:
        real, project = path.resolve(), root.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return True
    return not real.is_relative_to(project) or real.is_relative_to(project / ".git")


def holds_addresses(path: Path | str) -> bool:
    return str(path).lower().endswith(ADDRESS_SUFFIXES)


def _shown(path: Path, root: Path) -> str:
    return "".join(c if c.isprintable() else "?" for c in path.relative_to(root).as_posix())


def _link_problem(path: Path, root: Path) -> Problem:
    target = "".join(c if c.isprintable() else "?" for c in os.readlink(path))
    return Problem(_shown(path, root), None, "", say("link_outside", target=target))


def _walk(folder: Path, root: Path) -> tuple[list[Path], list[Problem]]:
    """The files under a folder that may be read (links inside the project followed), and the links that may not."""
    files: list[Path] = []
    problems: list[Problem] = []
    for here, dirs, names in os.walk(folder, followlinks=True):
        base = Path(here)
        for name in sorted(dirs):
            if (base / name).is_symlink() and forbidden(base / name, root):
                problems.append(_link_problem(base / name, root))
                dirs.remove(name)
        for name in sorted(names):
            path = base / name
            if path.is_symlink() and forbidden(path, root):
                problems.append(_link_problem(path, root))
            else:
                files.append(path)
    return files, problems


def folder_problems(root: Path, docs_dir: str) -> list[Problem]:
    """Links out of the project, files with addresses in the pages' folder, and pages that are not UTF-8 text."""
    problems: list[Problem] = []
    for name in WATCHED:
        problems += _walk(root / name, root)[1] if (root / name).is_dir() else []
    if not (root / docs_dir).is_dir():
        return problems
    files, found = _walk(root / docs_dir, root)
    problems += found
    for path in files:
        if path.parent.name == "news" and path.parent.parent.parent == root / docs_dir:
            continue  # a news post: read, and told about, as a post (news.py)
        if holds_addresses(path):
            problems.append(Problem(_shown(path, root), None, "", say("address_file"), "warning"))
        elif path.suffix == ".md":
            try:
                read_source(path, root)
            except UnreadableFile as exc:
                problems.append(Problem(_shown(path, root), exc.line, "", exc.message))
    return problems
