"""A mistake in the data stops the build with readable lines, never a traceback or a broken site."""

from __future__ import annotations

import os

from conftest import Project
from inprocess import mkdocs

BAD_EVENT = """
- id: a
  title: A
  start: 2022-06-14
  end: 2022-06-13
"""

MODULE_OUTSIDE = """
- id: p
  title: Programme
  period: {start: 2023-01-05, end: 2023-04-30}
  volume: {contact: 124, independent: 116}
  modules:
    - {id: m, date: 2022-01-31, title: Module, trainers: [Kerli Kõiv]}
"""


def test_bad_data_stops_the_build_with_the_problem_line(project: Project) -> None:
    project.replace_events(BAD_EVENT)
    result = project.build()
    assert result.returncode != 0
    assert "data/events.yaml:4: events[0].end: ends 2022-06-13, before its start 2022-06-14" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_bad_data_leaves_no_site_behind(project: Project) -> None:
    project.replace_events(BAD_EVENT)
    project.build()
    assert not (project.root / "site" / "index.html").exists()


def test_a_yaml_syntax_error_stops_the_build_without_traceback(project: Project) -> None:
    project.write("data/team.yaml", "- name: A\n  role: [x\n")
    result = project.build()
    assert result.returncode != 0
    assert "data/team.yaml:2: the bracket [ on this line is never closed" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_warning_fails_the_strict_build(project: Project) -> None:
    project.write("data/trainings.yaml", MODULE_OUTSIDE)
    result = project.build(strict=True)
    assert result.returncode != 0
    assert (
        "data/trainings.yaml:6: trainings[0].modules[0].date: warning: the module is dated 2022-01-31" in result.stderr
    )


def test_a_warning_does_not_stop_the_preview_build(project: Project) -> None:
    project.write("data/trainings.yaml", MODULE_OUTSIDE)
    result = project.build(strict=False)
    assert result.returncode == 0, result.stderr
    assert "warning: the module is dated 2022-01-31" in result.stderr


def test_a_misspelt_marker_is_reported(project: Project) -> None:
    project.write("docs/en/media.md", "# Media\n\n<!-- projectsite:medias -->\n")
    result = project.build(strict=True)
    assert result.returncode != 0
    assert "docs/en/media.md: the marker <!-- projectsite:medias --> is not known" in result.stderr


def test_lines_that_ask_nothing_of_the_editor_show_only_when_verbose(project: Project) -> None:
    quiet = project.build(strict=False)
    assert quiet.returncode == 0, quiet.stderr
    assert "site_description" not in quiet.stderr
    verbose = mkdocs(["build", "-v", "-d", str(project.root / "site")], cwd=project.root)
    assert "site_description" in verbose.stderr


def test_missing_english_is_reported_plainly(project: Project) -> None:
    project.replace_events("- {id: a, title: Avaseminar, start: 2022-06-14, summary: {et: Tere}}\n")
    result = project.build(strict=True)
    assert result.returncode == 0, result.stderr  # not a warning: the English site shows the Estonian
    lines = result.stderr.splitlines()
    assert "INFO    -  1 event without a translation." in lines
    assert any(
        line.endswith(
            "data/events.yaml:1: events[0].summary: has no English text (en:); the English site shows the Estonian"
        )
        for line in lines
    ), result.stderr
    assert "warning:" not in result.stderr


def test_the_problems_are_told_in_the_editors_language(project: Project) -> None:
    project.replace_events(BAD_EVENT)
    result = mkdocs(
        ["build", "-d", str(project.root / "site")],
        cwd=project.root,
        env={**os.environ, "LC_ALL": "", "LC_MESSAGES": "", "LANG": "et_EE.UTF-8"},
    )
    assert result.returncode != 0
    assert "data/events.yaml:4: events[0].end: lõpeb 2022-06-13, enne algust 2022-06-14" in result.stderr
    assert "Need vead andmetes takistavad saidi ehitamist:" in result.stderr
