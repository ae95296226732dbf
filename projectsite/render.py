"""Validated data → page Markdown: the markers in docs/ pages are filled from Jinja2 templates."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from babel.numbers import format_decimal
from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined, pass_context

from . import amounts, dates, escape, links, richtext
from .kinds import KINDS
from .labels import LABELS, language_note
from .load import SiteData
from .models import MediaItem, NewsPost
from .period import has_ended
from .revisions import History
from .settings import ProjectSettings
from .site_views import LanguageViews, SiteViews
from .text import Text
from .views import EventView

MARKER = re.compile(r"<!--\s*projectsite:([a-z-]+)(?::([a-z0-9-]+))?\s*-->")


def _resolve(value: Text | str | None, lang: str) -> tuple[str, str]:
    if value is None:
        return "", ""
    if isinstance(value, Text):
        return value.get(lang)
    return value, ""


def _note(lang: str, text_lang: str) -> str:
    """'(in Estonian)' on the English site; '(inglise keeles)' on the Estonian site for English text."""
    return language_note(lang, text_lang)


def _inline_filter(lang: str) -> Callable[..., str]:
    def inline(value: Text | str | None, written_in: str = "") -> str:
        text, text_lang = _resolve(value, lang)
        text_lang = text_lang or written_in
        safe = escape.inline(text)
        if text_lang and text_lang != lang:
            note = _note(lang, text_lang)
            return f'<span lang="{text_lang}">{safe}</span> <span class="ps-fallback">({note})</span>'
        return safe

    return inline


def _block_filter(lang: str, to_html: Callable[[str], str]) -> Callable[[Text | None], str]:
    """Editor-written Markdown as one raw HTML block (richtext.py): the page's Markdown never reads it again."""

    def block(value: Text | None) -> str:
        text, text_lang = _resolve(value, lang)
        html = to_html(text)
        if text_lang and text_lang != lang:
            note = _note(lang, text_lang)
            return f'<p class="ps-fallback">({note})</p>\n\n<div lang="{text_lang}">\n{html}\n</div>'
        return f"<div>\n{html}\n</div>"

    return block


@pass_context
def _link(context: Any, target: str) -> str:
    """A Markdown link target from the page being rendered to `target` (relative to the language folder)."""
    return posixpath.relpath(target, context["page_dir"] or ".")


@pass_context
def _post_link(context: Any, post: NewsPost) -> str:
    """A news post's page: in this language's site, or in its own language's when this one has none."""
    lang = context["lang"]
    original = context["site"]["original"]
    page_lang = links.news_page_language(post.lang, lang, original)
    if page_lang == lang:
        return _link(context, f"news/{post.slug}.md")
    return links.language_path(context["site"]["url"], page_lang, original) + f"news/{post.slug}/"


def template_loader(overrides: Path | None) -> BaseLoader:
    """The engine's data templates, each replaced by the site's own of the same name in `overrides`, if any."""
    engine = PackageLoader("projectsite", "templates")
    return ChoiceLoader([FileSystemLoader(overrides), engine]) if overrides is not None else engine


def environment(
    lang: str, to_html: Callable[[str], str] = richtext.to_html, overrides: Path | None = None
) -> Environment:
    """The templates' environment for a language; `to_html` converts the data's Markdown (once per text in a
    build: site_views.Conversions); `overrides` is the site's folder of its own data templates."""
    env = Environment(
        loader=template_loader(overrides),
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        inline=_inline_filter(lang),
        block=_block_filter(lang, to_html),
        esc=escape.inline,
        attr=escape.attribute,
        day=lambda d: escape.line_start(dates.format_day(d, lang)),
        when=lambda w: escape.line_start(dates.format_when(w, lang)),
        on=lambda w: escape.line_start(dates.adessive(w, lang)),
        until=lambda w: escape.line_start(dates.terminative(w, lang)),
        since=lambda w: escape.line_start(dates.elative(w, lang)),
        number=lambda n: format_decimal(n, locale=dates.babel_locale(lang)),
        money=lambda f: amounts.money(f.amount, f.currency, lang),
        percent=lambda rate: amounts.percent(rate, lang),
        tel=lambda phone: "".join(c for c in phone if c.isdigit() or c == "+"),
        webcal=links.webcal,
    )
    env.globals.update(
        L=LABELS[lang],
        lang=lang,
        link=_link,
        post_link=_post_link,
        span=lambda s, e=None: escape.line_start(dates.format_span(s, e, lang)),
    )
    return env


@cache
def _plain_environment(lang: str) -> Environment:
    """The environment of a Renderer outside a build (tests, benchmarks): compiled once per language."""
    return environment(lang)


