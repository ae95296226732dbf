"""A project's life cycle: cancelled and postponed events in every output, and a finished project."""

from __future__ import annotations

import json

import feedparser
import icalendar
import pytest
from bs4 import Tag
from conftest import Project
from pages import article, found, soup, string, text

EVENTS = """
- id: called-off
  title: {et: Ärajääv seminar, en: Cancelled seminar}
  start: 2023-09-01 10:00
  status: cancelled
  registration: {url: "https://forms.gle/off", deadline: 2023-08-20}
- id: moved
  title: {et: Edasi lükatud seminar, en: Moved seminar}
  start: 2023-10-12 10:00
  status: postponed
  previous_start: 2023-09-14 10:00
- id: undated
  title: {et: Ootel seminar, en: Waiting seminar}
  start: 2023-11-01
  status: postponed
- id: ahead
  title: {et: Tulev seminar, en: Coming seminar}
  start: 2023-12-01
  registration: {url: "https://forms.gle/ahead", deadline: 2023-11-20}
- id: behind
  title: {et: Möödunud seminar, en: Past seminar}
  start: 2023-03-01
"""


@pytest.fixture(scope="module")
def cycle_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    from conftest import copy_project

    site = copy_project(tmp_path_factory.mktemp("cycle") / "project")
    site.replace_events(EVENTS)
    result = site.build(today="2023-06-01")
    assert result.returncode == 0, result.stderr
    return site


def page(site: Project, rel: str) -> Tag:
    return article(soup(site.root / "site", rel))


def test_a_cancelled_event_says_so_and_offers_no_registration_or_calendar(cycle_site: Project) -> None:
    body = page(cycle_site, "en/events/called-off/")
    assert "Cancelled. This event is cancelled." in text(body)
    assert body.find("a", href="https://forms.gle/off") is None
    assert body.find(class_="ps-calendar") is None
    assert "See sündmus jääb ära." in text(page(cycle_site, "events/called-off/"))


def test_a_postponed_event_gives_its_old_and_new_date(cycle_site: Project) -> None:
    assert (
        "See sündmus on edasi lükatud. Algselt oli see kavas 14. septembril 2023 kell 10:00. "
        "Uus aeg: 12. oktoober 2023 kell 10:00."
    ) in text(page(cycle_site, "events/moved/"))
    assert (
        "This event is postponed. It was planned for 14 September 2023 at 10:00. New date: 12 October 2023 at 10:00."
    ) in text(page(cycle_site, "en/events/moved/"))


def test_a_postponed_event_without_a_new_date_says_it_will_be_announced(cycle_site: Project) -> None:
    assert "The new date will be announced." in text(page(cycle_site, "en/events/undated/"))


def test_the_list_marks_cancelled_and_postponed_events(cycle_site: Project) -> None:
    upcoming = found(found(soup(cycle_site.root / "site", "en/events/").find(id="upcoming")).find_next("ul"))
    lines = {text(found(li.find("a"))): text(li) for li in upcoming.find_all("li")}
    assert "Cancelled ·" in lines["Cancelled seminar"]
    assert "Postponed ·" in lines["Moved seminar"]
    assert "Cancelled" not in lines["Coming seminar"] and "Postponed" not in lines["Coming seminar"]


@pytest.mark.parametrize(
    ("event_id", "status"),
    [
        ("called-off", "EventCancelled"),
        ("moved", "EventRescheduled"),
        ("undated", "EventPostponed"),
        ("ahead", "EventScheduled"),
    ],
)
def test_json_ld_carries_the_event_status(cycle_site: Project, event_id: str, status: str) -> None:
    script = found(soup(cycle_site.root / "site", f"en/events/{event_id}/").find("script", type="application/ld+json"))
    data = json.loads(string(script))
    assert data["eventStatus"] == f"https://schema.org/{status}"
    if event_id == "moved":
        assert data["previousStartDate"] == "2023-09-14T10:00:00+03:00"


