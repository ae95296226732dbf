"""iCalendar files (icalendar): every event per language, and one file per event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from icalendar import Calendar
from icalendar import Event as VEvent

from . import dates, links
from .models import Event
from .views import EventView, event_view

PRODID = "-//projectsite//projectsite//EN"  # the product that writes the calendar (RFC 5545), not the site


def _start_end(
    start: dt.date | dt.datetime, end: dt.date | dt.datetime | None
) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime | None]:
    """DTSTART and DTEND: date-times in the site's time zone, or days with an all-day end on the day after."""
    if isinstance(start, dt.datetime):
        if end is None:
            return dates.aware(start), None
        return dates.aware(start), dates.aware(end, end_of_day=True)
    last_day = dates.day_of(end) if end is not None else start
    return start, last_day + dt.timedelta(days=1)


def vevent(
    event: Event,
    lang: str,
    site_url: str,
    today: dt.date,
    stamp: dt.datetime,
    original: str,
    view: EventView | None = None,
) -> VEvent | None:
    """The event's VEVENT, or None when its date is not known (a VEVENT needs a DTSTART). `view`: the event's
    view when the build has made it (site_views.py)."""
    if event.start is None:
        return None
    words = view if view is not None else event_view(event, lang, today, site_url, original)
    url = words.url
    component = VEvent()
    component.add("uid", f"{event.id}@{links.host(site_url)}")
    component.add("dtstamp", stamp)
    start, end = _start_end(event.start, event.end)
    component.add("dtstart", start)
    if end is not None:
        component.add("dtend", end)
    component.add("summary", words.title)
    if words.where:
        component.add("location", words.where)
    description = [part for part in (words.notice, words.summary, words.registration) if part] + [url]
    component.add("description", "\n\n".join(description))
    component.add("url", url)
    if event.status == "cancelled":
        component.add("status", "CANCELLED")
    elif event.status == "postponed" and event.previous_start is None:
        component.add("status", "TENTATIVE")  # the date is not known any more
    return component


@lru_cache(maxsize=1024)
def _head_and_tail(name: str) -> tuple[bytes, bytes]:
    """A calendar's own lines around its components, serialized by icalendar."""
    head, tail = _calendar(name).to_ical().rsplit(b"END:VCALENDAR", 1)
    return head, b"END:VCALENDAR" + tail


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("name", name)
    calendar.add("x-wr-timezone", dates.zone().key)
    calendar.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    return calendar


@dataclass
class CalendarSet:
    """One language's events, each serialized once, and the calendars made of them.

    A site with thousands of events writes thousands of one-event files: serializing every VEVENT and
    the VTIMEZONE once and putting the files together from those parts keeps that linear and cheap.
    """

    events: dict[str, bytes]
    timezone: bytes

    @classmethod
    def of(
        cls,
        events: Iterable[Event],
        lang: str,
        site_url: str,
        today: dt.date,
        original: str,
        views: Mapping[str, EventView] | None = None,
    ) -> CalendarSet:
        """`views`: the events' views by id when the build has made them (site_views.py)."""
        stamp = dates.build_time()
        dated = [e for e in events if e.start is not None]
        made = views or {}
        components = {
            e.id: c
            for e in dated
            if (c := vevent(e, lang, site_url, today, stamp, original, made.get(e.id))) is not None
        }
        timezone = b""
        if components:
            years = [dates.day_of(e.start).year for e in dated if e.start is not None]
            zone = Calendar()
            for component in components.values():
                zone.add_component(component)
            zone.add_missing_timezones(
                first_date=dt.date(min(years) - 1, 1, 1), last_date=dt.date(max(years) + 2, 1, 1)
            )
            timezone = b"".join(tz.to_ical() for tz in zone.walk("VTIMEZONE"))
        return cls({key: c.to_ical() for key, c in components.items()}, timezone)

    def calendar(self, name: str, event_ids: Iterable[str] | None = None) -> bytes:
        """A calendar of the given events (all when None), as icalendar would write it."""
        chosen = list(self.events) if event_ids is None else list(event_ids)
        head, tail = _head_and_tail(name)
        body = (self.timezone if chosen else b"") + b"".join(self.events[i] for i in chosen)
        return head + body + tail
