"""Every mistake an editor can make in a data file ends in one line: file, line, field, plain words."""

from __future__ import annotations

from pathlib import Path

import pytest
from data_problems import only, problems_in

from projectsite.load import load_data_file, load_site

GOOD_EVENT = """
- id: opening
  title: {et: Avaseminar, en: Opening seminar}
  start: 2022-06-14 13:30
"""


def test_an_unclosed_bracket_is_reported_where_it_opens(tmp_path: Path) -> None:
    line = only(problems_in(tmp_path, "events", "- id: a\n  title: [unclosed\n  start: 2022-06-14\n"))
    assert line == (
        "data/events.yaml:2: the bracket [ on this line is never closed with ]; close it, "
        "or if the text itself starts with [, put the whole text in quotes"
    )


def test_a_list_where_a_mapping_belongs(tmp_path: Path) -> None:
    text = GOOD_EVENT + "  registration:\n    - https://forms.gle/x\n"
    line = only(problems_in(tmp_path, "events", text))
    assert line.startswith("data/events.yaml:4: events[0].registration: expected a group of fields")
    assert "found a list" in line


def test_a_mapping_where_the_list_of_events_belongs(tmp_path: Path) -> None:
    line = only(problems_in(tmp_path, "events", "id: a\ntitle: A\n"))
    assert line.startswith("data/events.yaml:1: events: expected a list")


def test_missing_required_field(tmp_path: Path) -> None:
    line = only(problems_in(tmp_path, "events", "- id: a\n  start: 2022-06-14\n"))
    assert line == "data/events.yaml:1: events[0].title: the required field 'title' is missing"


def test_wrong_type(tmp_path: Path) -> None:
    line = only(problems_in(tmp_path, "events", GOOD_EVENT + "  capacity: thirty\n"))
    assert line == "data/events.yaml:4: events[0].capacity: expected a whole number, found 'thirty'"


def test_text_given_as_a_list(tmp_path: Path) -> None:
    line = only(problems_in(tmp_path, "events", "- id: a\n  title: [A, B]\n  start: 2022-06-14\n"))
    assert line.startswith("data/events.yaml:2: events[0].title: expected text: plain words, or one line per language")


def test_impossible_date(tmp_path: Path) -> None:
    line = only(problems_in(tmp_path, "events", "- id: a\n  title: A\n  start: 2023-02-30\n"))
    assert line == "data/events.yaml:3: events[0].start: '2023-02-30' is not a real date: no such day in the calendar"


def test_date_in_day_month_year_format_says_the_expected_format(tmp_path: Path) -> None:
    line = only(problems_in(tmp_path, "events", "- id: a\n  title: A\n  start: 14.06.2022\n"))
    assert line.startswith("data/events.yaml:3: events[0].start: '14.06.2022' is written day.month.year")
    assert "YYYY-MM-DD" in line and "2022-06-14" in line


def test_impossible_time(tmp_path: Path) -> None:
    line = only(problems_in(tmp_path, "events", "- id: a\n  title: A\n  start: 2022-06-14 25:00\n"))
    assert line.startswith("data/events.yaml:3: events[0].start: '2022-06-14 25:00' is not a real time")


def test_end_before_start(tmp_path: Path) -> None:
    text = "- id: a\n  title: A\n  start: 2022-06-14\n  end: 2022-06-13\n"
    line = only(problems_in(tmp_path, "events", text))
    assert line == "data/events.yaml:4: events[0].end: ends 2022-06-13, before its start 2022-06-14"


def test_end_earlier_the_same_day(tmp_path: Path) -> None:
    text = "- id: a\n  title: A\n  start: 2022-06-14 13:00\n  end: 2022-06-14 12:00\n"
    line = only(problems_in(tmp_path, "events", text))
    assert line == "data/events.yaml:4: events[0].end: ends 2022-06-14 12:00, before its start 2022-06-14 13:00"


