"""An RSS 2.0 feed per language (feedgen): news posts and events, newest first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from feedgen.feed import FeedGenerator

from . import dates, links
from .load import SiteData
from .views import EventView, event_view, news_view

MAX_ITEMS = 50


@dataclass(frozen=True)
class FeedItem:
    title: str
    url: str
    summary: str
    published: dt.datetime | None  # None: an event whose date and announcement are not known (listed last)
    category: str


def _event_items(
    data: SiteData, lang: str, site_url: str, today: dt.date, made: Sequence[EventView] | None
) -> list[FeedItem]:
    views = (
        made
        if made is not None
        else [event_view(e, lang, today, site_url, data.languages.original) for e in data.events]
    )
    return [FeedItem(v.titled, v.url, "\n\n".join(v.lines()), v.published, "event") for v in views]


def _news_items(data: SiteData, lang: str, site_url: str) -> list[FeedItem]:
    views = (news_view(post, lang, site_url, data.languages.original) for post in data.news_in(lang))
    return [FeedItem(v.title, v.url, v.summary, v.published, "news") for v in views]


_OLDEST = dt.datetime.min.replace(tzinfo=dt.UTC)


def feed_items(
    data: SiteData, lang: str, site_url: str, today: dt.date, views: Sequence[EventView] | None = None
) -> list[FeedItem]:
    """`views`: the events' views in this language when the build has made them (site_views.py)."""
    items = _event_items(data, lang, site_url, today, views) + _news_items(data, lang, site_url)
    items.sort(key=lambda item: (item.published or _OLDEST, item.url), reverse=True)
    return items[:MAX_ITEMS]


def _as_html(text: str) -> str:
    """Plain paragraphs as the HTML an RSS description carries (escaped once; the XML escapes it again)."""
    return "".join(f"<p>{escape(paragraph, quote=False)}</p>" for paragraph in text.split("\n\n") if paragraph)


def build_feed(
    data: SiteData,
    lang: str,
    site_url: str,
    title: str,
    description: str,
    today: dt.date,
    views: Sequence[EventView] | None = None,
) -> bytes:
    root = links.language_root(site_url, lang, data.languages.original)
    feed = FeedGenerator()
    feed.title(title)
    feed.description(description)
    feed.link(href=root + links.FEED, rel="self", type="application/rss+xml")
    feed.link(href=root, rel="alternate")  # feedgen's RSS <link> is the last one given
    feed.language(lang)
    feed.lastBuildDate(dates.build_time().astimezone(dates.zone()))
    for item in feed_items(data, lang, site_url, today, views):
        entry = feed.add_entry(order="append")
        entry.title(item.title)
        entry.link(href=item.url)
        entry.guid(item.url, permalink=True)
        entry.description(_as_html(item.summary) or " ")
        if item.published is not None:
            entry.pubDate(item.published)
        entry.category(term=item.category)
    return bytes(feed.rss_str(pretty=True))