@dataclass
class Renderer:
    """Renders the markers of one language's pages from one SiteData.

    In a build every page's renderer shares the build's `SiteViews` (the views made once per item and
    language, the texts converted once); a renderer made alone has its own."""

    data: SiteData
    lang: str
    today: dt.date
    site_url: str = "https://localhost/"
    project: ProjectSettings | None = None
    shared: SiteViews = field(default_factory=SiteViews)
    alone: bool = True  # not in a build: the templates from the module's own environment

    @classmethod
    def in_build(
        cls,
        shared: SiteViews,
        data: SiteData,
        lang: str,
        today: dt.date,
        site_url: str,
        project: ProjectSettings | None,
    ) -> Renderer:
        return cls(data, lang, today, site_url, project, shared, alone=False)

    def _environment(self) -> Environment:
        if self.alone:
            return _plain_environment(self.lang)
        kept = self.shared.environments.get(self.lang)
        if kept is None:
            made = environment(self.lang, self.shared.conversions.html, self.shared.templates)
            kept = self.shared.environments[self.lang] = made
        return kept

    def render(self, template: str, page_dir: str, **context: Any) -> str:
        original = self.data.languages.original
        site = {
            "root": links.language_path(self.site_url, self.lang, original),
            "url": self.site_url,
            "original": original,
            "calendar_url": links.language_root(self.site_url, self.lang, original) + links.CALENDAR,
        }
        return self._environment().get_template(template).render(page_dir=page_dir, site=site, **context)

    @property
    def _views(self) -> LanguageViews:
        return self.shared.of(self.data, self.lang, self.today, self.site_url)

    @property
    def views(self) -> list[EventView]:
        """Every event's view in this language, in the data's order."""
        return self._views.views

    def upcoming(self) -> list[EventView]:
        return self._views.upcoming

    def past_by_year(self) -> list[tuple[int, list[EventView]]]:
        return self._views.past_by_year

    def media(self) -> list[MediaItem]:
        return sorted(self.data.media, key=lambda m: m.date, reverse=True)

    def marker(self, name: str, arg: str | None, page_dir: str) -> str | None:
        """The Markdown for one marker, or None when the marker is unknown."""
        if name == "events":
            return self.render(
                "events.md.j2",
                page_dir,
                upcoming=self.upcoming(),
                past_by_year=self.past_by_year(),
                this_year=self.today.year,
            )
        if name == "facts":
            return self.render("facts.md.j2", page_dir, project=self.project) if self.project is not None else ""
        if name == "upcoming":
            if self.project is not None and has_ended(self.project, self.today):
                return self.render("ended.md.j2", page_dir, project=self.project)
            return self.render("upcoming.md.j2", page_dir, upcoming=self.upcoming()[:3])
        if name == "event" and arg and (view := self._views.by_id.get(arg)):
            return self.render("event.md.j2", page_dir, v=view, e=view.event)
        if name == "trainings":
            return self.render("trainings.md.j2", page_dir, trainings=self.data.trainings, today=self.today)
        if name == "media":
            return self.render("media.md.j2", page_dir, media=self.media())
        if name == "team":
            return self.render("team.md.j2", page_dir, team=self.data.team)
        if name == "news":
            return self.render("news.md.j2", page_dir, posts=self.data.news_in(self.lang))
        if name == "latest-news":
            return self.render("latest_news.md.j2", page_dir, posts=self.data.news_in(self.lang)[:3])
        if (kind := KINDS.get(name)) is not None:
            items = kind.order(self.data.more.get(name, []))
            return self.render(kind.template, page_dir, items=items, K=kind.words[self.lang])
        return None

    def fill(self, markdown: str, page_dir: str) -> tuple[str, list[str]]:
        """Replace every marker in a page; returns the page and the markers it did not know."""
        unknown: list[str] = []

        def replace(match: re.Match[str]) -> str:
            out = self.marker(match.group(1), match.group(2), page_dir)
            if out is None:
                unknown.append(match.group(0))
                return ""
            return out

        return MARKER.sub(replace, markdown), unknown


# The data file behind each marker: a page made from data is as new as its data.
MARKER_SOURCES = {
    "events": "data/events.yaml",
    "upcoming": "data/events.yaml",
    "facts": "mkdocs.yml",
    "event": "data/events.yaml",
    "trainings": "data/trainings.yaml",
    "media": "data/media.yaml",
    "team": "data/team.yaml",
}


def _sources(config_file: str) -> dict[str, str]:
    """MARKER_SOURCES and the registered kinds', the facts in the configuration file the site is built from (`-f`)."""
    return {**MARKER_SOURCES, **{name: f"data/{name}.yaml" for name in KINDS}, "facts": config_file}


def markers_without_data(root: Path, markdown: str, config_file: str = "mkdocs.yml") -> list[tuple[str, str]]:
    """(marker, data file) for each marker in a page whose data file does not exist: a section with no data."""
    sources = _sources(config_file)
    return [
        (m.group(0), sources[m.group(1)])
        for m in MARKER.finditer(markdown)
        if m.group(1) in sources and not (root / sources[m.group(1)]).exists()
    ]


def page_dates(
    history: History, root: Path, page_rel: str, markdown: str, config_file: str = "mkdocs.yml"
) -> dict[str, str]:
    """ps_created / ps_updated (ISO days): the page's own file and the data files its markers draw on; none
    when their dates are not known (a shallow clone)."""
    known = _sources(config_file)
    sources = {known[m.group(1)] for m in MARKER.finditer(markdown) if m.group(1) in known}
    found = [d for d in (history.file_dates(root, rel) for rel in [page_rel, *sorted(sources)]) if d is not None]
    if not found:
        return {}
    return {"ps_created": min(d[0] for d in found).isoformat(), "ps_updated": max(d[1] for d in found).isoformat()}
