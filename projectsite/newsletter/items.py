"""An ITEM to announce ('event:<id>' or 'news:<slug>') in the words of each language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import links
from ..dates import format_day, terminative
from ..event_text import event_text, registration_open
from ..labels import LABELS
from ..load import SiteData
from ..messages import Message, say


@dataclass(frozen=True)
class Announcement:
    """What an announcement e-mail says in one language; `written_in` is the language of its text."""

    item: str
    lang: str
    written_in: str
    title: str
    when: str
    where: str
    summary: str
    registration: str
    registration_url: str
    registration_until: str
    url: str
    status: str = ""  # a cancelled or postponed event's notice ("This event is cancelled."), else empty
    status_word: str = ""  # "Cancelled", "Postponed", or empty

    @property
    def headline(self) -> str:
        """The title with the status word, for the subject: 'Seminar (Cancelled)'."""
        return f"{self.title} ({self.status_word})" if self.status_word else self.title


class UnknownItem(Exception):
    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


def _event(data: SiteData, event_id: str, lang: str, site_url: str, today: dt.date) -> Announcement:
    event = data.event(event_id)
    if event is None:
        raise UnknownItem(say("no_event", id=event_id))
    words = event_text(event, lang, today)
    registration = event.registration if registration_open(event, today) else None  # None: none, or closed
    until = (
        f"{LABELS[lang]['deadline']} {terminative(registration.deadline, lang)}."
        if registration and registration.deadline
        else ""
    )
    return Announcement(
        f"event:{event_id}",
        lang,
        event.title.get(lang)[1] or lang,
        words.title,
        words.when,
        words.where,
        words.summary,
        words.registration,
        registration.url if registration else "",
        until,
        links.event_url(site_url, lang, event_id),
        words.status,
        words.status_word,
    )


def _news(data: SiteData, slug: str, lang: str, site_url: str) -> Announcement:
    post = next((p for p in data.news_in(lang) if p.slug == slug), None)
    if post is None:
        raise UnknownItem(say("no_post", slug=slug))
    return Announcement(
        f"news:{slug}",
        lang,
        post.lang,
        post.title,
        format_day(post.date, lang),
        "",
        post.summary or "",
        "",
        "",
        "",
        links.news_url(site_url, links.news_page_language(post.lang, lang), slug),
    )


def announcement(data: SiteData, item: str, lang: str, site_url: str, today: dt.date) -> Announcement:
    kind, _, key = item.partition(":")
    if kind == "event" and key:
        return _event(data, key, lang, site_url, today)
    if kind == "news" and key:
        return _news(data, key, lang, site_url)
    raise UnknownItem(say("bad_item", item=item))
