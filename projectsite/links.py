"""Absolute addresses of the site's pages and files, per language."""

from __future__ import annotations

from urllib.parse import urlsplit

from . import DEFAULT_LANGUAGE


def language_prefix(lang: str) -> str:
    """Where a language lives below the site's root: '' for Estonian, 'en/' for English."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def language_root(site_url: str, lang: str) -> str:
    """'https://host/' for Estonian, 'https://host/en/' for English."""
    return site_url.rstrip("/") + "/" + language_prefix(lang)


def language_path(site_url: str, lang: str) -> str:
    """The language's root as a path on the site's own host ('/', '/en/'), for links in preview and production."""
    return urlsplit(site_url).path.rstrip("/") + "/" + language_prefix(lang)


def webcal(url: str) -> str:
    """A calendar address that calendar apps open as a subscription."""
    return "webcal://" + url.split("://", 1)[-1]


def event_url(site_url: str, lang: str, event_id: str) -> str:
    return f"{language_root(site_url, lang)}events/{event_id}/"


def news_url(site_url: str, lang: str, slug: str) -> str:
    return f"{language_root(site_url, lang)}news/{slug}/"


def news_page_language(post_lang: str, lang: str) -> str:
    """The language whose site has a post's page, for a list in `lang`: its own, or the default language's
    copy that mkdocs-static-i18n makes (fallback_to_default), or else the post's own language."""
    return lang if post_lang in (lang, DEFAULT_LANGUAGE) else post_lang


def host(site_url: str) -> str:
    return urlsplit(site_url).hostname or "localhost"


FEED = "feed.xml"
CALENDAR = "calendar.ics"


def event_ics_name(event_id: str) -> str:
    """The one-event calendar file, beside the event's page."""
    return f"{event_id}.ics"
