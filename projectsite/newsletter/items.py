"""An ITEM to announce ('event:<id>' or 'news:<slug>') in the words of each language, from its view (views.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..load import SiteData
from ..messages import Message, say
from ..views import event_view, news_view


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
    view = event_view(event, lang, today, site_url)
    registration = event.registration if view.registration_open else None  # None: none, or closed
    return Announcement(
        f"event:{event_id}",
        lang,
        view.written_in,
        view.title,
        view.when,
        view.where,
        view.summary,
        view.registration,
        registration.url if registration else "",
        view.registration_until,
        view.url,
        view.notice,
        view.status_word,
    )


def _news(data: SiteData, slug: str, lang: str, site_url: str) -> Announcement:
    post = next((p for p in data.news_in(lang) if p.slug == slug), None)
    if post is None:
        raise UnknownItem(say("no_post", slug=slug))
    view = news_view(post, lang, site_url)
    return Announcement(
        f"news:{slug}", lang, view.written_in, view.title, view.when, "", view.summary, "", "", "", view.url
    )


def announcement(data: SiteData, item: str, lang: str, site_url: str, today: dt.date) -> Announcement:
    kind, _, key = item.partition(":")
    if kind == "event" and key:
        return _event(data, key, lang, site_url, today)
    if kind == "news" and key:
        return _news(data, key, lang, site_url)
    raise UnknownItem(say("bad_item", item=item))
