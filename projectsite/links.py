"""Absolute addresses of the site's pages and files, per language."""

from __future__ import annotations

from urllib.parse import urlsplit


def language_prefix(lang: str, original: str) -> str:
    """Where a language lives below the site's root: '' for the original language, '<code>/' for the others."""
    return "" if lang == original else f"{lang}/"


def language_root(site_url: str, lang: str, original: str) -> str:
    """'https://host/' for the original language, 'https://host/<code>/' for another."""
    return site_url.rstrip("/") + "/" + language_prefix(lang, original)


def language_path(site_url: str, lang: str, original: str) -> str:
    """The language's root as a path on the site's own host ('/', '/en/'), for links in preview and production."""
    return urlsplit(site_url).path.rstrip("/") + "/" + language_prefix(lang, original)


def webcal(url: str) -> str:
    """A calendar address that calendar apps open as a subscription."""
    return "webcal://" + url.split("://", 1)[-1]


def event_url(site_url: str, lang: str, event_id: str, original: str) -> str:
    return f"{language_root(site_url, lang, original)}events/{event_id}/"


def news_url(site_url: str, lang: str, slug: str, original: str) -> str:
    return f"{language_root(site_url, lang, original)}news/{slug}/"


def news_page_language(post_lang: str, lang: str, original: str) -> str:
    """The language whose site has a post's page, for a list in `lang`: its own, or the default language's
    copy that mkdocs-static-i18n makes (fallback_to_default), or else the post's own language."""
    return lang if post_lang in (lang, original) else post_lang


def host(site_url: str) -> str:
    return urlsplit(site_url).hostname or "localhost"


FEED = "feed.xml"
CALENDAR = "calendar.ics"


def event_ics_name(event_id: str) -> str:
    """The one-event calendar file, beside the event's page."""
    return f"{event_id}.ics"
