"""The files a build may publish: none that a link brings in from outside the project or .git/, none with addresses."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.structure.files import Files

from projectsite.filesystem import forbidden, holds_addresses

TEMPLATE_SUFFIX = ".j2"  # the site's own data templates (custom_dir/projectsite/): read by the build, not published


def publishable(files: Files, root: Path) -> Files:
    """The files without those (projectsite/filesystem.py tells the editor about each, as a problem), and without
    the site's own data templates.

    Judged are the files of the project's own folders (docs/, overrides/): a file of an installed theme (Material's,
    the engine's) comes from wherever Python installed it, often outside the project, and is published as it is."""
    project = os.path.abspath(root)
    for file in list(files):
        source, folder = file.abs_src_path, file.src_dir
        if source is None or folder is None or not Path(os.path.abspath(folder)).is_relative_to(project):
            continue  # generated, or an installed theme's
        if forbidden(Path(source), root) or holds_addresses(source) or source.endswith(TEMPLATE_SUFFIX):
            files.remove(file)
    return files
