"""The edges of a day: an event that ends today, a deadline on the event's day, a timed start with an all-day end,
and `today` taken in Tallinn whatever the machine's zone."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from projectsite.dates import format_span
from projectsite.load import SiteData, load_data_file
from projectsite.models import Event
from projectsite.render import Renderer
from projectsite.views import is_upcoming, registration_open

TODAY = dt.date(2023, 6, 1)


def events_from(tmp_path: Path, text: str) -> list[Event]:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "events.yaml").write_text(text.lstrip("\n"), encoding="utf-8")
    events, problems = load_data_file(tmp_path, "events")
    assert problems == []
    return events


def one_event(tmp_path: Path, fields: str) -> Event:
    return events_from(tmp_path, f"- id: a\n  title: A\n{fields}")[0]


@pytest.mark.parametrize("end", ["2023-06-01", "2023-06-01 00:30", "2023-06-01 23:59"])
def test_an_event_that_ends_today_is_still_upcoming(tmp_path: Path, end: str) -> None:
    event = one_event(tmp_path, f"  start: 2023-05-30\n  end: {end}\n")
    renderer = Renderer(SiteData(events=[event]), "en", TODAY)
    upcoming = [v.event for v in renderer.upcoming()]
    assert (is_upcoming(event, TODAY), upcoming, renderer.past_by_year()) == (True, [event], [])


def test_an_event_that_ended_yesterday_is_past(tmp_path: Path) -> None:
    event = one_event(tmp_path, "  start: 2023-05-30\n  end: 2023-05-31 23:59\n")
    renderer = Renderer(SiteData(events=[event]), "en", TODAY)
    past = [(year, [v.event for v in views]) for year, views in renderer.past_by_year()]
    assert (renderer.upcoming(), past) == ([], [(2023, [event])])


def test_a_one_day_event_today_is_upcoming_all_day(tmp_path: Path) -> None:
    event = one_event(tmp_path, "  start: 2023-06-01 09:00\n")
    assert is_upcoming(event, TODAY) and not is_upcoming(event, TODAY + dt.timedelta(days=1))


def test_a_registration_deadline_on_the_events_own_day_is_valid(tmp_path: Path) -> None:
    event = one_event(
        tmp_path, "  start: 2023-06-14 13:30\n  registration:\n    url: https://forms.gle/x\n    deadline: 2023-06-14\n"
    )
    assert event.registration is not None and event.registration.deadline == dt.date(2023, 6, 14)


def test_registration_is_open_through_the_deadline_day_and_closed_after(tmp_path: Path) -> None:
    event = one_event(
        tmp_path, "  start: 2023-06-14 13:30\n  registration:\n    url: https://forms.gle/x\n    deadline: 2023-06-14\n"
    )
    day = dt.date(2023, 6, 14)
    assert (
        registration_open(event, day - dt.timedelta(days=1)),
        registration_open(event, day),
        registration_open(event, day + dt.timedelta(days=1)),
    ) == (True, True, False)


def test_a_timed_start_with_an_all_day_end_on_the_same_day_is_valid(tmp_path: Path) -> None:
    event = one_event(tmp_path, "  start: 2023-06-14 13:30\n  end: 2023-06-14\n")
    assert (event.start, event.end) == (dt.datetime(2023, 6, 14, 13, 30), dt.date(2023, 6, 14))


def test_a_timed_start_with_an_all_day_end_shows_one_day(tmp_path: Path) -> None:
    event = one_event(tmp_path, "  start: 2023-06-14 13:30\n  end: 2023-06-14\n")
    assert event.start is not None
    assert format_span(event.start, event.end, "en") == "14 June 2023 at 13:30"
    assert format_span(event.start, event.end, "et") == "14. juuni 2023 kell 13:30"


def test_a_timed_start_with_an_all_day_end_is_upcoming_through_that_day(tmp_path: Path) -> None:
    event = one_event(tmp_path, "  start: 2023-06-14 13:30\n  end: 2023-06-14\n")
    day = dt.date(2023, 6, 14)
    assert (is_upcoming(event, day), is_upcoming(event, day + dt.timedelta(days=1))) == (True, False)


TODAY_SCRIPT = (
    "import datetime as dt, zoneinfo; from projectsite.dates import today; "
    "print(today(), dt.datetime.now(zoneinfo.ZoneInfo('Europe/Tallinn')).date())"
)


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"])
def test_today_is_tallinns_whatever_the_machines_zone(zone: str) -> None:
    """UTC+14 and UTC-11 are never on the same date, so a local `today` fails at least one of them at any hour."""
    env = {k: v for k, v in os.environ.items() if k != "PROJECTSITE_TODAY"} | {"TZ": zone}
    result = subprocess.run([sys.executable, "-c", TODAY_SCRIPT], capture_output=True, text=True, env=env, check=True)
    ours, tallinn = result.stdout.split()
    assert ours == tallinn


def test_a_pinned_today_wins_over_the_clock() -> None:
    env = {**os.environ, "PROJECTSITE_TODAY": "2022-06-01", "TZ": "Pacific/Kiritimati"}
    result = subprocess.run([sys.executable, "-c", TODAY_SCRIPT], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.split()[0] == "2022-06-01"
