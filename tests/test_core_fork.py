"""A maintained MkDocs core: the sites build the same on ProperDocs 1.6 as on MkDocs 1.6.1 (issue #22).

Each site (the LÕIM fixture, the Lääne-Viru fixture, a starter site made by `projectsite new`) is built twice with
the same day and the same SOURCE_DATE_EPOCH: by MkDocs 1.6.1 (this environment, in-process) and by ProperDocs in
.venv-fork/ (scripts/fork_env.py, made on first use: the same pins with the core swapped). The two folders must
hold the same files; every page the same visible text; the feeds, the calendars and every other file that is not
HTML the same bytes; every page the same markup but for the one line that names the core.

What is ignored, and why:
- in the markup, the content of `<meta name="generator">` only: it names the core and its version on purpose
  ("mkdocs-1.6.1, mkdocs-material" against "mkdocs-ProperDocs 1.6.7, mkdocs-material"); a reader never sees it;
- in the visible text, what a browser never shows as text: the contents of <script>, <style> and <template>,
  and the <head> but for its <title>.
The search index (pagefind/) is compared byte for byte like any other file: Pagefind names its files by their
content and writes the same bytes for the same pages (tests/test_reproducible.py builds twice to show it)."""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, copy_project
from inprocess import mkdocs, projectsite
from test_build_errors import MODULE_OUTSIDE

pytestmark = pytest.mark.fork

EPOCH = "1685577600"  # SOURCE_DATE_EPOCH: 2023-06-01 00:00 UTC, for both cores
LAANE_VIRU = ROOT / "tests" / "fixture_sites" / "laane-viru"
SITES = {"loim": "2023-06-01", "laane-viru": "2025-01-15", "starter": "2023-06-01"}  # each site's day
GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')
HIDDEN = ("script", "style", "template")  # elements whose text a browser never shows
SPOKEN = ("alt", "title", "aria-label", "placeholder")  # attributes whose text a reader sees or hears
FEEDS_AND_CALENDARS = (".xml", ".ics")


@pytest.fixture(scope="module")
def fork() -> Path:
    """.venv-fork/: made once from the package index (about 45 s), then only checked to be up to date."""
    made = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "fork_env.py")], capture_output=True, text=True, timeout=1200
    )
    assert made.returncode == 0, made.stdout + made.stderr
    return Path(made.stdout.strip())


def environment(today: str) -> dict[str, str]:
    return {**os.environ, "PROJECTSITE_TODAY": today, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}


def source(name: str, folder: Path) -> Path:
    """The folder with the site's mkdocs.yml."""
    if name == "loim":
        return copy_project(folder / "loim").root
    if name == "laane-viru":
        return LAANE_VIRU  # built from where it is, as its own test does; nothing is written there
    made = projectsite(["new", str(folder / "kagu"), "--name", "Kagu", "--lang", "en"], env=environment(SITES[name]))
    assert made.returncode == 0, made.stderr
    return folder / "kagu"


def build_with_properdocs(fork: Path, site: Path, out: Path, today: str) -> subprocess.CompletedProcess[str]:
    command = [str(fork / "bin" / "properdocs"), "build", "--strict", "-f", str(site / "mkdocs.yml"), "-d", str(out)]
    return subprocess.run(command, capture_output=True, text=True, env=environment(today), cwd=site, timeout=600)


@dataclass
class Built:
    name: str
    mkdocs: Path  # the site as MkDocs 1.6.1 built it
    fork: Path  # the site as ProperDocs built it
    fork_log: str

    def files(self, site: Path) -> list[str]:
        return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())

    def pairs(self, suffixes: tuple[str, ...] | None = None) -> list[tuple[str, bytes, bytes]]:
        """Each file both built (of these suffixes, or all) with its two contents; a file only one core wrote is
        test_both_cores_write_the_same_files' to report."""
        both = set(self.files(self.mkdocs)) & set(self.files(self.fork))
        chosen = sorted(f for f in both if suffixes is None or f.endswith(suffixes))
        assert chosen, f"{self.name}: no file of {suffixes}"
        return [(f, (self.mkdocs / f).read_bytes(), (self.fork / f).read_bytes()) for f in chosen]


@pytest.fixture(scope="module", params=list(SITES))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, fork: Path) -> Built:
    name: str = request.param
    today, folder = SITES[name], tmp_path_factory.mktemp(name)
    site = source(name, folder)
    config = str(site / "mkdocs.yml")
    ours = mkdocs(["build", "--strict", "-f", config, "-d", str(folder / "mkdocs")], env=environment(today), cwd=site)
    assert ours.returncode == 0, ours.stderr
    theirs = build_with_properdocs(fork, site, folder / "properdocs", today)
    assert theirs.returncode == 0, theirs.stderr
    return Built(name, folder / "mkdocs", folder / "properdocs", theirs.stderr)


def visible_text(html: bytes) -> list[str]:
    """The page's text as a reader gets it, a line per piece: the title, the body's text, the spoken attributes."""
    page = BeautifulSoup(html.decode("utf-8"), "html.parser")
    for hidden in page.find_all(HIDDEN):
        hidden.decompose()
    title = [" ".join(page.title.get_text().split())] if page.title else []
    body = page.body or page
    words = [" ".join(piece.split()) for piece in body.stripped_strings]
    spoken = [f"{tag.name}[{a}]: {tag[a]}" for tag in body.find_all(True) for a in SPOKEN if tag.has_attr(a)]
    return title + words + spoken


