"""The shipped site as a visitor's Chromium shows it: language, switching, privacy, phones."""
from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_pages_declare_their_language(page: Page, base_url: str) -> None:
    page.goto(base_url + "events/")
    assert page.locator("html").get_attribute("lang") == "et"
    page.goto(base_url + "en/events/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_the_language_switch_leads_to_the_same_event_in_english(page: Page, base_url: str) -> None:
    page.goto(base_url + "events/ringsoit-2022/")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(base_url + "en/events/ringsoit-2022/")
    assert page.locator("h1").inner_text() == "LÕIM study tour of Võru County"


def test_no_request_leaves_the_site(page: Page, base_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("", "en/", "events/avaseminar-2022/", "en/trainings/", "en/media/"):
        page.goto(base_url + path, wait_until="networkidle")
    own = urlsplit(base_url).netloc
    foreign = [url for url in requested if urlsplit(url).netloc != own and not url.startswith("data:")]
    assert requested and foreign == []
    assert page.context.cookies() == []


@pytest.mark.parametrize("path", ["", "en/events/avaseminar-2022/", "trainings/", "en/contacts/"])
def test_no_horizontal_scrolling_on_a_phone(browser: Browser, base_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800})
    phone = context.new_page()
    phone.goto(base_url + path)
    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"


def test_events_ended_since_the_build_move_to_past_events(page: Page, base_url: str) -> None:
    # The site was built as of 1 June 2022; the browser's clock is years later.
    page.goto(base_url + "en/events/")
    assert page.locator("#upcoming + ul").count() == 0
    assert page.locator("#upcoming + p").inner_text() == "No events are planned at the moment. Past events are listed below."
    assert page.locator("#past-2022 + ul a[href='avaseminar-2022/']").count() == 1
    years = page.locator("h3[id^=past-]").all_inner_texts()
    assert years == sorted(years, reverse=True)


def test_without_javascript_the_events_page_stays_as_built(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(base_url + "en/events/")
    assert plain.locator("#upcoming + ul li").count() == 10
    context.close()
