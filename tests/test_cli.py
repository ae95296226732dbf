"""`projectsite check`: every problem on its own line, exit 1 on an error (or a warning with --strict)."""

from __future__ import annotations

from conftest import Project
from test_build_errors import BAD_EVENT, MODULE_OUTSIDE


def test_check_passes_the_shipped_site(project: Project) -> None:
    result = project.check()
    assert result.returncode == 0, result.stdout
    last = result.stdout.strip().splitlines()[-1]  # an editor's warning (an event outside the period) may come
    assert last == "All data files and news posts are valid." or last.startswith("0 errors, "), last


def test_check_prints_each_problem_and_exits_1(project: Project) -> None:
    project.replace_events(BAD_EVENT)
    project.write("data/team.yaml", "- name: A\n  role: B\n  email: not-an-address\n")
    result = project.check()
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "data/events.yaml:4: events[0].end: ends 2022-06-13, before its start 2022-06-14" in lines
    assert any(line.startswith("data/team.yaml:3: team[0].email:") for line in lines)
    assert lines[-1] == "2 errors, 0 warnings."
    assert result.stderr == ""


def test_check_passes_warnings_unless_strict(project: Project) -> None:
    project.write("data/trainings.yaml", MODULE_OUTSIDE)
    relaxed, strict = project.check(), project.check("--strict")
    assert relaxed.returncode == 0 and "warning: the module is dated" in relaxed.stdout
    assert strict.returncode == 1 and strict.stdout.count("warning: the module is dated") == 1
    assert strict.stdout.splitlines()[-1].startswith("0 errors, ")
