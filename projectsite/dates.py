"""Dates and times as people read them, in each catalogue's language (Babel), in the site's time zone.

The time zone is a setting (`extra.projectsite.time_zone`, default: the original language's country's): loading
the site's settings sets it for the build or command that loaded them (a context variable, so that a build in
one thread and a command in another each keep their own). Before any site is loaded it is that of a site that
configures nothing."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_time

from .labels import LABELS

_ZONE: ContextVar[str | None] = ContextVar("projectsite_time_zone", default=None)


@cache
def _unconfigured_zone() -> str:
    """The time zone of a site that configures nothing: that of the catalogues' default languages (locales/)."""
    from .languages import Languages
    from .locales import UNCONFIGURED_SITE_LANGUAGES
    from .regional import regional_defaults

    return regional_defaults(Languages(UNCONFIGURED_SITE_LANGUAGES)).time_zone


def zone() -> ZoneInfo:
    """The site's time zone (the settings' time_zone, as last loaded in this context)."""
    return ZoneInfo(_ZONE.get() or _unconfigured_zone())


def use_zone(name: str) -> None:
    """The site's time zone from now on in this context (the settings were loaded)."""
    _ZONE.set(name)


@contextmanager
def in_zone(name: str | None) -> Iterator[None]:
    """The time zone `name` (None: a site's that configures nothing) inside the block only."""
    token = _ZONE.set(name)
    try:
        yield
    finally:
        _ZONE.reset(token)


When = dt.date | dt.datetime


def today() -> dt.date:
    """Today in the site's time zone; `PROJECTSITE_TODAY=YYYY-MM-DD` pins it (tests, previews of a future day)."""
    pinned = os.environ.get("PROJECTSITE_TODAY")
    if not pinned:
        return dt.datetime.now(zone()).date()
    try:
        return dt.date.fromisoformat(pinned)
    except ValueError:
        raise SystemExit(
            f"PROJECTSITE_TODAY={pinned[:40]!r}: write the day as YYYY-MM-DD, for example 2022-06-01 "
            f"/ kirjuta päev kujul AAAA-KK-PP, näiteks 2022-06-01"
        ) from None


def build_time() -> dt.datetime:
    """When the build stamps its outputs (an RSS lastBuildDate, an iCalendar DTSTAMP): now in UTC, to the second.

    `SOURCE_DATE_EPOCH` (seconds since 1970-01-01 UTC, the reproducible-builds convention, which MkDocs follows
    for the sitemap too) pins it, so that two builds of the same sources are the same bytes. It pins only these
    stamps, never today: a CI that sets it to the last commit's time must still move past events to the archive
    (PROJECTSITE_TODAY pins today)."""
    pinned = os.environ.get("SOURCE_DATE_EPOCH")
    if not pinned:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    try:
        if not (pinned.isascii() and pinned.isdigit()):  # the convention's form: ASCII digits only
            raise ValueError(pinned)
        return dt.datetime.fromtimestamp(int(pinned), dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise SystemExit(
            f"SOURCE_DATE_EPOCH={pinned[:40]!r}: write the time as whole seconds since 1970-01-01 UTC, "
            f"for example 1685577600 / kirjuta aeg täissekunditena alates 1970-01-01 UTC, näiteks 1685577600"
        ) from None


def day_of(when: When) -> dt.date:
    return when.date() if isinstance(when, dt.datetime) else when


def babel_locale(lang: str) -> str:
    """The language's locale for dates and numbers, from its catalogue ('en_GB'), or the code itself."""
    return LABELS.get(lang, {}).get("babel_locale", lang)


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(babel_locale(lang))


def _at(lang: str) -> str:
    """The word between a day and its time: 'kell', 'at', 'в'."""
    return LABELS.get(lang, {}).get("at", "")


@lru_cache(maxsize=4096)
def format_day(day: dt.date, lang: str) -> str:
    return format_date(day, "long", locale=_locale(lang))


@lru_cache(maxsize=4096)
def format_clock(when: dt.datetime, lang: str) -> str:
    return format_time(when.time(), "short", locale=_locale(lang))


def format_when(when: When, lang: str) -> str:
    """'14. juuni 2022 kell 09:00' / '14 June 2022 at 09:00', or the day alone."""
    day = format_day(day_of(when), lang)
    if isinstance(when, dt.datetime):
        return f"{day} {_at(lang)} {format_clock(when, lang)}"
    return day


def _genitive(month: str) -> str:
    """The genitive stem of an Estonian month name: 'august' → 'augusti', 'oktoober' → 'oktoobri', 'mai' → 'mai'."""
    if month.endswith("ber"):
        return month[:-3] + "bri"
    return month if month.endswith("i") else month + "i"


@lru_cache(maxsize=4096)
def _day_in_case(day: dt.date, lang: str, case: str) -> str:
    """The day in the case its sentence needs, where the catalogue gives the case's ending (Estonian);
    elsewhere the day as it is written."""
    ending = LABELS.get(lang, {}).get(f"date_case_{case}")
    if ending is None:
        return format_day(day, lang)
    month = _locale(lang).months["format"]["wide"][day.month]
    return f"{day.day}. {_genitive(month)}{ending} {day.year}"


def _when_in_case(when: When, lang: str, case: str) -> str:
    day = _day_in_case(day_of(when), lang, case)
    if isinstance(when, dt.datetime):
        return f"{day} {_at(lang)} {format_clock(when, lang)}"
    return day


def adessive(when: When, lang: str) -> str:
    """'on' a day: '18. augustil 2022' / '18 August 2022' (the sentence carries the English 'on')."""
    return _when_in_case(when, lang, "on")


def terminative(when: When, lang: str) -> str:
    """'until' a day: '8. märtsini 2027' / '8 March 2027'."""
    return _when_in_case(when, lang, "until")


def elative(when: When, lang: str) -> str:
    """'from' a day: '5. jaanuarist 2023' / '5 January 2023'."""
    return _when_in_case(when, lang, "from")


def format_span(start: When, end: When | None, lang: str) -> str:
    """A start and an optional end, without repeating the day when both are on the same day."""
    if end is None:
        return format_when(start, lang)
    if day_of(start) == day_of(end):
        if isinstance(start, dt.datetime) and isinstance(end, dt.datetime):
            return f"{format_when(start, lang)}–{format_clock(end, lang)}"
        return format_when(start, lang)
    return f"{format_when(start, lang)} – {format_when(end, lang)}"


def aware(when: When, end_of_day: bool = False) -> dt.datetime:
    """A datetime aware of the site's time zone for a date or naive local datetime (midnight, or the day's end)."""
    if isinstance(when, dt.datetime):
        return when.replace(tzinfo=zone())
    clock = dt.time(23, 59, 59) if end_of_day else dt.time(0, 0)
    return dt.datetime.combine(when, clock, tzinfo=zone())
