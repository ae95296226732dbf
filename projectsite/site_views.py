"""A build's views of its items, made once per language and item, and its Markdown conversions, made once
per text: every page, the feed and the calendars read them here, so that a build's work grows with the
number of items and not with its square.

Under `mkdocs serve` the object lives on between rebuilds: a view is made again only for an item that
changed (or when the day or the site's address did), a text converted again only when it is new.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment

from . import richtext
from .load import SiteData
from .models import Event
from .views import EventView, event_view, past_by_year, upcoming


@dataclass
class Conversions:
    """Editor-written Markdown as HTML and as text, each text converted once (richtext.py)."""

    html_of: dict[str, str] = field(default_factory=dict)
    text_of: dict[str, str] = field(default_factory=dict)

    def html(self, source: str) -> str:
        if source not in self.html_of:
            self.html_of[source] = richtext.to_html(source)
        return self.html_of[source]

    def text(self, source: str) -> str:
        if source not in self.text_of:
            self.text_of[source] = richtext.text_of(self.html(source))
        return self.text_of[source]


@dataclass
class LanguageViews:
    """One language's event views, in the data's order, and what the list pages show of them."""

    data: SiteData  # the data they were made from
    key: tuple[dt.date, str, str]  # (today, site_url, original language): a view depends on these and its item
    views: list[EventView]
    by_id: dict[str, EventView]
    upcoming: list[EventView]
    past_by_year: list[tuple[int, list[EventView]]]


@dataclass
class SiteViews:
    """The views of one build (held by the build's state; see the module's docstring)."""

    conversions: Conversions = field(default_factory=Conversions)
    languages: dict[tuple[str, str], LanguageViews] = field(default_factory=dict)  # by (language, site_url)
    environments: dict[str, Environment] = field(default_factory=dict)  # render.py's, converting through this
    templates: Path | None = None  # the site's own data templates (render.template_loader), if it has any

    def use_templates(self, folder: Path | None) -> None:
        """The site's folder of data templates for this build: the environments are made again if it changed."""
        if folder != self.templates:
            self.templates = folder
            self.environments.clear()

    def of(self, data: SiteData, lang: str, today: dt.date, site_url: str) -> LanguageViews:
        """The language's views of this data, made (again) only for what changed since they were last made."""
        key = (today, site_url, data.languages.original)
        kept = self.languages.get((lang, site_url))
        if kept is not None and kept.key == key and kept.data is data:
            return kept
        old = kept.by_id if kept is not None and kept.key == key else {}
        views = [self._view(event, old.get(event.id), lang, key) for event in data.events]
        made = LanguageViews(data, key, views, {v.event.id: v for v in views}, upcoming(views), past_by_year(views))
        self.languages[(lang, site_url)] = made
        return made

    def _view(self, event: Event, old: EventView | None, lang: str, key: tuple[dt.date, str, str]) -> EventView:
        if old is not None and old.event == event:
            return old
        today, site_url, original = key
        return event_view(event, lang, today, site_url, original, self.text)

    @property
    def text(self) -> Callable[[str], str]:
        return self.conversions.text
