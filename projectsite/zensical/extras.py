"""What Zensical does not make, added to its output: each language's feed and calendars (the engine's feeds.py and
calendar.py, as the MkDocs build writes them), the event pages' JSON-LD and the links between languages."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from projectsite import links, structured
from projectsite.calendar import CalendarSet
from projectsite.feeds import build_feed
from projectsite.labels import LABELS
from projectsite.load import SiteData
from projectsite.site_views import SiteViews


def feed_files(
    data: SiteData, lang: str, site_url: str, site_name: str, description: str, today: dt.date, views: SiteViews
) -> dict[str, bytes]:
    """The language's feed, its calendar and the one-event calendars, by path in the language's folder."""
    words = LABELS[lang]
    feed_title, calendar_name = f"{site_name} – {words['feed_title']}", f"{site_name} – {words['calendar_name']}"
    made = views.of(data, lang, today, site_url)
    files = {links.FEED: build_feed(data, lang, site_url, feed_title, description or feed_title, today, made.views)}
    calendars = CalendarSet.of(data.events, lang, site_url, today, data.languages.original, made.by_id)
    files[links.CALENDAR] = calendars.calendar(calendar_name)
    for event_id in calendars.events:  # an event whose date is not known has none
        files[f"events/{event_id}/{links.event_ics_name(event_id)}"] = calendars.calendar(calendar_name, [event_id])
    return files


def write_files(out: Path, files: dict[str, bytes]) -> None:
    for rel, content in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(content)


def _into_head(page: Path, tags: str) -> None:
    text = page.read_text(encoding="utf-8")
    if "</head>" in text:
        page.write_text(text.replace("</head>", tags + "</head>", 1), encoding="utf-8")


def add_event_json_ld(out: Path, data: SiteData, lang: str, site_url: str, today: dt.date, views: SiteViews) -> None:
    """Each event page's schema.org Event, as the MkDocs build embeds it (organizer, image, region and country)."""
    settings = data.settings
    organizer = structured.organization(settings.organizer.name, settings.organizer.url) if settings.organizer else None
    image = f"{site_url.rstrip('/')}/{settings.share_image.lstrip('/')}" if settings.share_image else ""
    area = (settings.region or "", settings.country or "")
    for view in views.of(data, lang, today, site_url).views:
        page = out / "events" / view.event.id / "index.html"
        ld = structured.event_ld(view, view.url, organizer, image, area, settings.regional.currency)
        if ld is not None and page.is_file():
            _into_head(page, f'<script type="application/ld+json">{structured.script_json(ld)}</script>')


def page_path(rel: str) -> str:
    """A page's source path in its language's folder → its address below the language's root ('' for index.md)."""
    stem = rel.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


_THEME_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\s*')
_SWITCH = re.compile(r'<a href="[^"]*" hreflang="([^"]*)" class="md-select__link">')


def _pages_by_language(site: Path, languages: tuple[str, ...], original: str) -> dict[Path, tuple[str, str]]:
    """Every built page → (its language, its address below the language's root)."""
    found = {}
    for page in site.rglob("index.html"):
        rel = page.parent.relative_to(site).as_posix()
        first = rel.split("/", 1)[0]
        lang = first if first in languages and first != original else original
        address = rel.removeprefix(first).lstrip("/") if lang != original else ("" if rel == "." else rel)
        found[page] = (lang, address + "/" if address else "")
    return found


def add_alternates(site: Path, site_url: str, original: str, own: dict[str, frozenset[str]]) -> None:
    """Each page written in its language names itself and each of its translations in its head (hreflang,
    absolute), as the MkDocs build does, and the header's language switch leads to the same page in the other language; a
    page shown in the original's place is no translation and names none. Zensical's own alternates (the
    languages' home pages, from extra.alternate) are taken out of the head."""
    written = {lang: {page_path(rel) for rel in rels} for lang, rels in own.items()}
    for page, (lang, address) in _pages_by_language(site, tuple(own), original).items():
        langs = [code for code in own if address in written[code]] if address in written.get(lang, set()) else []
        tags = "".join(
            f'<link rel="alternate" hreflang="{code}" '
            f'href="{html.escape(links.language_root(site_url, code, original) + address)}">'
            for code in langs
        )

        def switch(match: re.Match[str], langs: list[str] = langs, address: str = address) -> str:
            code = match.group(1)
            target = links.language_path(site_url, code, original) + (address if code in langs else "")
            return f'<a href="{html.escape(target)}" hreflang="{code}" class="md-select__link">'

        text = _THEME_ALTERNATE.sub("", page.read_text(encoding="utf-8"))
        text = _SWITCH.sub(switch, text).replace("</head>", tags + "</head>", 1)
        page.write_text(text, encoding="utf-8")
