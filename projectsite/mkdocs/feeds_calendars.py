"""After each language's build: its RSS feed, its events calendar, and a calendar file per event."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from projectsite import links
from projectsite.calendar import CalendarSet
from projectsite.dates import today
from projectsite.feeds import build_feed
from projectsite.labels import LABELS

from .state import BuildState, language


def on_post_build(config: MkDocsConfig, state: BuildState) -> None:
    lang, data, site_url = language(config), state.site_data(config), config.site_url or ""
    out = Path(config.site_dir) / links.language_prefix(lang)  # the plugin keeps site_dir at the root
    words, day = LABELS[lang], today()
    description = config.site_description or words["feed_title"]
    (out / links.FEED).write_bytes(build_feed(data, lang, site_url, words["feed_title"], description, day))
    calendars = CalendarSet.of(data.events, lang, site_url, day)
    (out / links.CALENDAR).write_bytes(calendars.calendar(words["calendar_name"]))
    for event in data.events:
        folder = out / "events" / event.id
        folder.mkdir(parents=True, exist_ok=True)
        ics = calendars.calendar(words["calendar_name"], [event.id])
        (folder / links.event_ics_name(event.id)).write_bytes(ics)
