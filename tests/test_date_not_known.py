"""An event whose date is not known yet is listed with what is known, in every output, through its view.

One small site is built on 1 March 2024: a 2023 seminar whose date is not known (only its year and its
registration deadline), a dated 2023 event, a dated event ahead and an event ahead with no date at all.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import feedparser
import pytest
from conftest import Project, copy_project
from icalendar import Calendar
from inprocess import projectsite
from pages import article, attr, found, soup, string, text

EVENTS = """
- id: dated-2023
  title: {et: Talveseminar, en: Winter seminar}
  start: 2023-03-01

- id: seminar-2023
  title: {et: Metoodikaseminar 2023, en: Methodology seminar 2023}
  year: 2023
  registration:
    url: https://forms.example.ee/my_form_2024
    deadline: 2023-10-19

- id: dated-ahead
  title: {et: Kevadseminar, en: Spring seminar}
  start: 2024-04-10

- id: someday
  title: {et: Lõpuseminar, en: Closing seminar}
"""

TODAY = "2024-03-01"


@pytest.fixture(scope="module")
def undated(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = copy_project(tmp_path_factory.mktemp("undated") / "project")
    project.replace_events(EVENTS)
    result = project.build(today=TODAY)
    assert result.returncode == 0, result.stderr
    return project


def site(project: Project) -> Path:
    return project.root / "site"


def event_lines(project: Project, lang_prefix: str, section: str) -> list[str]:
    """The list items under a heading of the events page, as text."""
    page = soup(site(project), f"{lang_prefix}events/")
    heading = page.find(id=section)
    assert heading is not None, section
    return [text(li) for li in found(heading.find_next("ul")).find_all("li")]


def test_a_past_event_without_a_date_ends_its_years_list_with_what_is_known(undated: Project) -> None:
    assert event_lines(undated, "en/", "past-2023") == [
        "Winter seminar 1 March 2023",
        "Methodology seminar 2023 Date not known (2023)",
    ]
    assert event_lines(undated, "", "past-2023")[-1] == "Metoodikaseminar 2023 Toimumisaeg pole teada (2023)"


def test_an_event_ahead_without_a_date_comes_last_as_to_be_announced(undated: Project) -> None:
    assert event_lines(undated, "en/", "upcoming") == [
        "Spring seminar 10 April 2024",
        "Closing seminar Date to be announced",
    ]


def test_the_script_moves_an_event_without_a_date_to_the_past_after_its_year_if_known(undated: Project) -> None:
    page = soup(site(undated), "en/events/")
    assert found(page.find("a", href="someday/")).get("data-ends") is None
    assert attr(found(page.find("a", href="seminar-2023/")), "data-ends").startswith("2023-12-31T23:59:59")
    assert attr(found(page.find("a", href="dated-ahead/")), "data-ends").startswith("2024-04-10T23:59:59")


def test_its_page_says_what_is_known_and_offers_no_calendar(undated: Project) -> None:
    body = text(article(soup(site(undated), "en/events/seminar-2023/")))
    assert "When: Date not known (2023)" in body
    assert "Registration closed on 19 October 2023." in body
    assert "Add to calendar" not in text(article(soup(site(undated), "en/events/someday/")))
    assert "Add to calendar" in text(article(soup(site(undated), "en/events/dated-ahead/")))


def test_the_calendars_leave_out_an_event_without_a_date(undated: Project) -> None:
    calendar = Calendar.from_ical((site(undated) / "en" / "calendar.ics").read_bytes())
    uids = sorted(str(e["UID"]).split("@")[0] for e in calendar.walk("VEVENT"))
    assert uids == ["dated-2023", "dated-ahead"]
    assert list((site(undated) / "en" / "events" / "seminar-2023").glob("*.ics")) == []
    assert list((site(undated) / "en" / "events" / "dated-ahead").glob("*.ics")) != []


def test_the_feed_lists_it_with_what_is_known_and_no_invented_date(undated: Project) -> None:
    feed = feedparser.parse((site(undated) / "en" / "feed.xml").read_bytes())
    [item] = [e for e in feed.entries if e.link.endswith("/events/seminar-2023/")]
    assert "Date not known (2023)" in item.description
    assert "Registration closed on 19 October 2023." in item.description
    assert "published" not in item
    undated_last = [e.link.rsplit("/", 2)[-2] for e in feed.entries[-2:]]
    assert sorted(undated_last) == ["seminar-2023", "someday"]


def test_no_event_markup_without_a_start_date(undated: Project) -> None:
    undated_page = soup(site(undated), "en/events/seminar-2023/")
    dated_page = soup(site(undated), "en/events/dated-ahead/")
    kinds = [
        [json.loads(string(s))["@type"] for s in page.find_all("script", type="application/ld+json")]
        for page in (undated_page, dated_page)
    ]
    assert kinds == [[], ["Event"]]


def test_the_announcement_says_when_it_is_not_known(undated: Project) -> None:
    env = {**os.environ, "PROJECTSITE_TODAY": "2023-09-01"}
    args = ["newsletter", "preview", "event:seminar-2023", "--root", str(undated.root), "--out", "preview"]
    result = projectsite(args, env=env)
    assert result.returncode == 0, result.stdout
    mail = (undated.root / "preview" / "event-seminar-2023.et.txt").read_text(encoding="utf-8")
    assert "Aeg: Toimumisaeg selgub hiljem (2023)" in mail
    assert "https://forms.example.ee/my_form_2024" in mail


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ("  end: 2023-10-27\n", "end", "an event whose start is not known has no end"),
        ("  start: 2023-10-27\n  year: 2023\n", "year", "year is for an event whose date is not known yet"),
    ],
)
def test_an_end_or_year_that_contradicts_the_start_is_an_error(
    project: Project, fields: str, field: str, words: str
) -> None:
    project.replace_events(f"- id: a\n  title: A\n{fields}")
    result = project.check("--lang", "en")
    assert result.returncode != 0
    assert f"events[0].{field}" in result.stdout and words in result.stdout
