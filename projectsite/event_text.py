"""An event in plain words in one language: for feeds, calendars, meta descriptions and e-mails."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import dates
from .labels import LABELS
from .models import Event
from .plaintext import from_markdown


@dataclass(frozen=True)
class EventText:
    title: str
    when: str
    where: str
    summary: str
    registration: str
    status: str = ""  # the status notice ("This event is cancelled."), empty when it is scheduled
    status_word: str = ""  # "Cancelled", "Postponed", or empty

    def lines(self) -> list[str]:
        """The status, date and place, the summary, the registration: each a paragraph."""
        head = " · ".join(part for part in (self.when, self.where) if part)
        return [part for part in (self.status, head, self.summary, self.registration) if part]

    @property
    def titled(self) -> str:
        """The title with the status word: 'Seminar (Cancelled)'."""
        return f"{self.title} ({self.status_word})" if self.status_word else self.title


def status_notice(event: Event, lang: str) -> str:
    """What a visitor must know about a cancelled or postponed event, in a sentence or two."""
    words = LABELS[lang]
    if event.status == "cancelled":
        return words["cancelled_notice"]
    if event.status != "postponed":
        return ""
    if event.previous_start is None:
        return words["postponed_notice"]
    return (
        f"{words['rescheduled_notice']} {dates.adessive(event.previous_start, lang)}. "
        f"{words['new_time']} {dates.format_span(event.start, event.end, lang)}."
    )


def registration_open(event: Event, today: dt.date) -> bool:
    """Open until the end of the deadline's day (or the event's first day when there is no deadline)."""
    if event.registration is None or event.status == "cancelled":
        return False
    return today <= dates.day_of(event.registration.deadline or event.start)


def registration_line(event: Event, lang: str, today: dt.date) -> str:
    if event.registration is None:
        return ""
    words = LABELS[lang]
    deadline = event.registration.deadline
    if not registration_open(event, today):
        return f"{words['closed_on']} {dates.adessive(deadline, lang)}." if deadline else f"{words['closed']}."
    until = f" ({words['deadline'].lower()} {dates.terminative(deadline, lang)})" if deadline else ""
    return f"{words['registration']}: {event.registration.url}{until}"


def event_text(event: Event, lang: str, today: dt.date) -> EventText:
    return EventText(
        title=event.title.get(lang)[0],
        when=dates.format_span(event.start, event.end, lang),
        where=event.location.get(lang)[0] if event.location else "",
        summary=from_markdown(event.summary.get(lang)[0]) if event.summary else "",
        registration=registration_line(event, lang, today),
        status=status_notice(event, lang),
        status_word=LABELS[lang][f"status_{event.status}"] if event.status != "scheduled" else "",
    )
