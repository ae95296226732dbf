"""The iCalendar files, read by two independent parsers (icalendar and vobject) as calendar apps would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
import vobject
from conftest import Project
from pages import attr, found, soup
from vobject.base import Component

from projectsite.load import load_site

UTC = dt.UTC


def events_of(path: Path) -> dict[str, icalendar.Component]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def vobject_events(path: Path) -> dict[str, Component]:
    calendar: Component = vobject.readOne(path.read_text(encoding="utf-8"))
    return {e.uid.value: e for e in calendar.vevent_list}


@pytest.mark.parametrize("rel", ["calendar.ics", "en/calendar.ics"])
def test_each_language_has_a_calendar_of_all_events(real_site: Project, rel: str) -> None:
    path = real_site.root / "site" / rel
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert calendar["VERSION"] == "2.0" and calendar.get("X-WR-CALNAME").startswith("LÕIM")
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Tallinn"]
    data, _ = load_site(real_site.root)  # counted from the data, so that an editor's new event breaks nothing
    assert len(events_of(path)) == len([e for e in data.events if e.start is not None]) > 0
    assert set(vobject_events(path)) == set(events_of(path))


def test_timed_events_carry_tallinn_time_and_read_right_in_utc(real_site: Project) -> None:
    path = real_site.root / "site" / "calendar.ics"
    event = events_of(path)["avaseminar-2022@loim.example.org"]
    assert event["DTSTART"].params["TZID"] == "Europe/Tallinn"
    assert event.decoded("DTSTART").astimezone(UTC) == dt.datetime(2022, 6, 14, 10, 30, tzinfo=UTC)
    assert event.decoded("DTEND").astimezone(UTC) == dt.datetime(2022, 6, 14, 14, 0, tzinfo=UTC)
    other = vobject_events(path)["avaseminar-2022@loim.example.org"]
    assert other.dtstart.value.astimezone(UTC) == dt.datetime(2022, 6, 14, 10, 30, tzinfo=UTC)


def test_all_day_events_end_on_the_day_after(real_site: Project) -> None:
    event = events_of(real_site.root / "site" / "calendar.ics")["lopukonverents-2024@loim.example.org"]
    assert event["DTSTART"].params.get("VALUE") == "DATE"
    assert event.decoded("DTSTART") == dt.date(2024, 4, 19)
    assert event.decoded("DTEND") == dt.date(2024, 4, 20)


def test_event_has_summary_location_description_url_and_stamp(real_site: Project) -> None:
    event = events_of(real_site.root / "site" / "en" / "calendar.ics")["ringsoit-2022@loim.example.org"]
    assert str(event["SUMMARY"]) == "LÕIM study tour of Võru County"
    assert str(event["LOCATION"]) == "Võru County, starting in Võru"
    assert str(event["URL"]) == "https://loim.example.org/en/events/ringsoit-2022/"
    assert "Registration: https://forms.gle/xwk6dGxBe3VvySWDA (registration is open until 18 August 2022)" in str(
        event["DESCRIPTION"]
    )
    assert isinstance(event.decoded("DTSTAMP"), dt.datetime)


def test_every_dated_event_page_links_its_one_event_calendar(real_site: Project) -> None:
    site = real_site.root / "site"
    event_pages = sorted(site.glob("*/events/*/index.html")) + sorted(site.glob("events/*/index.html"))
    undated = [p for p in event_pages if p.parent.name == "metoodikaseminar-2023"]  # its date is not known
    assert len(undated) == 2 and all(
        soup(site, p.relative_to(site).as_posix()).find(class_="ps-calendar") is None for p in undated
    )
    event_pages = [p for p in event_pages if p not in undated]
    assert len(event_pages) > 2
    for event_page in event_pages:
        link = found(found(soup(site, event_page.relative_to(site).as_posix()).find(class_="ps-calendar")).find("a"))
        ics = event_page.parent / attr(link, "href")
        only = events_of(ics)
        assert list(only) == [f"{event_page.parent.name}@loim.example.org"]
        assert list(vobject_events(ics)) == list(only)


def test_events_page_links_the_subscribable_calendar(real_site: Project) -> None:
    links = {
        attr(a, "href")
        for a in found(soup(real_site.root / "site", "en/events/").find(class_="ps-subscribe")).find_all("a")
    }
    assert {"webcal://loim.example.org/en/calendar.ics", "/en/calendar.ics", "/en/feed.xml"} <= links


def test_special_characters_survive_the_calendar(project: Project) -> None:
    project.replace_events("""
        - id: tricky
          title: 'Kohtumine <Võru> & "Põlva"; koma, semikoolon – õäöü'
          start: 2023-07-01 10:00
          location: 'Kubija, Võru; tuba 3'
        """)
    assert project.build(today="2023-06-01").returncode == 0
    path = project.root / "site" / "calendar.ics"
    event = events_of(path)["tricky@loim.example.org"]
    assert str(event["SUMMARY"]) == 'Kohtumine <Võru> & "Põlva"; koma, semikoolon – õäöü'
    assert vobject_events(path)["tricky@loim.example.org"].location.value == "Kubija, Võru; tuba 3"


def test_uids_stay_the_same_and_a_new_event_appears_after_one_build(project: Project) -> None:
    assert project.build(today="2023-06-01").returncode == 0
    before = set(events_of(project.root / "site" / "calendar.ics"))
    with (project.root / "data" / "events.yaml").open("a", encoding="utf-8") as events:
        events.write("\n- id: brand-new\n  title: Uus\n  start: 2024-09-09 10:00\n")
    assert project.build(today="2023-06-02").returncode == 0
    after = set(events_of(project.root / "site" / "calendar.ics"))
    assert after == before | {"brand-new@loim.example.org"}
