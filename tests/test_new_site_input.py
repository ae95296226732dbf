"""`projectsite new` with hostile names, and what it writes to install the engine (its requirement, Makefile, workflow)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import yaml
from inprocess import mkdocs
from pages import found, soup, text

from projectsite.cli import main
from projectsite.starter.engine_source import _from_direct_url, requirement

HOSTILE_NAMES = {
    "link": "[Kagu](javascript:alert(1))",
    "html": "<script>alert(1)</script><img src=x onerror=alert(2)> \"Kagu\" & 'co'",
    "line_break": "Kagu\n# Heading\n---\ntitle: x",
    "markdown": "*Kagu* `co` | table | {: onclick=alert(1) } <!-- c",
}


def _new(folder: Path, name: str) -> Path:
    assert main(["new", str(folder), "--name", name, "--lang", "en"]) == 0
    return folder


@pytest.mark.parametrize("key", sorted(HOSTILE_NAMES))
def test_a_hostile_name_builds_strictly_and_shows_as_text(tmp_path: Path, key: str) -> None:
    name = HOSTILE_NAMES[key]
    folder = _new(tmp_path / "site-src", name)
    built = mkdocs(["build", "--strict"], cwd=folder, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert built.returncode == 0, built.stderr
    home = soup(folder / "site", "index.html")
    assert text(found(home.h1)) == " ".join(name.split())
    assert found(home.title).get_text().endswith(" ".join(name.split())), "the name, not its character references"
    header = found(home.select_one(".md-header__topic .md-ellipsis"))
    assert text(header) == " ".join(name.split())
    pages = sorted((folder / "site").rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        html = soup(page.parent, page.name)
        assert not [
            a for a in html.find_all("a") if str(a.get("href", "")).strip().lower().startswith("javascript:")
        ], page
        assert not html.find_all("img", src="x") and not html.find_all(onclick=True), page
        code = [s.text for s in html.find_all("script") if s.get("type") != "application/ld+json"]  # JSON-LD is data
        assert code and "alert(1)" not in "".join(code), page


def test_the_requirement_is_where_the_engine_was_installed_from(tmp_path: Path) -> None:
    folder = _new(tmp_path / "s", "Kagu")
    line = (folder / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1]
    assert line == requirement() and line.startswith("projectsite @ file:///")


def test_a_git_install_gives_a_git_requirement_at_its_commit() -> None:
    info = {"url": "https://example.org/projectsite.git", "vcs_info": {"vcs": "git", "commit_id": "abc123"}}
    assert _from_direct_url(info) == "projectsite @ git+https://example.org/projectsite.git@abc123"


def test_the_makefile_has_no_absolute_path_and_makes_its_own_venv(tmp_path: Path) -> None:
    folder = _new(tmp_path / "s", "Kagu")
    makefile = (folder / "Makefile").read_text(encoding="utf-8")
    assert sys.executable not in makefile and not re.search(r"\s/[a-z]", makefile)
    dry = subprocess.run(["make", "-n", "build"], cwd=folder, capture_output=True, text=True, check=True).stdout
    assert "python3 -m venv .venv" in dry and "pip install -q -r requirements.txt" in dry
    assert ".venv/bin/python -m mkdocs build --strict" in dry


def _steps(folder: Path) -> list[str]:
    workflow = yaml.safe_load((folder / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    steps = {step.get("name"): step.get("run") for step in workflow["jobs"]["build"]["steps"]}
    return [steps["Install the engine"], steps["Check the data"], steps["Build, strictly"]]


def test_the_workflows_install_check_and_build_steps_pass_in_a_fresh_venv(tmp_path: Path) -> None:
    folder = _new(tmp_path / "s", "Kagu")
    venv.create(tmp_path / "venv", with_pip=True)
    env = {**os.environ, "PATH": f"{tmp_path / 'venv' / 'bin'}:{os.environ['PATH']}", "NO_MKDOCS_2_WARNING": "1"}
    env.pop("VIRTUAL_ENV", None)
    for step in _steps(folder):
        done = subprocess.run(step, shell=True, cwd=folder, env=env, capture_output=True, text=True, timeout=900)
        assert done.returncode == 0, (step, done.stdout[-3000:], done.stderr[-3000:])
    assert (folder / "site" / "index.html").is_file()
