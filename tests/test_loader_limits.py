"""What the YAML loader refuses or reads differently from YAML 1.1, and files that are not text: messages, never hangs."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
from conftest import BIN, Project
from data_problems import only, problems_in

from projectsite.load import load_data_file, load_site
from projectsite.yamlfile import parse

BILLION_LAUGHS = """
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""

EVENT = "- id: a\n  title: A\n  start: {start}\n"


def test_a_billion_laughs_is_refused_at_once(tmp_path: Path) -> None:
    started = time.perf_counter()
    line = only(problems_in(tmp_path, "events", "- id: x\n  tags:\n" + BILLION_LAUGHS.replace("\n", "\n    ")))
    assert time.perf_counter() - started < 30  # a hang guard, not a speed figure: unbounded, it never ends
    assert line.startswith("data/events.yaml:") and "write the values out instead" in line


def test_a_few_aliases_that_expand_a_lot_are_refused(tmp_path: Path) -> None:
    doubling = "".join(f"- &x{i} [*x{i - 1}, *x{i - 1}]\n" for i in range(1, 20))
    line = only(problems_in(tmp_path, "events", "- &x0 [a]\n" + doubling))
    assert line == (
        "data/events.yaml:2: the references (*name) from here on would repeat more than 10000 values; "
        "write the values out instead"
    )


def test_a_reference_into_itself_is_refused(tmp_path: Path) -> None:
    line = only(problems_in(tmp_path, "events", "- &a [*a]\n"))
    assert (
        line == "data/events.yaml:1: a reference (*name) from here on points into itself; write the values out instead"
    )


def test_a_few_references_still_work() -> None:
    assert parse("a: &x [1, 2]\nb: *x\n").data == {"a": [1, 2], "b": [1, 2]}


@pytest.mark.parametrize("depth", [40, 100_000])
def test_deep_nesting_is_refused_where_it_gets_too_deep(tmp_path: Path, depth: int) -> None:
    line = only(problems_in(tmp_path, "events", "- id: a\n  tags: " + "[" * depth + "]" * depth + "\n"))
    assert line.startswith("data/events.yaml:2: the lists and groups are nested more than 32 levels deep here")


def test_a_huge_file_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    with (tmp_path / "data" / "media.yaml").open("wb") as f:
        f.truncate(11_000_000)
    _, problems = load_data_file(tmp_path, "media")
    assert [str(p) for p in problems] == [
        "data/media.yaml: the file is 11 MB; at most 10 MB is read; split or shorten it"
    ]


def test_a_folder_where_a_data_file_belongs(tmp_path: Path) -> None:
    (tmp_path / "data" / "team.yaml").mkdir(parents=True)
    _, problems = load_data_file(tmp_path, "team")
    assert [str(p) for p in problems] == [
        "data/team.yaml: this is a folder where a file belongs; remove the folder and write the file"
    ]


def test_a_pipe_where_a_data_file_belongs_does_not_block(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    os.mkfifo(tmp_path / "data" / "team.yaml")
    _, problems = load_data_file(tmp_path, "team")
    assert [str(p) for p in problems] == [
        "data/team.yaml: this is not an ordinary file (a pipe or a device); write an ordinary text file"
    ]


def test_a_link_to_nowhere_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "team.yaml").symlink_to(tmp_path / "gone.yaml")
    _, problems = load_data_file(tmp_path, "team")
    assert [str(p) for p in problems] == [
        "data/team.yaml: the file cannot be read (check that it exists and that you may read it)"
    ]


def test_a_data_file_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "team.yaml").write_bytes("- name: A\n  role: K\xf5iv\n".encode("cp1257"))
    _, problems = load_data_file(tmp_path, "team")
    assert [str(p) for p in problems] == ["data/team.yaml:2: the file is not UTF-8 text; save it again as UTF-8"]


