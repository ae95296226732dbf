"""The events page of a project with hundreds of events stays readable: the past grouped by year, a
collapsed <details> per year (this year's open), newest first, each named by its year (issue #21)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import pytest
from browser import serve
from bs4 import BeautifulSoup
from conftest import Project, copy_project
from pages import attr, found, soup
from playwright.sync_api import Browser, Page
from site_checks import WCAG_AA, axe_violations, describe

TODAY = "2023-06-01"
YEARS = range(2010, 2024)  # 2010-2023: thirteen past years and this one
PER_YEAR = 20  # ten before 1 June, ten after


def events_yaml() -> str:
    """20 events a year from 2010 to 2023: 280 events, of which 270 past."""
    lines = []
    for year in YEARS:
        for i in range(PER_YEAR):
            month, day = 1 + i // 2 % 12 if i < 10 else 7 + i % 6, 1 + i
            lines.append(
                f"- id: e-{year}-{i:02d}\n  title: {{et: Üritus {year} {i}, en: Event {year} {i}}}\n"
                f"  start: {year}-{month:02d}-{day:02d}\n"
            )
    return "".join(lines)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = copy_project(tmp_path_factory.mktemp("many") / "project")
    project.replace_events(events_yaml())
    result = project.build(today=TODAY)
    assert result.returncode == 0, result.stderr
    return project


def events_page(project: Project, lang_prefix: str) -> BeautifulSoup:
    return soup(project.root / "site", f"{lang_prefix}events/")


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_each_past_year_is_a_details_named_by_its_year_newest_first(many: Project, lang_prefix: str) -> None:
    groups = events_page(many, lang_prefix).select("details.ps-year")
    names = [found(group.select_one(":scope > summary > h3")).get_text(strip=True) for group in groups]
    assert names == [str(year) for year in reversed(YEARS)]
    assert [found(group.select_one(":scope > summary > h3"))["id"] for group in groups][:2] == [
        "past-2023",
        "past-2022",
    ]


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_only_this_years_past_events_are_open(many: Project, lang_prefix: str) -> None:
    groups = events_page(many, lang_prefix).select("details.ps-year")
    assert [group.has_attr("open") for group in groups] == [True] + [False] * (len(YEARS) - 1)


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_every_event_is_listed_once_upcoming_outside_the_years(many: Project, lang_prefix: str) -> None:
    page = events_page(many, lang_prefix)
    upcoming = page.select("#upcoming + ul > li")
    past = page.select("details.ps-year > ul > li")
    assert (len(upcoming), len(past)) == (PER_YEAR // 2, len(YEARS) * PER_YEAR - PER_YEAR // 2)
    assert all(len(group.select(":scope > ul > li")) == PER_YEAR for group in page.select("details.ps-year")[1:])


def test_the_table_of_contents_leads_to_each_year(many: Project) -> None:
    toc = [attr(a, "href") for a in events_page(many, "en/").select(".md-sidebar--secondary .md-nav--secondary a")]
    assert [h for h in toc if h.startswith("#past-")] == [f"#past-{year}" for year in reversed(YEARS)]


@pytest.fixture
def page(browser: Browser, many: Project) -> Iterator[tuple[Page, str]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.clock.set_fixed_time("2023-06-01T12:00:00+03:00")
    with serve(many.root / "site") as url:
        yield context.new_page(), url
    context.close()


@pytest.mark.browser
def test_a_link_to_a_collapsed_year_opens_it(page: tuple[Page, str]) -> None:
    tab, url = page
    tab.goto(url + "en/events/")
    assert not tab.locator("a[href='e-2015-03/']").is_visible()
    tab.locator(".md-sidebar--secondary a[href='#past-2015']").click()
    tab.locator("a[href='e-2015-03/']").wait_for(state="visible")
    assert tab.locator("details:has(#past-2015)").get_attribute("open") is not None


@pytest.mark.browser
def test_a_year_opens_from_the_keyboard(page: tuple[Page, str]) -> None:
    tab, url = page
    tab.goto(url + "events/")
    summary = tab.locator("details:has(#past-2012) > summary")
    summary.focus()
    tab.keyboard.press("Enter")
    tab.locator("a[href='e-2012-03/']").wait_for(state="visible")


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_the_years_pass_wcag_aa_in_both_languages(
    browser: Browser, many: Project, lang_prefix: str, scheme: Literal["light", "dark"]
) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 900}, color_scheme=scheme)
    context.clock.set_fixed_time("2023-06-01T12:00:00+03:00")
    with serve(many.root / "site") as url:
        tab = context.new_page()
        tab.goto(url + lang_prefix + "events/")
        violations = axe_violations(tab, tags=[*WCAG_AA, "best-practice"])
    context.close()
    assert violations == [], describe(violations)


CONTRAST = """(selector) => {
  const rgba = (c) => { const p = c.match(/[\\d.]+/g).map(Number); return p.length < 4 ? [...p, 1] : p; };
  const over = (c, bg) => c.slice(0, 3).map((x, i) => c[3] * x + (1 - c[3]) * bg[i]);  // a translucent colour on bg
  const lum = (c) => { const v = c.map((x) => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  const ratio = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const background = (el) => { for (; el; el = el.parentElement) { const c = rgba(getComputedStyle(el).backgroundColor);
    if (c[3] > 0) return c.slice(0, 3); } return [255, 255, 255]; };
  const el = document.querySelector(selector);
  const bg = background(el);
  const text = over(rgba(getComputedStyle(el).color), bg);
  const arrow = over(rgba(getComputedStyle(el.closest("summary"), "::after").backgroundColor), bg);
  return [ratio(lum(text), lum(bg)), ratio(lum(arrow), lum(bg))];
}"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_years_heading_and_its_arrow_stand_out_from_the_page(
    browser: Browser, many: Project, scheme: Literal["light", "dark"]
) -> None:
    """axe leaves the headings in <summary> undecided (it cannot tell their background): measured here."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    with serve(many.root / "site") as url:
        tab = context.new_page()
        tab.goto(url + "en/events/")
        text, arrow = tab.evaluate(CONTRAST, "details.ps-year:not([open]) > summary h3")
    context.close()
    assert text >= 4.5 and arrow >= 3, (text, arrow)
