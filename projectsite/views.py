"""One view of an item per language: what every output (list line, page, feed item, calendar entry, JSON-LD,
announcement e-mail) says about an event or a news post, decided here once.

The outputs read a view and never the model's fields for what a view computes (its words, its dates, its
registration and its status); a page template still reads the model's `Text` fields through its
fallback-aware filters, which the view carries as `event`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from . import dates, links
from .labels import LABELS
from .models import Event, NewsPost
from .plaintext import from_markdown


def status_notice(event: Event, lang: str) -> str:
    """What a visitor must know about a cancelled or postponed event, in a sentence or two."""
    words = LABELS[lang]
    if event.status == "cancelled":
        return words["cancelled_notice"]
    if event.status != "postponed":
        return ""
    if event.previous_start is None or event.start is None:
        return words["postponed_notice"]
    return (
        f"{words['rescheduled_notice']} {dates.adessive(event.previous_start, lang)}. "
        f"{words['new_time']} {dates.format_span(event.start, event.end, lang)}."
    )


def is_upcoming(event: Event, today: dt.date) -> bool:
    """Not over yet: until the end of its last day; an event without a date until the end of its year (if known)."""
    if event.start is None:
        return event.year is None or event.year >= today.year
    return dates.day_of(event.end or event.start) >= today


def registration_open(event: Event, today: dt.date) -> bool:
    """Open until the end of the deadline's day (or the event's first day when there is no deadline)."""
    if event.registration is None or event.status == "cancelled":
        return False
    last = event.registration.deadline or event.start
    if last is None:
        return is_upcoming(event, today)
    return today <= dates.day_of(last)


def registration_line(event: Event, lang: str, today: dt.date) -> str:
    if event.registration is None:
        return ""
    words = LABELS[lang]
    deadline = event.registration.deadline
    if not registration_open(event, today):
        return f"{words['closed_on']} {dates.adessive(deadline, lang)}." if deadline else f"{words['closed']}."
    until = f" ({words['deadline'].lower()} {dates.terminative(deadline, lang)})" if deadline else ""
    return f"{words['registration']}: {event.registration.url}{until}"


def when_text(event: Event, lang: str, today: dt.date) -> str:
    """'27. oktoober 2022 kell 09:00–15:30'; without a start 'Date to be announced', or 'Date not known (2023)'
    once it is past, with the year when it is known."""
    if event.start is not None:
        return dates.format_span(event.start, event.end, lang)
    unknown = LABELS[lang]["date_tba" if is_upcoming(event, today) else "date_unknown"]
    return f"{unknown} ({event.year})" if event.year is not None else unknown


@dataclass(frozen=True)
class EventView:
    """An event as every output shows it in one language."""

    event: Event  # the model, for the page template's fallback-aware filters (title, place, summary, agenda)
    lang: str
    url: str
    title: str
    written_in: str  # the language the title is written in
    when: str
    where: str
    summary: str  # the summary as plain text (links as 'text (address)')
    registration: str  # the registration line: the address and deadline while open, else when it closed
    registration_open: bool
    registration_until: str  # 'Deadline: until 19 October 2023.' while open with a deadline, else empty
    notice: str  # a cancelled or postponed event's notice, else empty
    status_word: str  # "Cancelled", "Postponed", or empty
    upcoming: bool
    ahead: bool  # still to come and not cancelled: offered for a calendar
    published: dt.datetime | None  # when it was announced (the feed's date); None when not known

    @property
    def dated(self) -> bool:
        """Its start is known: it has a calendar entry and schema.org Event markup."""
        return self.event.start is not None

    @property
    def ends(self) -> str:
        """The end of its last day (ISO), for the script that moves an event to the past: without a date the end
        of its year, or empty when that is not known either."""
        start, year = self.event.start, self.event.year
        if start is not None:
            return dates.aware(self.event.end or start, end_of_day=True).isoformat()
        return dates.aware(dt.date(year, 12, 31), end_of_day=True).isoformat() if year is not None else ""

    @property
    def titled(self) -> str:
        """The title with the status word: 'Seminar (Cancelled)'."""
        return f"{self.title} ({self.status_word})" if self.status_word else self.title

    def lines(self) -> list[str]:
        """The status, date and place, the summary, the registration: each a paragraph."""
        head = " · ".join(part for part in (self.when, self.where) if part)
        return [part for part in (self.notice, head, self.summary, self.registration) if part]


def _until(event: Event, lang: str, today: dt.date) -> str:
    registration = event.registration
    if registration is None or registration.deadline is None or not registration_open(event, today):
        return ""
    return f"{LABELS[lang]['deadline']} {dates.terminative(registration.deadline, lang)}."


def _published(event: Event) -> dt.datetime | None:
    when = event.published or event.start
    return dates.aware(when) if when is not None else None


def event_view(
    event: Event,
    lang: str,
    today: dt.date,
    site_url: str,
    original: str,
    text: Callable[[str], str] = from_markdown,
) -> EventView:
    """`text` converts the summary's Markdown (a build's converter converts each text once: site_views.py)."""
    title, title_lang = event.title.get(lang)
    upcoming = is_upcoming(event, today)
    return EventView(
        event=event,
        lang=lang,
        url=links.event_url(site_url, lang, event.id, original),
        title=title,
        written_in=title_lang or lang,
        when=when_text(event, lang, today),
        where=event.location.get(lang)[0] if event.location else "",
        summary=text(event.summary.get(lang)[0]) if event.summary else "",
        registration=registration_line(event, lang, today),
        registration_open=registration_open(event, today),
        registration_until=_until(event, lang, today),
        notice=status_notice(event, lang),
        status_word=LABELS[lang][f"status_{event.status}"] if event.status != "scheduled" else "",
        upcoming=upcoming,
        ahead=upcoming and event.status != "cancelled",
        published=_published(event),
    )


def _start_key(view: EventView) -> dt.datetime:
    """An event's start; one whose date is not known at the end of its year (or of all years)."""
    start = view.event.start
    if start is not None:
        return dates.aware(start)
    return dt.datetime(view.event.year or dt.MAXYEAR - 1, 12, 31, 23, 59, 59, tzinfo=dates.zone())


def upcoming(views: list[EventView]) -> list[EventView]:
    """The events still to come, soonest first; those without a date at the end of their year, or last."""
    return sorted((v for v in views if v.upcoming), key=_start_key)


def _year(view: EventView) -> int:
    start = view.event.start
    return dates.day_of(start).year if start is not None else view.event.year or 0


def past_by_year(views: list[EventView]) -> list[tuple[int, list[EventView]]]:
    """The past events by year, newest first; in a year, one without a date at the end of that year's list."""
    past = [v for v in views if not v.upcoming]
    years = sorted({_year(v) for v in past}, reverse=True)
    return [
        (
            year,
            sorted((v for v in past if _year(v) == year and v.dated), key=_start_key, reverse=True)
            + [v for v in past if _year(v) == year and not v.dated],
        )
        for year in years
    ]


@dataclass(frozen=True)
class NewsView:
    """A news post as the feed and the announcement show it in one language."""

    post: NewsPost
    lang: str
    url: str
    title: str
    written_in: str
    when: str
    summary: str
    published: dt.datetime


def news_view(post: NewsPost, lang: str, site_url: str, original: str) -> NewsView:
    return NewsView(
        post=post,
        lang=lang,
        url=links.news_url(site_url, links.news_page_language(post.lang, lang, original), post.slug, original),
        title=post.title,
        written_in=post.lang,
        when=dates.format_day(post.date, lang),
        summary=post.summary or "",
        published=dates.aware(post.date),
    )
