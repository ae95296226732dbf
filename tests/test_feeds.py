"""The RSS feeds, read by feedparser as a feed reader would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser
import pytest
from conftest import Project
from pages import found, soup

from projectsite.load import load_site

TRICKY = """
- id: tricky
  title: {et: 'Kohtumine <Võru> & "Põlva" – õäöü', en: 'Meeting <Võru> & "Põlva" – õäöü'}
  start: 2023-07-01 10:00
  published: 2023-05-02
  summary: {et: 'A < B & C', en: 'A < B & C'}
- id: summer
  title: {et: Suvi, en: Summer}
  start: 2023-08-01
"""


def parse(site_root: Path, rel: str) -> feedparser.FeedParserDict:
    feed = feedparser.parse((site_root / "site" / rel).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize(
    "rel,lang,link",
    [("feed.xml", "et", "https://loim.example.org/"), ("en/feed.xml", "en", "https://loim.example.org/en/")],
)
def test_each_language_has_a_valid_feed_with_its_channel_facts(
    real_site: Project, rel: str, lang: str, link: str
) -> None:
    feed = parse(real_site.root, rel)
    assert feed.version == "rss20"
    assert feed.feed.language == lang and feed.feed.link == link
    assert feed.feed.title.startswith("LÕIM")
    assert {"rel": "self", "type": "application/rss+xml", "href": link + "feed.xml"} in [
        {k: link_.get(k) for k in ("rel", "type", "href")} for link_ in feed.feed.links
    ]


def test_feed_has_news_and_events_newest_first(real_site: Project) -> None:
    feed = parse(real_site.root, "en/feed.xml")
    data, _ = load_site(real_site.root)  # counted from the data, so that an editor's new event breaks nothing
    dated = [e for e in data.events if e.start is not None]
    assert len(feed.entries) == min(50, len(data.events) + len(data.news_in("en")))
    published = [entry.published_parsed for entry in feed.entries if "published" in entry]
    assert len(published) >= len(dated) + len(data.news_in("en"))  # every dated event and every post
    assert published == sorted(published, reverse=True)
    if len(dated) < len(data.events):
        assert "published" not in feed.entries[-1]  # an event without a date: last
    kinds = {e.link: [t.term for t in e.tags] for e in feed.entries}
    assert [link for link, tags in kinds.items() if tags == ["news"]] == [
        f"https://loim.example.org/en/news/{p.slug}/" for p in data.news_in("en")
    ]
    assert sum(tags == ["event"] for tags in kinds.values()) == len(data.events)


def test_feed_dates_are_in_tallinn_time(real_site: Project) -> None:
    entry = next(e for e in parse(real_site.root, "feed.xml").entries if e.link.endswith("/avaseminar-2022/"))
    assert entry.published.endswith("+0300")
    assert dt.datetime(*entry.published_parsed[:6]) == dt.datetime(2022, 5, 19, 21, 0)  # 20 May 00:00 EEST in UTC


def test_feed_item_summary_says_when_and_where(real_site: Project) -> None:
    entry = next(e for e in parse(real_site.root, "en/feed.xml").entries if e.link.endswith("/ringsoit-2022/"))
    assert "24 August 2022 at 08:00–17:30 · Võru County, starting in Võru" in entry.summary
    assert entry.id == entry.link


def test_special_characters_survive_the_feed(project: Project) -> None:
    project.replace_events(TRICKY)
    assert project.build(today="2023-06-01").returncode == 0
    for rel, title in (
        ("feed.xml", 'Kohtumine <Võru> & "Põlva" – õäöü'),
        ("en/feed.xml", 'Meeting <Võru> & "Põlva" – õäöü'),
    ):
        entry = parse(project.root, rel).entries[1]
        assert entry.title == title
        assert "A &lt; B &amp; C" in entry.summary  # HTML that a reader shows as "A < B & C"


def test_guids_stay_the_same_from_build_to_build(project: Project) -> None:
    project.replace_events(TRICKY)
    assert project.build(today="2023-06-01").returncode == 0
    first = [e.id for e in parse(project.root, "feed.xml").entries]
    assert project.build(today="2023-06-02").returncode == 0
    assert [e.id for e in parse(project.root, "feed.xml").entries] == first


def test_feed_holds_at_most_fifty_items(project: Project) -> None:
    project.replace_events("".join(f"- id: e{i}\n  title: E{i}\n  start: 2023-01-{1 + i % 28:02}\n" for i in range(60)))
    assert project.build(today="2023-06-01").returncode == 0
    assert len(parse(project.root, "feed.xml").entries) == 50


def test_a_new_event_appears_in_the_feed_after_one_build(project: Project) -> None:
    project.replace_events(TRICKY)
    assert project.build(today="2023-06-01").returncode == 0
    with (project.root / "data" / "events.yaml").open("a", encoding="utf-8") as events:
        events.write("- id: brand-new\n  title: Uus\n  start: 2023-09-09\n  published: 2023-06-02\n")
    assert project.build(today="2023-06-02").returncode == 0
    assert "https://loim.example.org/events/brand-new/" in [e.id for e in parse(project.root, "feed.xml").entries]


def test_every_page_advertises_its_languages_feed(real_site: Project) -> None:
    site = real_site.root / "site"
    for rel, feed in (("", "/feed.xml"), ("events/avaseminar-2022/", "/feed.xml"), ("en/media/", "/en/feed.xml")):
        link = soup(site, rel).find("link", rel="alternate", type="application/rss+xml")
        assert link is not None and link["href"] == feed, rel
        footer = found(soup(site, rel).find("footer")).find("a", href=feed)
        assert footer is not None, rel