def test_a_news_post_that_is_not_utf8(tmp_path: Path) -> None:
    post = tmp_path / "docs" / "et" / "news" / "2024-01-01-x.md"
    post.parent.mkdir(parents=True)
    post.write_bytes("---\ndate: 2024-01-01\ntitle: Õnn\n---\n".encode("cp1257"))
    _, problems = load_site(tmp_path)
    assert "docs/et/news/2024-01-01-x.md:3: the file is not UTF-8 text; save it again as UTF-8" in map(str, problems)


def test_a_folder_named_like_a_news_post(tmp_path: Path) -> None:
    (tmp_path / "docs" / "et" / "news" / "2024-01-01-x.md").mkdir(parents=True)
    _, problems = load_site(tmp_path)
    assert "docs/et/news/2024-01-01-x.md: this is a folder, not a news post; a news post is a .md file" in map(
        str, problems
    )


@pytest.mark.parametrize(
    "written,read",
    [
        ("030", "030"),
        ("14:00", "14:00"),
        ("1:30:00", "1:30:00"),
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("0x1F", "0x1F"),
        ("0o17", "0o17"),
        ("1_000", "1_000"),
        ("2022-06-14", "2022-06-14"),
        ("=", "="),
        (".inf", ".inf"),
        ("30", 30),
        ("-4", -4),
        ("2.5", 2.5),
        ("true", True),
        ("false", False),
        ("null", None),
        ("~", None),
    ],
)
def test_values_are_read_as_written(written: str, read: object) -> None:
    assert parse(f"value: {written}\n").data == {"value": read}


def test_an_unquoted_time_in_an_agenda_is_a_time(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    text = "- id: a\n  title: A\n  start: 2022-06-14\n  agenda:\n    - time: 14:00\n      item: Avamine\n"
    (tmp_path / "data" / "events.yaml").write_text(text, encoding="utf-8")
    events, problems = load_data_file(tmp_path, "events")
    assert problems == []
    assert events[0].agenda[0].time == "14:00"


def test_a_title_of_digits_keeps_its_leading_zero(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "events.yaml").write_text("- id: a\n  title: 030\n  start: 2022-06-14\n", encoding="utf-8")
    events, problems = load_data_file(tmp_path, "events")
    assert problems == [] and events[0].title.get("et")[0] == "030"


def test_a_time_the_spring_forward_night_skips_is_an_error(tmp_path: Path) -> None:
    line = only(problems_in(tmp_path, "events", EVENT.format(start="2024-03-31 03:30")))
    assert line.startswith(
        "data/events.yaml:3: events[0].start: 2024-03-31 03:30 does not exist in the site's time zone (Europe/Tallinn)"
    )


def test_a_time_the_autumn_night_repeats_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "events.yaml").write_text(EVENT.format(start="2024-10-27 03:30"), encoding="utf-8")
    events, problems = load_data_file(tmp_path, "events")
    assert [(p.text(), p.severity) for p in problems] == [
        (
            "data/events.yaml:3: events[0].start: warning: 2024-10-27 03:30 happens twice in the site's time zone (Europe/Tallinn): the clocks go "
            "back from 04:00 to 03:00 that night; the earlier (summer time) one is used",
            "warning",
        )
    ]
    assert len(events) == 1


def test_the_hour_before_the_clocks_change_is_plain(tmp_path: Path) -> None:
    assert problems_in(tmp_path, "events", EVENT.format(start="2024-03-31 02:59")) == []


def test_a_deadline_in_the_skipped_hour_is_an_error(tmp_path: Path) -> None:
    text = (
        EVENT.format(start="2024-04-02")
        + "  registration:\n    url: https://forms.gle/x\n    deadline: 2024-03-31 03:00\n"
    )
    line = only(problems_in(tmp_path, "events", text))
    assert line.startswith("data/events.yaml:6: events[0].registration.deadline: 2024-03-31 03:00 does not exist")


@pytest.mark.parametrize("start", ["0001-01-01", "9999-12-31", "9999-12-31 23:59", "1899-12-31"])
def test_years_at_the_edge_of_the_calendar_are_refused(tmp_path: Path, start: str) -> None:
    line = only(problems_in(tmp_path, "events", EVENT.format(start=start)))
    assert line == f"data/events.yaml:3: events[0].start: '{start}': the year must lie between 1900 and 2999"


