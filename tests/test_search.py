"""Search in the visitor's language, in Chromium: the shipped site and a small site written here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser import serve
from conftest import ROOT, Project
from playwright.sync_api import Browser, Page
from search_sites import ONLY_ENGLISH, ONLY_ESTONIAN, new_site, one_language_pages, search, write_page

pytestmark = pytest.mark.browser

SHOTS = ROOT / "test-artifacts" / "search"
RESULT = ".pagefind-ui__result-link"
HOSTILE = "<img src=x onerror=window.pwned=1>"


@pytest.fixture(scope="module")
def fixture_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = new_site(tmp_path_factory.mktemp("search") / "otsing")
    write_page(site, "en/hostile.md", "Hostile text", f"Written as text: `{HOSTILE}` quokkaword.")
    with serve(one_language_pages(site)) as url:
        yield url


def test_an_inflected_estonian_word_finds_the_page_with_another_form(page: Page, base_url: str) -> None:
    """ "seminaril" (at the seminar) and "metoodikaseminari" / "Seminarid" share Pagefind's Estonian stem."""
    assert "/project/" in search(page, base_url, "seminaril")


def test_koolitusele_finds_the_trainings_page(page: Page, base_url: str) -> None:
    assert "/trainings/" in search(page, base_url, "koolitusele")


def test_the_estonian_site_finds_only_estonian_pages(page: Page, base_url: str) -> None:
    found = search(page, base_url, "seminar")
    assert found and not [url for url in found if url.startswith("/en/")]


def test_the_english_site_finds_only_english_pages(page: Page, base_url: str) -> None:
    found = search(page, base_url + "en/", "seminar")
    assert found and all(url.startswith("/en/") for url in found)


def test_a_page_only_in_english_is_never_a_result_in_estonian(page: Page, fixture_url: str) -> None:
    assert search(page, fixture_url + "en/", ONLY_ENGLISH) == ["/en/only-english/"]
    assert search(page, fixture_url, ONLY_ENGLISH) == []


def test_a_page_only_in_estonian_is_never_a_result_in_english(page: Page, fixture_url: str) -> None:
    """Not even its fallback copy at /en/ainult-eesti/, which mkdocs-static-i18n writes in English's place."""
    assert search(page, fixture_url, ONLY_ESTONIAN) == ["/ainult-eesti/"]
    assert search(page, fixture_url + "en/", ONLY_ESTONIAN) == []


def test_page_text_shows_as_text_in_the_results(page: Page, fixture_url: str) -> None:
    assert search(page, fixture_url + "en/", "quokkaword") == ["/en/hostile/"]
    results = page.locator(".pagefind-ui__results")
    assert "onerror" in results.inner_text()
    assert results.locator("img").count() == 0 and page.evaluate("window.pwned") is None


def test_the_search_interface_speaks_the_pages_language(page: Page, base_url: str) -> None:
    search(page, base_url, "kirsimoosita")
    assert page.locator(".projectsite-search input").get_attribute("placeholder") == "Otsi"
    assert page.locator(".pagefind-ui__message").inner_text() == "kirsimoosita: tulemusi ei leitud"
    search(page, base_url + "en/", "kirsimoosita")
    assert page.locator(".pagefind-ui__message").inner_text() == "No results for kirsimoosita"


def test_search_opens_and_closes_from_the_keyboard(page: Page, base_url: str) -> None:
    page.goto(base_url + "en/")
    button = page.get_by_role("button", name="Search", exact=True)
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.matches('.projectsite-search input')")
    assert page.get_by_role("dialog", name="Search").is_visible()
    page.keyboard.type("seminar")
    page.get_by_role("link", name="Service design seminar").first.wait_for()
    page.keyboard.press("Escape")
    assert not page.get_by_role("dialog").is_visible()
    assert page.evaluate("document.activeElement.matches('button[data-projectsite-search]')")


def test_the_close_button_has_a_name_in_the_pages_language(page: Page, base_url: str) -> None:
    page.goto(base_url)
    page.get_by_role("button", name="Otsing", exact=True).click()
    page.get_by_role("button", name="Sulge otsing").click()
    assert not page.get_by_role("dialog").is_visible()


def test_nothing_of_search_loads_until_the_visitor_opens_it(page: Page, base_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(base_url + "en/", wait_until="networkidle")
    assert [path for path in requested if "pagefind" in path or "search" in path] == ["/assets/search.js"]
    search(page, base_url + "en/", "seminar")
    assert "/pagefind/pagefind-ui.js" in requested and "/pagefind/wasm.en.pagefind" in requested


def test_searching_asks_nothing_of_another_host(page: Page, base_url: str) -> None:
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    search(page, base_url, "seminaril")
    assert hosts == {urlsplit(base_url).netloc}


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize(("path", "words"), [("", "seminaril"), ("en/", "seminar")])
def test_screenshot_of_search_with_results(browser: Browser, base_url: str, width: int, path: str, words: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    found = search(page, base_url + path, words)
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / f"search-{path.strip('/') or 'et'}-{width}.png"
    page.screenshot(path=shot)
    overflow = page.evaluate("document.querySelector('.projectsite-search').scrollWidth - innerWidth")
    context.close()
    assert found and shot.stat().st_size > 10_000 and overflow <= 0


def test_the_shipped_site_has_the_search_button_and_no_materials_search(real_site: Project) -> None:
    html = real_site.html("en/index.html")
    assert 'aria-label="Search"' in html and "data-projectsite-search" in html
    assert 'data-md-component="search"' not in html


def test_search_works_where_the_site_is_not_at_the_hosts_root(page: Page, real_site: Project, tmp_path: Path) -> None:
    (tmp_path / "loim").symlink_to(real_site.root / "site")
    with serve(tmp_path) as url:
        found = search(page, url + "loim/en/", "seminar")
    assert found and all(link.startswith("/loim/en/") for link in found)