def test_registration_deadline_after_the_start(tmp_path: Path) -> None:
    text = GOOD_EVENT + "  registration:\n    url: https://forms.gle/x\n    deadline: 2022-06-20\n"
    line = only(problems_in(tmp_path, "events", text))
    assert line.startswith("data/events.yaml:6: events[0].registration.deadline: registration closes 2022-06-20")


def test_duplicate_id(tmp_path: Path) -> None:
    text = GOOD_EVENT + GOOD_EVENT.replace("13:30", "15:00")
    line = only(problems_in(tmp_path, "events", text))
    assert line.startswith("data/events.yaml:5: events[1].id: the id 'opening' is already used by events[0]")


def test_id_with_capitals_and_spaces(tmp_path: Path) -> None:
    line = only(problems_in(tmp_path, "events", "- id: Opening Seminar\n  title: A\n  start: 2022-06-14\n"))
    assert line.startswith("data/events.yaml:1: events[0].id: 'Opening Seminar' is not a usable id")


def test_malformed_url(tmp_path: Path) -> None:
    text = GOOD_EVENT + "  registration:\n    url: www.forms.gle/x\n"
    line = only(problems_in(tmp_path, "events", text))
    assert line.startswith("data/events.yaml:5: events[0].registration.url: 'www.forms.gle/x' is not a web address")


def test_malformed_email(tmp_path: Path) -> None:
    text = "- name: Kerli Kõiv\n  role: koordinaator\n  email: kerli.koiv@vorumaa\n"
    line = only(problems_in(tmp_path, "team", text))
    assert (
        line == "data/team.yaml:3: team[0].email: 'kerli.koiv@vorumaa' is not an e-mail address (like name@example.ee)"
    )


def test_misspelt_language_key_in_a_text(tmp_path: Path) -> None:
    line = only(problems_in(tmp_path, "events", "- id: a\n  title: {et: A, eng: B}\n  start: 2022-06-14\n"))
    assert line == (
        "data/events.yaml:2: events[0].title.eng: unknown language 'eng': did you mean 'en'? The site's languages are et, en"
    )


def test_unknown_key_suggests_the_nearest_known_key(tmp_path: Path) -> None:
    line = only(problems_in(tmp_path, "events", GOOD_EVENT + "  locaton: Võru\n"))
    assert line == "data/events.yaml:4: events[0].locaton: unknown field 'locaton': did you mean 'location'?"


def test_unknown_key_deep_inside_suggests_from_its_own_model(tmp_path: Path) -> None:
    text = GOOD_EVENT + "  registration:\n    url: https://forms.gle/x\n    dedline: 2022-06-10\n"
    line = only(problems_in(tmp_path, "events", text))
    assert line.endswith("events[0].registration.dedline: unknown field 'dedline': did you mean 'deadline'?")
    assert line.startswith("data/events.yaml:6:")


def test_text_cut_at_a_comma_explains_the_quotes(tmp_path: Path) -> None:
    text = "- id: a\n  title: {et: Lõuna, kohv, en: Lunch}\n  start: 2022-06-14\n"
    line = only(problems_in(tmp_path, "events", text))
    assert line.startswith("data/events.yaml:2: events[0].title.kohv:") and "put the text in quotes" in line


def test_missing_estonian_text(tmp_path: Path) -> None:
    text = "- id: a\n  title:\n    en: Opening seminar\n  start: 2022-06-14\n"
    line = only(problems_in(tmp_path, "events", text))
    assert line == (
        "data/events.yaml:2: events[0].title.et: the text in the site's original language (et:) is missing; "
        "it is required, translations are optional"
    )


def test_empty_estonian_text(tmp_path: Path) -> None:
    line = only(problems_in(tmp_path, "events", "- id: a\n  title: {et: '', en: A}\n  start: 2022-06-14\n"))
    assert line.startswith("data/events.yaml:2: events[0].title.et: is empty")


