"""The events page moves events that ended since the build into the past, by the visitor's clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser import serve
from conftest import Project
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

# Built as of 1 June 2023: all but "march" lie ahead.
EVENTS = """
- id: march
  title: {et: Märts, en: March}
  start: 2023-03-22
- id: all-day
  title: {et: Päev, en: Day}
  start: 2023-06-10
- id: timed
  title: {et: Kell, en: Timed}
  start: 2023-06-12 10:00
  end: 2023-06-12 12:00
- id: next-year
  title: {et: Järgmine aasta, en: Next year}
  start: 2024-01-15
"""


@pytest.fixture(scope="module")
def events_url(module_project: Project) -> Iterator[str]:
    module_project.replace_events(EVENTS)
    result = module_project.build(today="2023-06-01")
    assert result.returncode == 0, result.stderr
    with serve(module_project.root / "site") as url:
        yield url + "en/events/"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    yield context.new_page()
    context.close()


def at(page: Page, url: str, moment: str) -> Page:
    """The events page as a visitor sees it at this moment (an ISO time with its offset)."""
    page.clock.set_fixed_time(moment)
    page.goto(url)
    return page


def upcoming(page: Page) -> list[str | None]:
    return [a.get_attribute("href") for a in page.locator("#upcoming + ul a").all()]


def past_in(page: Page, year: str) -> list[str | None]:
    return [a.get_attribute("href") for a in page.locator(f"details:has(#past-{year}) > ul a").all()]


def test_ended_events_go_to_the_top_of_their_year_newest_first(page: Page, events_url: str) -> None:
    at(page, events_url, "2023-06-13T09:00:00+03:00")
    assert upcoming(page) == ["next-year/"]
    assert past_in(page, "2023") == ["timed/", "all-day/", "march/"]


def test_an_all_day_event_stays_upcoming_until_its_day_is_over_in_tallinn(page: Page, events_url: str) -> None:
    at(page, events_url, "2023-06-10T23:59:00+03:00")
    assert upcoming(page) == ["all-day/", "timed/", "next-year/"]
    at(page, events_url, "2023-06-11T00:00:01+03:00")
    assert upcoming(page) == ["timed/", "next-year/"]
    assert past_in(page, "2023") == ["all-day/", "march/"]


def test_a_timed_event_leaves_when_it_ends_not_when_it_starts(page: Page, events_url: str) -> None:
    at(page, events_url, "2023-06-12T11:59:00+03:00")
    assert upcoming(page)[0] == "timed/"
    at(page, events_url, "2023-06-12T12:00:01+03:00")
    assert upcoming(page) == ["next-year/"]


def test_a_year_with_no_past_events_gets_its_own_heading_on_top(page: Page, events_url: str) -> None:
    at(page, events_url, "2024-02-01T12:00:00+02:00")
    assert page.locator("#upcoming + p").count() == 1
    assert page.locator("h3[id^=past-]").all_inner_texts() == ["2024", "2023"]
    assert past_in(page, "2024") == ["next-year/"]
