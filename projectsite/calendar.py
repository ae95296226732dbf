"""iCalendar files (icalendar): every event per language, and one file per event."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from icalendar import Calendar
from icalendar import Event as VEvent

from . import dates, links
from .event_text import event_text
from .models import Event

PRODID = "-//projectsite//LÕIM//ET"


def _start_end(event: Event) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime | None]:
    """DTSTART and DTEND: Tallinn date-times, or days with an all-day end on the day after."""
    start, end = event.start, event.end
    if isinstance(start, dt.datetime):
        if end is None:
            return dates.aware(start), None
        return dates.aware(start), dates.aware(end, end_of_day=True)
    last_day = dates.day_of(end) if end is not None else start
    return start, last_day + dt.timedelta(days=1)


def vevent(event: Event, lang: str, site_url: str, today: dt.date, stamp: dt.datetime) -> VEvent:
    words = event_text(event, lang, today)
    url = links.event_url(site_url, lang, event.id)
    component = VEvent()
    component.add("uid", f"{event.id}@{links.host(site_url)}")
    component.add("dtstamp", stamp)
    start, end = _start_end(event)
    component.add("dtstart", start)
    if end is not None:
        component.add("dtend", end)
    component.add("summary", words.title)
    if words.where:
        component.add("location", words.where)
    description = [part for part in (words.summary, words.registration) if part] + [url]
    component.add("description", "\n\n".join(description))
    component.add("url", url)
    return component


def build_calendar(events: Iterable[Event], lang: str, site_url: str, name: str, today: dt.date) -> bytes:
    events = list(events)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("name", name)
    calendar.add("x-wr-timezone", "Europe/Tallinn")
    calendar.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    for event in events:
        calendar.add_component(vevent(event, lang, site_url, today, stamp))
    if events:
        years = [dates.day_of(e.start).year for e in events]
        calendar.add_missing_timezones(first_date=dt.date(min(years) - 1, 1, 1),
                                       last_date=dt.date(max(years) + 2, 1, 1))
    return calendar.to_ical()