def test_key_written_twice(tmp_path: Path) -> None:
    line = only(problems_in(tmp_path, "events", GOOD_EVENT + "  title: Again\n"))
    assert line == "data/events.yaml:4: events[0].title: 'title' is written twice here; keep one"


def test_empty_file(tmp_path: Path) -> None:
    line = only(problems_in(tmp_path, "media", "# nothing yet\n"))
    assert line.startswith("data/media.yaml:1: the file is empty")


def test_missing_file_is_no_section(tmp_path: Path) -> None:
    assert load_data_file(tmp_path, "team") == ([], [])


def test_media_language_must_be_et_or_en(tmp_path: Path) -> None:
    line = only(problems_in(tmp_path, "media", "- date: 2022-06-15\n  title: A\n  outlet: B\n  language: fi\n"))
    assert line.startswith(
        "data/media.yaml:4: media[0].language: must be one of the site's languages 'et', 'en', found 'fi'"
    )


def test_module_outside_its_programme_period_is_a_warning(tmp_path: Path) -> None:
    text = """
- id: p
  title: Programme
  period: {start: 2023-01-05, end: 2023-04-30}
  volume: {contact: 124, independent: 116}
  modules:
    - id: m
      date: 2022-01-31
      title: Module
      trainers: [Kerli Kõiv]
"""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "trainings.yaml").write_text(text.lstrip("\n"), encoding="utf-8")
    value, problems = load_data_file(tmp_path, "trainings")
    assert [(p.text(), p.severity) for p in problems] == [
        (
            "data/trainings.yaml:7: trainings[0].modules[0].date: warning: the module is dated 2022-01-31, "
            "outside the programme period 2023-01-05 – 2023-04-30",
            "warning",
        )
    ]
    assert value[0].modules[0].id == "m"  # a warning keeps the data


def test_module_needs_a_trainer(tmp_path: Path) -> None:
    text = """
- id: p
  title: Programme
  period: {start: 2023-01-05, end: 2023-04-30}
  volume: {contact: 1}
  modules:
    - {id: m, date: 2023-02-01, title: Module, trainers: []}
"""
    line = only(problems_in(tmp_path, "trainings", text))
    assert line == "data/trainings.yaml:6: trainings[0].modules[0].trainers: needs at least one entry"


def test_news_post_without_front_matter(tmp_path: Path) -> None:
    post = tmp_path / "docs" / "et" / "news" / "2024-01-01-x.md"
    post.parent.mkdir(parents=True)
    post.write_text("# Pealkiri\n", encoding="utf-8")
    _, problems = load_site(tmp_path)
    assert any(
        str(p).startswith("docs/et/news/2024-01-01-x.md:1: a news post starts with front matter") for p in problems
    ), problems


@pytest.mark.parametrize(
    "front,expected",
    [
        ("title: A\n", "docs/et/news/2024-03-22-x.md:2: date: the required field 'date' is missing"),
        (
            "date: 22.03.2024\ntitle: A\n",
            "docs/et/news/2024-03-22-x.md:2: date: '22.03.2024' is written day.month.year",
        ),
    ],
)
def test_news_post_front_matter_errors_point_into_the_file(tmp_path: Path, front: str, expected: str) -> None:
    post = tmp_path / "docs" / "et" / "news" / "2024-03-22-x.md"
    post.parent.mkdir(parents=True)
    post.write_text(f"---\n{front}---\n\nText\n", encoding="utf-8")
    _, problems = load_site(tmp_path)
    assert any(str(p).startswith(expected) for p in problems), problems


def test_hours_with_a_decimal_comma_ask_for_a_number(tmp_path: Path) -> None:
    text = "- id: p\n  title: P\n  period: {start: 2023-01-05, end: 2023-04-30}\n  volume: {contact: '2,5'}\n"
    line = only(problems_in(tmp_path, "trainings", text))
    assert line == (
        "data/trainings.yaml:4: trainings[0].volume.contact: expected a number "
        "(with a decimal point, like 2.5), found '2,5'"
    )
