"""What a page's <head> says about it: description, feed, locale and schema.org JSON-LD."""

from __future__ import annotations

import datetime as dt
import re
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from projectsite import links, structured
from projectsite.dates import adessive, format_day, today
from projectsite.labels import LABELS
from projectsite.period import has_ended
from projectsite.plaintext import first_sentences
from projectsite.problems import Problem
from projectsite.settings import NewsletterSettings, ProjectSettings, SiteExtra
from projectsite.text import Text

from . import theme_meta
from .state import BuildState, language, languages_of, project_root
from .terminal import log


def _og_locale(lang: str) -> str:
    """Open Graph's locale (language_TERRITORY), from the language's catalogue."""
    return LABELS.get(lang, {}).get("babel_locale", lang)


EVENT_PAGE = re.compile(r"^(?P<lang>[a-z]{2})/events/(?P<id>[a-z0-9-]+)\.md$")
NEWS_POST = re.compile(r"^(?P<lang>[a-z]{2})/news/(?P<slug>(?!index\.md)[^/]+)\.md$")


def _image(config: MkDocsConfig, settings: SiteExtra) -> str:
    """The share image (extra.share_image, a path in docs/ outside the language folders) as an address, or ""."""
    path = (settings.share_image or "").lstrip("/")
    return f"{(config.site_url or '').rstrip('/')}/{path}" if path else ""


def _area(settings: SiteExtra) -> tuple[str, str]:
    """The site's region and country for an event's place (extra.region, extra.country)."""
    return settings.region or "", settings.country or ""


def _organizer(settings: SiteExtra) -> dict[str, Any] | None:
    org = settings.organizer
    return structured.organization(org.name, org.url) if org is not None else None


def _describe(page: Page, text: str) -> None:
    """Material writes page.meta.description into an attribute as it is: keep it escaped."""
    page.meta.setdefault("description", escape(text, quote=True))


def _structured_data(markdown: str, page: Page, config: MkDocsConfig, state: BuildState) -> list[dict[str, Any]]:
    data = state.site_data(config)
    lang, url, settings = language(config), page.canonical_url or "", data.settings
    if match := EVENT_PAGE.match(page.file.src_uri):
        views = state.views.of(data, lang, today(), config.site_url or "")  # the build's, made once per event
        view = views.by_id.get(match["id"])
        if view is not None:
            if view.summary:
                _describe(page, first_sentences(view.summary))
            ld = structured.event_ld(
                view, url, _organizer(settings), _image(config, settings), _area(settings), settings.regional.currency
            )
            return [ld] if ld is not None else []
    if match := NEWS_POST.match(page.file.src_uri):
        post = next((p for p in data.news.get(match["lang"], []) if p.slug == match["slug"]), None)
        if post is not None:
            return [structured.news_ld(post, url, _organizer(settings), _image(config, settings))]
    if "<!-- projectsite:trainings -->" in markdown:
        return [structured.course_ld(t, lang, url, _organizer(settings)) for t in data.trainings]
    return []


def _front_matter_as_text(page: Page, config: MkDocsConfig, lang: str) -> None:
    """Material writes page.meta's texts into every page's navigation as HTML, and uses some values as names:
    the texts are escaped, a value the theme could not use is dropped and told (file, line, key)."""
    extra: Any = config.extra
    custom = extra.get("status") if extra else None
    statuses = theme_meta.STATUSES + tuple(str(k) for k in custom) if isinstance(custom, dict) else theme_meta.STATUSES
    dropped = theme_meta.check(page.meta, list(config.theme.dirs), statuses)
    if dropped:
        path = Path(page.file.abs_src_path or "")
        source, rel = path.read_text(encoding="utf-8", errors="replace"), path.relative_to(project_root(config))
        for key, message in dropped:
            log.warning(Problem(rel.as_posix(), theme_meta.key_line(source, key), key, message).text(lang))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, state: BuildState) -> str:
    """Before the markers are filled (it looks for the trainings' marker), and before event_pages sets an event's title."""
    _front_matter_as_text(page, config, state.editor_language)
    if NEWS_POST.match(page.file.src_uri) and page.meta.get("date"):
        page.meta["ps_post_date"] = str(page.meta["date"])[:10]  # checked by news.py; the page templates show it
    if page.meta.get("summary"):
        _describe(page, str(page.meta["summary"]))
    page.meta["jsonld"] = [structured.script_json(d) for d in _structured_data(markdown, page, config, state)]
    return markdown


def on_env(env: Environment, config: MkDocsConfig, files: Files, settings: SiteExtra) -> Environment:
    """The head's language-wide facts, for every template (the 404 page has no page context)."""
    lang, languages = language(config), languages_of(config)
    env.globals["projectsite"] = {
        "path": links.language_path(config.site_url or "", lang, languages.original),
        "locale": _og_locale(lang),
        "alternate_locales": [_og_locale(other) for other in languages.others(lang)],
        "image": _image(config, settings),
        "labels": LABELS[lang],
        "signup": _signup(config, settings.newsletter, _has_newsletter_page(files, lang, languages.original)),
        "list_after_end": _list_after_end(settings.project, lang),
        "funders": _funders(settings, lang),
        # The note under each page's dates (extra.projectsite.date_note: e.g. the law that asks for them), escaped.
        "date_note": escape(settings.date_note.get(lang)[0], quote=False) if settings.date_note else "",
        "day_on": lambda iso: adessive(dt.date.fromisoformat(str(iso)[:10]), lang),  # a post's date, quoted or not
        "iso_day": lambda iso: format_day(dt.date.fromisoformat(str(iso)[:10]), lang),
    }
    return env


def _funders(settings: SiteExtra, lang: str) -> dict[str, str]:
    """The footer's funders (extra.projectsite: funders, funder_logo, funder_logo_alt, funder_url), validated."""

    def text(value: Text | None) -> str:
        return value.get(lang)[0] if value is not None and value.has(lang) else ""

    return {
        "statement": text(settings.funders),
        "logo": settings.funder_logo or "",
        "logo_alt": text(settings.funder_logo_alt),
        "url": settings.funder_url or "",
    }


def _list_after_end(project: ProjectSettings | None, lang: str) -> str:
    """What the sign-up says once the project has ended; empty while it runs."""
    if project is None or not has_ended(project, today()) or project.list_after_end is None:
        return ""
    return escape(project.list_after_end.get(lang)[0], quote=False)


def _has_newsletter_page(files: Files, lang: str, original: str) -> bool:
    """Whether this language's site has a newsletter page for the footer to point to."""
    wanted = links.language_prefix(lang, original) + "newsletter/index.html"
    return any(f.dest_uri == wanted for f in files)


def _signup(config: MkDocsConfig, newsletter: NewsletterSettings | None, has_page: bool) -> dict[str, str]:
    """The sign-up form's settings (Mailchimp names its anti-bot field after the form's u and id), and the
    newsletter page's address when the site has one ('' otherwise: then the footer has no sign-up at all)."""
    settings = newsletter or NewsletterSettings()
    form_url = settings.form_url
    query = parse_qs(urlsplit(form_url).query)
    bot_field = f"b_{query.get('u', [''])[0]}_{query.get('id', [''])[0]}"
    return {
        "form_url": form_url,
        "language_field": settings.language_field or "LANGUAGE",
        "bot_field": bot_field,
        "page": links.language_path(config.site_url or "", language(config), languages_of(config).original)
        + "newsletter/"
        if has_page
        else "",
    }
