"""The visitor's site: a landing page, orientation on event and news pages, the language switch in words,
contacts as cards, and the funders on every page."""

from __future__ import annotations

import yaml
from bs4 import BeautifulSoup
from conftest import FIXTURE, Project
from pages import article, found, html_files, soup, text


def sidebar_hidden(page: BeautifulSoup, kind: str) -> bool:
    return found(page.find("div", attrs={"data-md-type": kind})).has_attr("hidden")


def test_the_home_page_has_no_docs_sidebars(real_site: Project) -> None:
    for rel in ("", "en/"):
        home = soup(real_site.root / "site", rel)
        assert sidebar_hidden(home, "navigation") and sidebar_hidden(home, "toc")


def test_a_page_with_sections_keeps_its_table_of_contents(real_site: Project) -> None:
    assert not sidebar_hidden(soup(real_site.root / "site", "en/project/"), "toc")
    assert sidebar_hidden(soup(real_site.root / "site", "en/news/"), "toc")


def test_the_home_page_gives_the_key_facts(real_site: Project) -> None:
    facts = [text(li) for li in soup(real_site.root / "site", "en/").select(".ps-facts li")]
    assert [f.split(":")[0] for f in facts] == ["Period", "Programme", "Funding", "Beneficiary", "Funded by"]


def test_the_language_switch_says_the_other_language_in_words(real_site: Project) -> None:
    et = soup(real_site.root / "site", "events/ringsoit-2022/").select(".ps-lang a")
    en = soup(real_site.root / "site", "en/events/ringsoit-2022/").select(".ps-lang a")
    assert [(text(a), a["hreflang"], a["lang"]) for a in et] == [("English", "en", "en")]
    assert [(text(a), a["hreflang"], a["lang"]) for a in en] == [("Eesti keeles", "et", "et")]
    assert et[0]["href"] == "../../en/events/ringsoit-2022/"


def test_an_event_page_marks_the_events_tab_and_links_back(real_site: Project) -> None:
    page = soup(real_site.root / "site", "en/events/ringsoit-2022/")
    assert [text(li) for li in page.select(".md-tabs__item--active")] == ["Events"]
    assert found(found(page.select_one("article")).find("a", string="Back to events"))["href"] == "../"


def test_a_news_post_marks_the_news_tab_shows_its_date_and_links_back(real_site: Project) -> None:
    for rel, tab, date, back in (
        ("news/2024-03-22-kogemuste-analuus/", "Uudised", "Avaldatud 22. märtsil 2024", "Kõik uudised"),
        ("en/news/2024-03-22-kogemuste-analuus/", "News", "Published on 22 March 2024", "All news"),
    ):
        page = soup(real_site.root / "site", rel)
        assert [text(li) for li in page.select(".md-tabs__item--active")] == [tab]
        assert text(found(page.select_one(".ps-post-date"))) == date
        assert found(page.select_one(".ps-post-date time"))["datetime"] == "2024-03-22"
        assert article(page).find("a", string=back) is not None


def test_the_home_tab_is_active_only_on_the_home_page(real_site: Project) -> None:
    page = soup(real_site.root / "site", "en/media/")
    assert [text(li) for li in page.select(".md-tabs__item--active")] == ["In the media"]


def test_contacts_are_cards_one_per_person(real_site: Project) -> None:
    team = yaml.safe_load((FIXTURE / "data" / "team.yaml").read_text(encoding="utf-8"))
    cards = article(soup(real_site.root / "site", "en/contacts/")).select(".ps-cards > .ps-card")
    assert [found(c.h2).get_text() for c in cards] == [p["name"] for p in team]


def test_module_cells_carry_their_column_name(real_site: Project) -> None:
    table = found(
        found(article(soup(real_site.root / "site", "trainings/")).find(id="kompetentsid-2023-modules")).find_next(
            "table"
        )
    )
    first = found(found(table.find("tbody")).find("tr")).find_all("td")
    assert [td["data-label"] for td in first] == ["Kuupäev", "Teema", "Koolitajad", "Maht (ak/h)"]


def test_a_two_column_agenda_keeps_its_plain_cells(real_site: Project) -> None:
    table = found(article(soup(real_site.root / "site", "events/avaseminar-2022/")).find("table"))
    assert table.find("td") is not None and not found(table.find("td")).has_attr("data-label")


def test_every_page_shows_the_funders_logo_statement_and_link(real_site: Project) -> None:
    site = real_site.root / "site"
    pages = html_files(site)
    assert len(pages) > 20
    for path in pages:
        footer = soup(site, path.relative_to(site).as_posix()).select_one(".ps-funders")
        assert footer is not None, path
        assert footer.find("img", src=lambda s: s and s.endswith("eea-norway-grants.svg")) is not None, path
        assert footer.find("a", href="https://eeagrants.org/", string="eeagrants.org") is not None, path
        assert "Liechtenstein" in text(footer), path


def test_a_page_of_one_section_with_subsections_keeps_its_table_of_contents(real_site: Project) -> None:
    assert not sidebar_hidden(soup(real_site.root / "site", "en/trainings/"), "toc")
