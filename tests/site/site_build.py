"""A copy of a site's sources in a temporary folder, checked and built strictly as the publishing workflow does."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from inprocess import mkdocs, projectsite
from site_sources import SiteSources, read_sources

ROOT = Path(__file__).resolve().parents[2]
SITES = {"loim": ROOT, "laane-viru": ROOT / "examples" / "laane-viru"}  # every site this repository holds
PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides")  # a site's own sources, as far as it has them
TODAY = "2023-06-01"  # a day inside both projects' periods, with events before and after it


def copy_site(source: Path, dest: Path) -> Path:
    dest.mkdir(parents=True)
    for part in PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, dest / part)
        elif (source / part).is_file():
            shutil.copy(source / part, dest / part)
    return dest


@dataclass(frozen=True)
class BuiltSite:
    sources: SiteSources
    site: Path
    check: subprocess.CompletedProcess[str]
    build: subprocess.CompletedProcess[str]


def check_and_build(root: Path, today: str = TODAY) -> BuiltSite:
    """`projectsite check`, then `mkdocs build --strict`, as the publishing workflow runs them."""
    check = projectsite(["check", "--root", str(root)])
    env = {**os.environ, "PROJECTSITE_TODAY": today, "NO_MKDOCS_2_WARNING": "1"}
    site = root / "site"
    build = mkdocs(["build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site)], env=env, cwd=root)
    return BuiltSite(read_sources(root), site, check, build)
