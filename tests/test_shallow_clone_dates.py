"""Page dates that hold where the site is really built: CI fetches the whole history, and a build in a
shallow clone (which knows only the last commit) says so once and shows no made-up dates (issue #21)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, Project, copy_project
from jinja2 import Environment
from pages import soup, text

WORKFLOWS = (
    ROOT / ".github" / "workflows" / "site.yml",
    ROOT / "projectsite" / "starter" / "files" / ".github" / "workflows" / "site.yml.j2",
)
SHALLOW_NOTE = "this is a shallow git clone"


def git(cwd: Path, *args: str, day: str = "2023-01-02") -> None:
    stamp = f"{day}T12:00:00+02:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "LC_ALL": "C"}
    env.update(GIT_AUTHOR_NAME="T", GIT_AUTHOR_EMAIL="t@e.org", GIT_COMMITTER_NAME="T", GIT_COMMITTER_EMAIL="t@e.org")
    subprocess.run(["git", "-C", str(cwd), *args], check=True, capture_output=True, env=env)


@pytest.fixture(scope="module")
def shallow(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, str]:
    """The site committed on 2 January 2023, its events changed on 4 March 2023, cloned with depth 1 and
    built (strictly) in the clone: the project and the build's log."""
    base = tmp_path_factory.mktemp("shallow")
    origin = copy_project(base / "origin").root
    git(origin, "init", "-q")
    git(origin, "add", "-A")
    git(origin, "commit", "-qm", "first")
    events = origin / "data" / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    git(origin, "commit", "-qam", "events", day="2023-03-04")
    git(base, "clone", "-q", "--depth", "1", f"file://{origin}", "clone")
    project = Project(base / "clone")
    result = project.build(today="2023-06-01")  # strict: a shallow clone still publishes
    assert result.returncode == 0, result.stderr
    return project, result.stderr


def dates(project: Project, rel: str) -> str:
    found = soup(project.root / "site", rel).select_one(".ps-dates")
    return text(found) if found is not None else ""


def test_the_clone_is_really_shallow(shallow: tuple[Project, str]) -> None:
    project, _log = shallow
    out = subprocess.run(
        ["git", "-C", str(project.root), "rev-parse", "--is-shallow-repository"], capture_output=True, text=True
    )
    assert out.stdout.strip() == "true"


def test_a_page_in_a_shallow_clone_shows_no_dates_rather_than_the_last_commits_day(
    shallow: tuple[Project, str],
) -> None:
    project, _log = shallow
    assert [dates(project, rel) for rel in ("project/", "en/project/", "events/", "en/events/ringsoit-2022/")] == [
        "",
        "",
        "",
        "",
    ]
    assert "4 March 2023" not in soup(project.root / "site", "en/project/").get_text()  # the commit's day


def test_a_news_post_in_a_shallow_clone_shows_its_own_date_only(shallow: tuple[Project, str]) -> None:
    project, _log = shallow
    assert dates(project, "news/2024-03-22-kogemuste-analuus/") == "Avaldatud: 22. märts 2024"


def test_a_build_in_a_shallow_clone_says_so_once(shallow: tuple[Project, str]) -> None:
    _project, log = shallow
    assert log.count(SHALLOW_NOTE) == 1, log
    assert "fetch-depth: 0" in log


def test_a_full_clone_shows_the_dates_from_its_history(tmp_path: Path) -> None:
    origin = copy_project(tmp_path / "origin").root
    git(origin, "init", "-q")
    git(origin, "add", "-A")
    git(origin, "commit", "-qm", "first")
    git(tmp_path, "clone", "-q", f"file://{origin}", "clone")
    project = Project(tmp_path / "clone")
    result = project.build(today="2023-06-01")
    assert result.returncode == 0, result.stderr
    assert SHALLOW_NOTE not in result.stderr
    assert dates(project, "en/project/") == "Published: 2 January 2023 Last updated: 2 January 2023"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_the_workflows_fetch_the_whole_history(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    if path.suffix == ".j2":
        source = Environment().from_string(source).render(name="Site", languages=["et", "en"])
    workflow = yaml.safe_load(source)
    checkouts = [
        step
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if str(step.get("uses", "")).startswith("actions/checkout@")
    ]
    assert checkouts and all(step.get("with", {}).get("fetch-depth") == 0 for step in checkouts), checkouts