@pytest.mark.parametrize(
    "escape,code",
    [("\\x07", "U+0007"), ("\\0", "U+0000"), ("\\x85", "U+0085"), ("\\x9f", "U+009F"), ("\\x1b", "U+001B")],
)
def test_a_control_character_in_a_text_is_named(tmp_path: Path, escape: str, code: str) -> None:
    line = only(problems_in(tmp_path, "events", f'- id: a\n  title: "Ava{escape}seminar"\n  start: 2022-06-14\n'))
    assert line == (
        f"data/events.yaml:2: events[0].title: an invisible control character ({code}) is in the text; "
        "delete it (it often comes with copy and paste)"
    )


def test_a_raw_control_character_in_the_file_is_named_with_its_line(tmp_path: Path) -> None:
    line = only(problems_in(tmp_path, "events", "- id: a\n  title: Ava\x01seminar\n  start: 2022-06-14\n"))
    assert line.startswith("data/events.yaml:2: an invisible control character (U+0001)")


def test_a_list_as_a_key_is_a_message(tmp_path: Path) -> None:
    problems = problems_in(tmp_path, "events", "- ? [a]\n  : b\n")
    assert problems and all(p.startswith("data/events.yaml:") for p in problems)


@pytest.mark.parametrize(
    "name,near",
    [("Events.yaml", "data/events.yaml"), ("trainigs.yaml", "data/trainings.yaml"), ("media.yml", "data/media.yaml")],
)
def test_a_data_file_nobody_reads_gets_the_nearest_name(project: Project, name: str, near: str) -> None:
    (project.root / "data" / name).write_text("[]\n", encoding="utf-8")
    result = project.check("--lang", "en")
    assert f"data/{name}: warning: no part of the site reads this file: did you mean {near}?" in result.stdout
    assert project.check("--strict").returncode == 1


def test_a_data_file_far_from_every_name_lists_the_names(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "qwxz.yaml").write_text("[]\n", encoding="utf-8")
    _, problems = load_site(tmp_path)
    assert any(
        str(p).startswith(
            "data/qwxz.yaml: warning: no part of the site reads this file; the data files "
            "are data/events.yaml, data/trainings.yaml"
        )
        for p in problems
    ), problems


def test_the_newsletter_log_is_a_known_data_file(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "newsletter-log.yaml").write_text("[]\n", encoding="utf-8")
    _, problems = load_site(tmp_path)
    assert not any("newsletter-log" in str(p) for p in problems)


def test_check_refuses_a_billion_laughs_quickly(project: Project) -> None:
    project.write("data/media.yaml", BILLION_LAUGHS)
    result = subprocess.run(
        [str(BIN / "projectsite"), "check", "--root", str(project.root)], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 1
    assert "data/media.yaml:" in result.stdout and "Traceback" not in result.stdout + result.stderr


def test_the_build_refuses_a_billion_laughs_quickly(project: Project) -> None:
    project.write("data/media.yaml", BILLION_LAUGHS)
    started = time.perf_counter()
    result = project.build()
    assert time.perf_counter() - started < 60  # a hang guard, not a speed figure: unbounded, it never ends
    assert result.returncode != 0
    assert "data/media.yaml:" in result.stderr and "Traceback" not in result.stderr


def test_the_build_reports_a_folder_and_a_bad_year_without_traceback(project: Project) -> None:
    project.replace_events(EVENT.format(start="9999-12-31"))
    (project.root / "data" / "team.yaml").unlink()
    (project.root / "data" / "team.yaml").mkdir()
    result = project.build()
    assert result.returncode != 0
    assert "data/team.yaml: this is a folder where a file belongs" in result.stderr
    assert "events[0].start: '9999-12-31': the year must lie between 1900 and 2999" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_build_reports_a_news_post_that_is_not_utf8(project: Project) -> None:
    post = project.root / "docs" / "et" / "news" / "2024-01-01-x.md"
    post.write_bytes("---\ndate: 2024-01-01\ntitle: Õnn\n---\n\nTekst\n".encode("cp1257"))
    result = project.build()
    assert result.returncode != 0
    assert "docs/et/news/2024-01-01-x.md:3: the file is not UTF-8 text; save it again as UTF-8" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "start,expected",
    [
        ("!!timestamp 0001-01-01", "'0001-01-01': the year must lie between 1900 and 2999"),
        ("!!timestamp 2024-03-31 03:30:00", "2024-03-31 03:30 does not exist in the site's time zone (Europe/Tallinn)"),
        ("!!timestamp 2024-06-14 13:30:00+05:00", "'2024-06-14 13:30:00+05:00' is not a date in the form"),
    ],
)
def test_a_tagged_timestamp_is_checked_as_written(tmp_path: Path, start: str, expected: str) -> None:
    line = only(problems_in(tmp_path, "events", EVENT.format(start=start)))
    assert line.startswith(f"data/events.yaml:3: events[0].start: {expected}")


