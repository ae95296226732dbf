"""After each language's build: its RSS feed, its events calendar, and a calendar file per event."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from projectsite import links
from projectsite.calendar import CalendarSet
from projectsite.dates import today
from projectsite.feeds import build_feed
from projectsite.labels import LABELS

from . import site_name
from .state import BuildState, language


def on_post_build(config: MkDocsConfig, state: BuildState, keep: bool = False) -> None:
    """Writes the files; with `keep` (under serve) made again only when the data or the day changed."""
    lang, site_url = language(config), config.site_url or ""
    key = (lang, state.fingerprint, site_url, today(), config.site_description)
    kept = state.feed_files.get(lang)
    files = kept[1] if kept is not None and kept[0] == key else _files(config, state)
    if keep:
        state.feed_files[lang] = (key, files)
    original = state.site_data(config).languages.original
    out = Path(config.site_dir) / links.language_prefix(lang, original)  # the plugin keeps site_dir at the root
    for rel, content in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(content)


def _files(config: MkDocsConfig, state: BuildState) -> dict[str, bytes]:
    """The language's feed, its calendar and the one-event calendars, by their path in the language's folder."""
    lang, data, site_url = language(config), state.site_data(config), config.site_url or ""
    words, day = LABELS[lang], today()
    # Named for the site (its name in this language, as i18n sets it): "<site> – news and events".
    feed_title, calendar_name = (
        f"{site_name.plain(config)} – {words['feed_title']}",
        f"{site_name.plain(config)} – {words['calendar_name']}",
    )
    description = config.site_description or feed_title
    views = state.views.of(data, lang, day, site_url)  # the build's, made once per event
    files = {links.FEED: build_feed(data, lang, site_url, feed_title, description, day, views.views)}
    calendars = CalendarSet.of(data.events, lang, site_url, day, data.languages.original, views.by_id)
    files[links.CALENDAR] = calendars.calendar(calendar_name)
    for event_id in calendars.events:  # an event whose date is not known has none
        ics = calendars.calendar(calendar_name, [event_id])
        files[f"events/{event_id}/{links.event_ics_name(event_id)}"] = ics
    return files
