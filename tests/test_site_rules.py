"""How the pages treat data: ordering, escaping, the fallback to Estonian, registration closing."""

from __future__ import annotations

import pytest
from bs4 import Tag
from conftest import Project
from pages import article, attr, found, html_files, soup, text

EVENTS = """
- id: autumn
  title: {et: Sügis, en: Autumn}
  start: 2023-09-01
- id: summer
  title: {et: Suvi, en: Summer}
  start: 2023-07-01 10:00
  registration: {url: "https://forms.gle/summer", deadline: 2023-05-20}
- id: spring-2022
  title: {et: Kevad 2022, en: Spring 2022}
  start: 2022-05-01
- id: winter
  title: {et: Talv, en: Winter}
  start: 2023-01-10
- id: ongoing
  title: {et: Kestev, en: Ongoing}
  start: 2023-05-30
  end: 2023-06-02
- id: december-2021
  title: {et: Detsember, en: December}
  start: 2021-12-01
- id: untranslated
  title: Ainult eesti keeles
  summary:
    et: Kokkuvõte **eesti** keeles.
  start: 2021-11-01
"""


@pytest.fixture(scope="module")
def events_site(module_project: Project) -> Project:
    """Built once for the module: its tests only read it."""
    module_project.replace_events(EVENTS)
    result = module_project.build(today="2023-06-01")
    assert result.returncode == 0, result.stderr
    return module_project


def hrefs(node: Tag) -> list[str]:
    return [attr(a, "href") for a in node.find_all("a")]


def test_upcoming_events_come_first_soonest_on_top(events_site: Project) -> None:
    page = soup(events_site.root / "site", "events/")
    upcoming = found(found(page.find(id="upcoming")).find_next("ul"))
    assert hrefs(upcoming) == ["ongoing/", "summer/", "autumn/"]


def test_past_events_are_grouped_by_year_newest_first(events_site: Project) -> None:
    page = soup(events_site.root / "site", "events/")
    years = [h.get_text() for h in found(page.find(id="past")).find_all_next("h3")]
    assert years == ["2023", "2022", "2021"]
    assert hrefs(found(found(page.find(id="past-2021")).find_next("ul"))) == ["december-2021/", "untranslated/"]


def test_estonian_dates_keep_their_day_number_in_the_events_list(events_site: Project) -> None:
    # "10. jaanuar" at the start of a Markdown line would otherwise become item 10 of a numbered list.
    page = article(soup(events_site.root / "site", "events/"))
    items = {found(li.a)["href"]: text(li) for li in page.select("#upcoming ~ ul > li, #upcoming ~ details > ul > li")}
    assert items["winter/"] == "Talv 10. jaanuar 2023"
    assert items["december-2021/"] == "Detsember 1. detsember 2021"
    assert page.find("ol") is None


def test_registration_closes_after_the_deadline(events_site: Project) -> None:
    page = article(soup(events_site.root / "site", "en/events/summer/"))
    assert "Registration closed on 20 May 2023" in text(page)
    assert page.find("a", href="https://forms.gle/summer") is None


def test_registration_is_open_until_the_deadline(project: Project) -> None:
    project.replace_events(EVENTS)
    assert project.build(today="2023-05-20").returncode == 0
    page = article(soup(project.root / "site", "en/events/summer/"))
    assert "Registration is open until 20 May 2023" in text(page)
    assert page.find("a", href="https://forms.gle/summer") is not None


def test_a_plain_string_is_the_same_in_both_languages_without_a_note(events_site: Project) -> None:
    page = article(soup(events_site.root / "site", "en/events/untranslated/"))
    assert found(page.h1).get_text() == "Ainult eesti keeles"


def test_missing_english_shows_the_estonian_with_a_note_and_lang(events_site: Project) -> None:
    page = article(soup(events_site.root / "site", "en/events/untranslated/"))
    estonian = page.find("div", lang="et")
    assert estonian is not None and text(estonian) == "Kokkuvõte eesti keeles."
    assert found(estonian.find("strong")).get_text() == "eesti"
    assert found(page.find(class_="ps-fallback")).get_text() == "(in Estonian)"


def test_estonian_page_has_no_fallback_note(events_site: Project) -> None:
    page = article(soup(events_site.root / "site", "events/untranslated/"))
    assert page.find(class_="ps-fallback") is None


def test_markup_in_titles_shows_as_text_everywhere(project: Project) -> None:
    project.replace_events("""
        - id: tricky
          title: '<script>alert("x")</script> & *Co* [link](http://evil.example)'
          start: 2023-07-01
          location: '<b>Võru</b> | Kubija'
          summary: 'Hello <img src=x onerror=alert(1)> world'
        """)
    assert project.build(today="2023-06-01").returncode == 0
    site = project.root / "site"
    for page in html_files(site):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>Võru" not in html, page
        assert 'href="http://evil.example"' not in html, page
    assert found(soup(site, "events/tricky/").title).get_text().startswith('<script>alert("x")</script> & *Co*')
    event = article(soup(site, "events/tricky/"))
    assert found(event.h1).get_text() == '<script>alert("x")</script> & *Co* [link](http://evil.example)'
    assert "<b>Võru</b> | Kubija" in text(event)
    assert "Hello <img src=x onerror=alert(1)> world" in text(event)
    listed = found(found(soup(site, "events/").find(id="upcoming")).find_next("ul"))
    assert '<script>alert("x")</script>' in text(listed)


def test_an_untranslated_news_post_is_listed_in_english_as_estonian(project: Project) -> None:
    project.write(
        "docs/et/news/2024-05-01-uus.md",
        """
        ---
        date: 2024-05-01
        title: Uus uudis
        ---

        # Uus uudis

        Sisu.
        """,
    )
    assert project.build(today="2024-05-02").returncode == 0
    index = article(soup(project.root / "site", "en/news/"))
    first = found(index.find("li"))
    assert found(first.find("span", lang="et")).get_text() == "Uus uudis" and "(in Estonian)" in text(first)
    post = article(soup(project.root / "site", "en/news/2024-05-01-uus/"))
    assert post.find("div", lang="et") is not None and "(in Estonian)" in text(post)


def test_a_new_event_appears_on_the_events_page_in_the_feed_and_the_calendar(project: Project) -> None:
    project.replace_events(EVENTS)
    assert project.build(today="2023-06-01").returncode == 0
    with (project.root / "data" / "events.yaml").open("a", encoding="utf-8") as events:
        events.write("- id: brand-new\n  title: {et: Uus, en: New}\n  start: 2023-10-10\n  published: 2023-06-02\n")
    assert project.build(today="2023-06-02").returncode == 0
    site = project.root / "site"
    assert "brand-new/" in hrefs(found(found(soup(site, "en/events/").find(id="upcoming")).find_next("ul")))
    assert "https://loim.example.org/en/events/brand-new/" in (site / "en" / "feed.xml").read_text(encoding="utf-8")
    assert "UID:brand-new@loim.example.org" in (site / "en" / "calendar.ics").read_text(encoding="utf-8")