def test_a_python_tag_is_refused_in_plain_words(tmp_path: Path) -> None:
    line = only(problems_in(tmp_path, "events", "- id: a\n  title: !!python/object:os.system x\n"))
    assert line == "data/events.yaml:2: a value cannot start with ! unquoted; put the whole text in quotes"


def test_a_file_saved_with_a_bom_is_read(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "team.yaml").write_bytes("\ufeff- name: A\n  role: B\n".encode("utf-8"))
    team, problems = load_data_file(tmp_path, "team")
    assert (problems, team[0].name) == ([], "A")


def test_a_link_out_of_the_project_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("API_KEY=abc123\n", encoding="utf-8")
    (tmp_path / "project" / "data").mkdir(parents=True)
    (tmp_path / "project" / "data" / "team.yaml").symlink_to(secret)
    _, problems = load_data_file(tmp_path / "project", "team")
    assert [str(p) for p in problems] == [
        "data/team.yaml: this is a link to a file outside the project; copy the file here instead"
    ]


def test_a_link_inside_the_project_is_read(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "team-list.yaml").write_text("- name: A\n  role: B\n", encoding="utf-8")
    (tmp_path / "data" / "team.yaml").symlink_to(tmp_path / "team-list.yaml")
    team, problems = load_data_file(tmp_path, "team")
    assert (problems, len(team)) == ([], 1)


def test_a_link_loop_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "team.yaml").symlink_to(tmp_path / "data" / "team.yaml")
    _, problems = load_data_file(tmp_path, "team")
    assert [str(p) for p in problems] == [
        "data/team.yaml: the file cannot be read (check that it exists and that you may read it)"
    ]


@pytest.mark.parametrize("field,written", [("time", "9.30"), ("time", "1400"), ("item", "2024"), ("item", "1e3")])
def test_a_number_in_a_text_field_keeps_how_it_was_written(tmp_path: Path, field: str, written: str) -> None:
    other = "item: Avamine" if field == "time" else "time: '14:00'"
    (tmp_path / "data").mkdir()
    text = f"- id: a\n  title: A\n  start: 2022-06-14\n  agenda:\n    - {field}: {written}\n      {other}\n"
    (tmp_path / "data" / "events.yaml").write_text(text, encoding="utf-8")
    events, problems = load_data_file(tmp_path, "events")
    assert problems == []
    agenda = events[0].agenda[0]
    assert (agenda.time if field == "time" else agenda.item.get("et")[0]) == written


def test_a_number_in_a_number_field_stays_a_number(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "events.yaml").write_text(
        "- id: a\n  title: 2024\n  start: 2022-06-14\n  capacity: 30\n", encoding="utf-8"
    )
    events, problems = load_data_file(tmp_path, "events")
    assert (problems, events[0].capacity, events[0].title.get("et")[0]) == ([], 30, "2024")
