"""What holds for any valid content of a site, as checks over its built output: each returns the problems it finds.

A check reads the sources (site_sources.py) and the built site, and names no item of a shipped site, so an editor's
valid change never fails it. The tests of every site and the property test of random edits share these checks."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag
from site_checks import broken_links, site_pages
from site_sources import FEED_LIMIT, SiteSources

Check = Callable[[SiteSources, Path], list[str]]
# Elements whose address a browser fetches as it shows the page (a link's rel decides whether it is fetched).
FETCHED = (("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("video", "src"), ("audio", "src"))
FETCHED_RELS = {"stylesheet", "preload", "prefetch", "modulepreload", "icon", "manifest", "preconnect", "dns-prefetch"}


def _page(site: Path, rel: str) -> BeautifulSoup | None:
    path = site / rel
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") if path.is_file() else None


def _visible(page: BeautifulSoup) -> str:
    body = page.find("article") or page.body or page
    return " ".join(body.get_text(" ").split())


def _targets(site: Path, rel: str) -> set[str]:
    """The site paths (`events/x/`) that the links of a built page lead to, each resolved against the page."""
    page = _page(site, rel)
    hrefs = [str(a["href"]) for a in page.find_all("a", href=True) if isinstance(a, Tag)] if page else []
    base = posixpath.dirname(rel) + "/"
    return {posixpath.normpath(urljoin("/" + base, urlsplit(href).path)).lstrip("/") for href in hrefs}


def _listed(sources: SiteSources, site: Path, marker: str, texts: Callable[[str], list[str]]) -> list[str]:
    """Every text of a kind on each page that carries the kind's marker, in every language."""
    problems = []
    for lang in sources.languages:
        pages = sources.marker_pages(marker, lang)
        if texts(lang) and not pages:
            problems.append(f"{lang}: the data has {marker} but no page carries <!-- projectsite:{marker} -->")
        for rel in pages:
            page = _page(site, rel)
            shown = _visible(page) if page else ""
            problems += [f"{rel}: {text!r} is not shown" for text in texts(lang) if text not in shown]
    return problems


def events_have_pages(sources: SiteSources, site: Path) -> list[str]:
    problems = []
    for event in sources.events:
        for lang in sources.languages:
            rel = f"{sources.prefix(lang)}events/{event['id']}/index.html"
            page = _page(site, rel)
            heading = page.find("h1") if page else None
            title = sources.text(event["title"], lang)
            if heading is None or title not in " ".join(heading.get_text(" ").split()):
                problems.append(f"{rel}: no page headed {title!r}")
    return problems


def events_are_listed(sources: SiteSources, site: Path) -> list[str]:
    problems = []
    for lang in sources.languages:
        for rel in sources.marker_pages("events", lang):
            targets = _targets(site, rel)
            for event in sources.events:
                if f"{sources.prefix(lang)}events/{event['id']}" not in targets:
                    problems.append(f"{rel}: no link to the event {event['id']}")
    return problems


def events_are_in_the_calendars(sources: SiteSources, site: Path) -> list[str]:
    """Every event with a date is in each language's calendar (an event whose date is not known can't be)."""
    problems = []
    dated = [event["id"] for event in sources.events if event.get("start")]
    for lang in sources.languages:
        path = site / sources.prefix(lang) / "calendar.ics"
        calendar = path.read_text(encoding="utf-8") if path.is_file() else ""
        uids = set(re.findall(r"^UID:(.+?)@", calendar, flags=re.MULTILINE))
        problems += [f"{path.name} ({lang}): no event {event_id}" for event_id in dated if event_id not in uids]
    return problems


def feeds_hold_the_newest_items(sources: SiteSources, site: Path) -> list[str]:
    """Each language's feed holds every event and post, up to its limit, and each item leads to a built page."""
    problems = []
    expected = min(FEED_LIMIT, len(sources.events) + len(sources.posts))
    for lang in sources.languages:
        path = site / sources.prefix(lang) / "feed.xml"
        feed = BeautifulSoup(path.read_text(encoding="utf-8"), "xml") if path.is_file() else None
        items = feed.find_all("item") if feed else []
        if len(items) != expected:
            problems.append(f"feed.xml ({lang}): {len(items)} items, expected {expected}")
        for item in items:
            link = item.find("link")
            address = urlsplit(link.get_text(strip=True) if link else "")
            target = site / address.path.lstrip("/") / "index.html"
            if address.hostname != sources.host or not target.is_file():
                problems.append(f"feed.xml ({lang}): {address.geturl()} leads to no page")
    return problems


def trainings_are_shown(sources: SiteSources, site: Path) -> list[str]:
    return _listed(sources, site, "trainings", lambda lang: [sources.text(t["title"], lang) for t in sources.trainings])


def media_are_shown(sources: SiteSources, site: Path) -> list[str]:
    return _listed(sources, site, "media", lambda lang: [sources.text(m["title"], lang) for m in sources.media])


def publications_are_shown(sources: SiteSources, site: Path) -> list[str]:
    return _listed(
        sources, site, "publications", lambda lang: [sources.text(p["title"], lang) for p in sources.publications]
    )


def team_is_shown(sources: SiteSources, site: Path) -> list[str]:
    return _listed(sources, site, "team", lambda lang: [" ".join(str(p["name"]).split()) for p in sources.team])


def posts_are_published_and_listed(sources: SiteSources, site: Path) -> list[str]:
    """Every post has its page and is listed in every language (a one-language post with a note)."""
    problems = []
    for lang in sources.languages:
        listings = sources.marker_pages("news", lang)
        targets = {target for rel in listings for target in _targets(site, rel)}
        for name, titles in sources.posts.items():
            # a post in the original language has a fallback page in every language; another is linked where it is
            written = lang if lang in titles or sources.original in titles else next(iter(titles))
            if not (site / sources.prefix(written) / "news" / name / "index.html").is_file():
                problems.append(f"news/{name} ({written}): no page")
            if listings and f"{sources.prefix(written)}news/{name}" not in targets:
                problems.append(f"{listings[0]}: no link to the post {name}")
    return problems


def links_resolve(sources: SiteSources, site: Path) -> list[str]:
    return broken_links(site, sources.host)


def nothing_is_fetched_from_another_host(sources: SiteSources, site: Path) -> list[str]:
    problems = []
    for rel in site_pages(site):
        page = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")
        addresses = [str(node[attr]) for tag, attr in FETCHED for node in page.find_all(tag, attrs={attr: True})]
        addresses += [
            str(node["href"]) for node in page.find_all("link", href=True) if FETCHED_RELS & set(node.get("rel") or [])
        ]
        for address in addresses:
            host = urlsplit(address).hostname
            if host is not None and host != sources.host:
                problems.append(f"{rel}: fetches {address}")
    return problems


EVERY_CHECK: tuple[Check, ...] = (
    events_have_pages,
    events_are_listed,
    events_are_in_the_calendars,
    feeds_hold_the_newest_items,
    trainings_are_shown,
    media_are_shown,
    publications_are_shown,
    team_is_shown,
    posts_are_published_and_listed,
    links_resolve,
    nothing_is_fetched_from_another_host,
)
