"""What a page's <head> says about it: description, feed, locale and schema.org JSON-LD."""
from __future__ import annotations

import re
from html import escape
from urllib.parse import parse_qs, urlsplit
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from projectsite import LANGUAGES, links, structured
from projectsite.labels import LABELS
from projectsite.plaintext import first_sentences, from_markdown

from _site import language, site_data

OG_LOCALE = {"et": "et_EE", "en": "en_GB"}
EVENT_PAGE = re.compile(r"^(?P<lang>[a-z]{2})/events/(?P<id>[a-z0-9-]+)\.md$")
NEWS_POST = re.compile(r"^(?P<lang>[a-z]{2})/news/(?P<slug>(?!index\.md)[^/]+)\.md$")


def _image(config: MkDocsConfig) -> str:
    return links.language_root(config.site_url or "", "et") + "assets/loim-share.png"


def _organizer(config: MkDocsConfig) -> dict[str, Any]:
    org = config.extra["organizer"]
    return structured.organization(org["name"], org["url"])


def _describe(page: Page, text: str) -> None:
    """Material writes page.meta.description into an attribute as it is: keep it escaped."""
    page.meta.setdefault("description", escape(text, quote=True))


def _structured_data(markdown: str, page: Page, config: MkDocsConfig) -> list[dict[str, Any]]:
    data, lang, url = site_data(config), language(config), page.canonical_url or ""
    if match := EVENT_PAGE.match(page.file.src_uri):
        event = data.event(match["id"])
        if event is not None:
            if event.summary:
                _describe(page, first_sentences(from_markdown(event.summary.get(lang)[0])))
            return [structured.event_ld(event, lang, url, _organizer(config), _image(config))]
    if match := NEWS_POST.match(page.file.src_uri):
        post = next((p for p in data.news.get(match["lang"], []) if p.slug == match["slug"]), None)
        if post is not None:
            return [structured.news_ld(post, url, _organizer(config), _image(config))]
    if "<!-- projectsite:trainings -->" in markdown:
        return [structured.course_ld(t, lang, url, _organizer(config)) for t in data.trainings]
    return []


def _front_matter_as_text(page: Page) -> None:
    """Material writes page.meta's title and description into the page as HTML: make the editor's text HTML."""
    for key in ("title", "description"):
        if key in page.meta and page.meta[key] is not None:
            page.meta[key] = escape(" ".join(str(page.meta[key]).split()), quote=True)


@event_priority(10)  # before the markers are filled, and before event_pages.py sets an event's title
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _front_matter_as_text(page)
    if page.meta.get("summary"):
        _describe(page, str(page.meta["summary"]))
    page.meta["jsonld"] = [structured.script_json(d) for d in _structured_data(markdown, page, config)]
    return markdown


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """The head's language-wide facts, for every template (the 404 page has no page context)."""
    lang = language(config)
    env.globals["projectsite"] = {
        "path": links.language_path(config.site_url or "", lang),
        "locale": OG_LOCALE[lang],
        "alternate_locales": [OG_LOCALE[other] for other in LANGUAGES if other != lang],
        "image": _image(config),
        "labels": LABELS[lang],
        "signup": _signup(config),
    }
    return env


def _signup(config: MkDocsConfig) -> dict[str, str]:
    """The sign-up form's settings; Mailchimp names its anti-bot field after the form's u and id."""
    settings = config.extra.get("newsletter") or {}
    form_url = str(settings.get("form_url") or "")
    query = parse_qs(urlsplit(form_url).query)
    bot_field = f"b_{query.get('u', [''])[0]}_{query.get('id', [''])[0]}"
    return {"form_url": form_url, "language_field": str(settings.get("language_field") or "LANGUAGE"),
            "bot_field": bot_field}