def differences(rel: str, ours: list[str], theirs: list[str]) -> str:
    """The first lines of a unified diff, MkDocs' side first, for the failure's message."""
    lines = difflib.unified_diff(ours, theirs, f"mkdocs/{rel}", f"properdocs/{rel}", lineterm="", n=1)
    return "\n".join(list(lines)[:30])


def test_the_fork_environment_has_properdocs_and_no_mkdocs(fork: Path) -> None:
    script = (
        "import importlib.metadata as m, importlib.util as u\n"
        "print(m.version('properdocs'), u.find_spec('mkdocs') is None)\n"
        "import projectsite.mkdocs as p; print(p.CORE)\n"
    )
    ran = subprocess.run([str(fork / "bin" / "python"), "-c", script], capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0, ran.stderr
    [version, no_mkdocs, core] = ran.stdout.split()
    assert version.startswith("1.6.") and no_mkdocs == "True" and core == "properdocs", ran.stdout


def test_each_core_built_its_own_site(built: Built) -> None:
    """What the comparison rests on: the second site is ProperDocs' work, not MkDocs' again."""
    page = (built.mkdocs / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<meta name="generator" content="mkdocs-1\.6\.1\b', page)
    page = (built.fork / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<meta name="generator" content="mkdocs-ProperDocs 1\.6\.\d+\b', page)


def test_both_cores_write_the_same_files(built: Built) -> None:
    ours, theirs = built.files(built.mkdocs), built.files(built.fork)
    assert ours == theirs, differences("(the file list)", ours, theirs)
    assert any(f.startswith("pagefind/") for f in ours)


def test_every_page_has_the_same_visible_text(built: Built) -> None:
    for rel, ours, theirs in built.pairs((".html",)):
        mine, forks = visible_text(ours), visible_text(theirs)
        assert mine, f"{built.name}: {rel} has no text"
        assert mine == forks, f"{built.name}:\n" + differences(rel, mine, forks)


def test_every_page_is_the_same_markup_but_for_the_generator(built: Built) -> None:
    for rel, ours, theirs in built.pairs((".html",)):
        mine, forks = (GENERATOR.subn('<meta name="generator">', page.decode("utf-8")) for page in (ours, theirs))
        assert mine[1] == forks[1] <= 1, f"{built.name}: {rel} names its generator {mine[1]} and {forks[1]} times"
        assert mine[0] == forks[0], f"{built.name}:\n" + differences(rel, mine[0].splitlines(), forks[0].splitlines())


def test_the_feeds_and_calendars_are_the_same_bytes(built: Built) -> None:
    compared = built.pairs(FEEDS_AND_CALENDARS)
    assert {"feed.xml", "en/feed.xml", "calendar.ics", "en/calendar.ics"} <= {rel for rel, _, _ in compared}
    differing = [rel for rel, ours, theirs in compared if ours != theirs]
    assert not differing, f"{built.name}: {differing}"


def test_every_other_file_is_the_same_bytes(built: Built) -> None:
    """The sitemap (dated by SOURCE_DATE_EPOCH in both cores), the search index, the assets, the 404 data."""
    others = [(rel, ours, theirs) for rel, ours, theirs in built.pairs() if not rel.endswith(".html")]
    differing = [rel for rel, ours, theirs in others if ours != theirs]
    assert not differing, f"{built.name}: {differing}"


def test_the_forks_terminal_keeps_the_lines_that_ask_nothing_quiet(built: Built) -> None:
    """projectsite's filter sits on the core's own handler: ProperDocs' ('properdocs'), not the unused 'mkdocs'."""
    assert "config 'site_description' with" not in built.fork_log, built.fork_log
    assert "ERROR" not in built.fork_log and "Traceback" not in built.fork_log, built.fork_log


def test_a_data_warning_fails_the_strict_build_on_the_fork_too(fork: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    project.write("data/trainings.yaml", MODULE_OUTSIDE)
    result = build_with_properdocs(fork, project.root, tmp_path / "site", "2023-06-01")
    assert result.returncode != 0
    assert "trainings[0].modules[0].date: warning: the module is dated 2022-01-31" in result.stderr
    assert "Aborted with 1 warnings in strict mode!" in result.stdout, result.stdout + result.stderr


def test_the_projectsite_command_runs_on_the_fork_alone(fork: Path, tmp_path: Path) -> None:
    """`projectsite check` loads mkdocs.yml with ProperDocs' loader (its aliases, no MkDocs installed)."""
    project = copy_project(tmp_path / "project")
    command = [str(fork / "bin" / "projectsite"), "check", "--root", str(project.root)]
    checked = subprocess.run(command, capture_output=True, text=True, env=environment("2023-06-01"), timeout=120)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    (project.root / "mkdocs.yml").write_text("site_name: [\n", encoding="utf-8")
    broken = subprocess.run(command, capture_output=True, text=True, env=environment("2023-06-01"), timeout=120)
    assert broken.returncode == 1
    said = broken.stdout + broken.stderr
    assert said.count("cannot load the configuration") == 1 and "Traceback" not in said, said
