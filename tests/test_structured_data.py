"""schema.org JSON-LD, Open Graph and Twitter cards, canonical URLs: on every page, valid and escaped."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from conftest import Project
from pages import attr, found, html_files, soup, string


def json_ld(site: Path, rel: str) -> list[dict[str, Any]]:
    return [json.loads(string(s)) for s in soup(site, rel).find_all("script", type="application/ld+json")]


def test_the_json_ld_of_every_page_parses(real_site: Project) -> None:
    site = real_site.root / "site"
    found = 0
    for page in html_files(site):
        for data in json_ld(site, page.relative_to(site).as_posix()):
            assert data["@context"] == "https://schema.org"
            found += 1
    assert found >= 2 * (10 + 1 + 1)  # events, the news post and the trainings page, in both languages


def test_event_pages_describe_a_schema_org_event(real_site: Project) -> None:
    [event] = json_ld(real_site.root / "site", "en/events/avaseminar-2022/")
    assert event["@type"] == "Event" and event["name"] == "LÕIM opening seminar"
    assert dt.datetime.fromisoformat(event["startDate"]) == dt.datetime.fromisoformat("2022-06-14T13:30:00+03:00")
    assert event["endDate"] == "2022-06-14T17:00:00+03:00"
    assert event["location"]["name"] == "Kubija hotell, Võru"
    assert event["url"] == "https://loim.example.org/en/events/avaseminar-2022/"
    assert event["organizer"]["name"] == "Võrumaa Omavalitsuste Liit"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["description"].startswith("In June 2022")


def test_news_posts_describe_a_news_article(real_site: Project) -> None:
    [article] = json_ld(real_site.root / "site", "news/2024-03-22-kogemuste-analuus/")
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "LÕIM-projekt on jõudnud kogemuste analüüsini"
    assert article["datePublished"] == "2024-03-22T00:00:00+02:00"


def test_trainings_page_describes_a_course_with_its_modules(real_site: Project) -> None:
    [course] = json_ld(real_site.root / "site", "en/trainings/")
    assert course["@type"] == "Course" and course["provider"]["name"] == "Võrumaa Omavalitsuste Liit"
    instances = course["hasCourseInstance"]
    assert len(instances) == 18 and all(i["@type"] == "CourseInstance" for i in instances)
    assert instances[0]["startDate"] == "2023-01-05" and instances[0]["instructor"][0]["name"] == "Katrin Saks"


def test_text_can_never_close_the_script_element(project: Project) -> None:
    title = '</script><script>alert(1)</script> & "Põlva" õäöü'
    project.replace_events(f"- id: tricky\n  title: '{title}'\n  start: 2023-07-01\n")
    assert project.build(today="2023-06-01").returncode == 0
    site = project.root / "site"
    html = (site / "events" / "tricky" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html
    [event] = json_ld(site, "events/tricky/")
    assert event["name"] == title


def test_every_page_has_sharing_meta_and_a_canonical_url(real_site: Project) -> None:
    site = real_site.root / "site"
    for page in site.rglob("index.html"):
        rel = page.relative_to(site).as_posix()
        html = soup(site, rel)
        meta = {m.get("property") or m.get("name"): m.get("content") for m in html.find_all("meta")}
        url = "https://loim.example.org/" + rel.removesuffix("index.html")
        assert found(html.find("link", rel="canonical"))["href"] == url, rel
        assert meta["og:url"] == url and meta["og:title"] and meta["og:description"], rel
        assert meta["og:locale"] == ("en_GB" if rel.startswith("en/") else "et_EE"), rel
        assert meta["og:image"] == "https://loim.example.org/assets/loim-share.png", rel
        assert meta["twitter:card"] == "summary_large_image" and meta["twitter:title"], rel
    assert (site / "assets" / "loim-share.png").is_file()


def test_event_page_description_comes_from_its_summary(real_site: Project) -> None:
    html = soup(real_site.root / "site", "events/ringsoit-2022/")
    description = attr(found(html.find("meta", attrs={"name": "description"})), "content")
    assert description.startswith("Ringsõidu eesmärk on tutvuda lähemalt")
