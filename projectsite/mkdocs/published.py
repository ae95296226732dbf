"""The files a build may publish: none that a link brings in from outside the project or .git/, none with addresses."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import Files

from projectsite.filesystem import forbidden, holds_addresses


def publishable(files: Files, root: Path) -> Files:
    """The files without those (projectsite/filesystem.py tells the editor about each, as a problem)."""
    for file in list(files):
        source = file.abs_src_path
        if source is not None and (forbidden(Path(source), root) or holds_addresses(source)):
            files.remove(file)
    return files
