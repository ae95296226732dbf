"""The shipped site as a visitor's Chromium shows it: language, switching, privacy, phones."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from conftest import Project
from pages import soup
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser


def test_pages_declare_their_language(page: Page, base_url: str) -> None:
    page.goto(base_url + "events/")
    assert page.locator("html").get_attribute("lang") == "et"
    page.goto(base_url + "en/events/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_the_language_switch_leads_to_the_same_event_in_english(page: Page, base_url: str) -> None:
    page.goto(base_url + "events/ringsoit-2022/")
    page.locator(".ps-lang").get_by_role("link", name="English").click()
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
    assert (
        page.locator("#upcoming + p").inner_text()
        == "No events are planned at the moment. Past events are listed below."
    )
    assert page.locator("details:has(#past-2022) > ul a[href='avaseminar-2022/']").count() == 1
    years = page.locator("h3[id^=past-]").all_inner_texts()
    assert years == sorted(years, reverse=True)


def test_without_javascript_the_events_page_stays_as_built(browser: Browser, base_url: str, real_site: Project) -> None:
    built = soup(real_site.root / "site", "en/events/index.html").select("#upcoming + ul li")
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(base_url + "en/events/")
    assert len(built) >= 2 and plain.locator("#upcoming + ul li").count() == len(built)
    context.close()


@pytest.mark.parametrize("path", ["trainings/", "en/trainings/", "project/", "en/events/ringsoit-2022/"])
def test_no_table_cell_is_cut_on_a_320px_screen(browser: Browser, base_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 800})
    phone = context.new_page()
    phone.goto(base_url + path)
    cells = phone.evaluate("""[...document.querySelectorAll('article td')].map(td => {
        const box = td.getBoundingClientRect();
        return {right: box.right, cut: td.scrollWidth - td.clientWidth, text: td.innerText.slice(0, 30)};
    })""")
    width = phone.evaluate("document.documentElement.clientWidth")
    context.close()
    assert cells, f"{path} has no table"
    cut = [c for c in cells if c["right"] > width + 0.5 or c["cut"] > 0]
    assert cut == [], f"{path}: cells cut at the screen's edge: {cut[:3]}"


def test_wide_tables_stack_as_labelled_cards_on_a_phone(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800})
    phone = context.new_page()
    phone.goto(base_url + "en/trainings/")
    cell = phone.locator("#kompetentsid-2023-modules ~ .md-typeset__scrollwrap td").first
    label = cell.evaluate("td => getComputedStyle(td, '::before').content")
    display = cell.evaluate("td => getComputedStyle(td).display")
    context.close()
    assert label == '"Date"' and display == "block"


def test_wide_tables_stay_tables_on_a_desktop(page: Page, base_url: str) -> None:
    page.goto(base_url + "en/trainings/")
    cell = page.locator("#kompetentsid-2023-modules ~ .md-typeset__scrollwrap td").first
    assert cell.evaluate("td => getComputedStyle(td).display") == "table-cell"
    assert cell.evaluate("td => getComputedStyle(td, '::before').content") in ("none", "normal")


@pytest.mark.parametrize("path", ["", "en/", "events/ringsoit-2022/", "en/events/ringsoit-2022/", "en/news/"])
def test_no_request_fails_and_the_console_stays_clean(page: Page, base_url: str, path: str) -> None:
    failed: list[str] = []
    errors: list[str] = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(base_url + path, wait_until="networkidle")
    assert failed == [] and errors == []
