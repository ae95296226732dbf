"""A mistake in the data stops the build with readable lines, never a traceback or a broken site."""
from __future__ import annotations

from conftest import Project

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
    assert "data/trainings.yaml:6: trainings[0].modules[0].date: warning: the module is dated 2022-01-31" in result.stderr


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