def test_calendars_mark_a_cancelled_event_cancelled(cycle_site: Project) -> None:
    calendar = icalendar.Calendar.from_ical((cycle_site.root / "site" / "calendar.ics").read_bytes())
    status = {str(e["UID"]).split("@")[0]: str(e.get("STATUS", "")) for e in calendar.walk("VEVENT")}
    assert status["called-off"] == "CANCELLED"
    assert status["undated"] == "TENTATIVE"
    assert status["ahead"] == "" and status["moved"] == ""


def test_the_feed_titles_carry_the_status(cycle_site: Project) -> None:
    feed = feedparser.parse((cycle_site.root / "site" / "en" / "feed.xml").read_bytes())
    titles = {entry.link.rstrip("/").rsplit("/", 1)[-1]: entry.title for entry in feed.entries}
    assert titles["called-off"] == "Cancelled seminar (Cancelled)"
    assert titles["moved"] == "Moved seminar (Postponed)"
    assert titles["ahead"] == "Coming seminar"


def test_add_to_calendar_only_for_what_is_ahead(cycle_site: Project) -> None:
    assert page(cycle_site, "en/events/ahead/").find(class_="ps-calendar") is not None
    assert page(cycle_site, "en/events/behind/").find(class_="ps-calendar") is None


def test_previous_start_without_postponed_is_an_error(project: Project) -> None:
    project.replace_events("""
        - id: odd
          title: Odd
          start: 2023-10-12
          previous_start: 2023-09-14
        """)
    result = project.check()
    assert result.returncode != 0
    assert "events[0].previous_start: previous_start belongs to a postponed event" in result.stdout + result.stderr


@pytest.fixture(scope="module")
def ended_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The shipped site a month after the project's end (30 April 2024)."""
    from conftest import copy_project

    site = copy_project(tmp_path_factory.mktemp("ended") / "project")
    result = site.build(today="2024-06-01")
    assert result.returncode == 0, result.stderr
    return site


def test_the_home_page_says_the_project_ended_and_shows_its_results(ended_site: Project) -> None:
    et = text(page(ended_site, ""))
    assert "Projekt lõppes 30. aprillil 2024." in et and "89 tunnistust" in et
    en = text(page(ended_site, "en/"))
    assert "The project ended on 30 April 2024." in en and "89 certificates" in en
    assert soup(ended_site.root / "site", "en/").find(id="upcoming") is None


def test_the_sign_up_says_what_happens_to_the_list_once_ended(ended_site: Project) -> None:
    signup = found(soup(ended_site.root / "site", "en/").select_one(".ps-signup"))
    assert "no more newsletters are sent" in text(signup) and signup.find("form") is None
    assert "infokirja enam ei saadeta" in text(found(soup(ended_site.root / "site", "").select_one(".ps-signup")))


def test_while_the_project_runs_the_sign_up_invites(real_site: Project) -> None:
    signup = found(soup(real_site.root / "site", "en/").select_one(".ps-signup"))
    assert "Join the newsletter" in text(signup) and "no more newsletters" not in text(signup)


def test_an_event_outside_the_projects_period_is_a_warning(project: Project) -> None:
    project.replace_events("""
        - id: early
          title: Early
          start: 2021-12-01
        """)
    result = project.check()
    out = result.stdout + result.stderr
    assert result.returncode == 0
    assert "events[0].start" in out and "outside the project's period 2022-05-01 – 2024-04-30" in out
    assert project.check("--strict").returncode != 0


TRAINING = """
- id: course
  title: {et: Kursus, en: Course}
  period: {start: 2023-01-05, end: 2023-04-30}
  volume: {contact: 6}
  registration_url: https://forms.gle/course
"""


@pytest.mark.parametrize(("today", "offered"), [("2023-04-30", True), ("2023-05-01", False)])
def test_a_training_offers_registration_only_until_its_end(project: Project, today: str, offered: bool) -> None:
    project.write("data/trainings.yaml", TRAINING)
    result = project.build(today=today)
    assert result.returncode == 0, result.stderr
    button = page(project, "en/trainings/").find("a", href="https://forms.gle/course")
    assert (button is not None) == offered
