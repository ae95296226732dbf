"""The second site, examples/laane-viru/: built by the same engine from the seeds, with the same checks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import pytest
from browser import serve
from conftest import ROOT
from inprocess import mkdocs
from pages import article, found, html_files, soup, text
from playwright.sync_api import Browser
from site_checks import (
    ARTIFACTS,
    VNU,
    WCAG_AA,
    axe_violations,
    broken_links,
    describe,
    horizontal_overflow,
    save_failure,
    site_pages,
)

EXAMPLE = ROOT / "tests" / "fixture_sites" / "laane-viru"  # a frozen copy of examples/laane-viru

# Every event of the seeds: its page, and its dates as the events list shows them in each language.
EVENTS = [
    ("tootoad-2023-01", "17. jaanuar 2023 – 19. jaanuar 2023", "17 January 2023 – 19 January 2023"),
    ("tootoad-2023-02", "31. jaanuar 2023 – 2. veebruar 2023", "31 January 2023 – 2 February 2023"),
    ("oppevisiit-agder-2023", "6. veebruar 2023 – 9. veebruar 2023", "6 February 2023 – 9 February 2023"),
    ("vorgustikukohtumine-2023-08", "16. august 2023", "16 August 2023"),
    ("tagasiside-2023-09", "7. september 2023 – 8. september 2023", "7 September 2023 – 8 September 2023"),
    ("eestvedajad-2023-09", "15. september 2023", "15 September 2023"),
    ("eestvedajad-2023-10", "20. oktoober 2023", "20 October 2023"),
    ("eestvedajad-2023-11", "17. november 2023", "17 November 2023"),
    ("eestvedajad-2023-12", "15. detsember 2023", "15 December 2023"),
    ("tootoad-2023-12", "5. detsember 2023 – 7. detsember 2023", "5 December 2023 – 7 December 2023"),
]

# The teams' trainings of autumn 2023: each day, with its training.
TRAINING_DAYS = [
    ("12 September 2023", "Evidence-based drug prevention (EUPC)"),
    ("13 September 2023", "Evidence-based drug prevention (EUPC)"),
    ("26 September 2023", "Evidence-based drug prevention (EUPC)"),
    ("27 September 2023", "Evidence-based drug prevention (EUPC)"),
    ("3 October 2023", "Inclusion"),
    ("4 October 2023", "Protection of interests"),
    ("10 October 2023", "Evidence-based drug prevention (EUPC)"),
    ("11 October 2023", "Inclusion"),
    ("12 October 2023", "Protection of interests"),
    ("3 November 2023", "Management of change"),
    ("17 November 2023", "Management of change"),
]

NEWS_001 = "news/2023-01-19-tootoad-ja-oppevisiit/"
NEWS_004 = "news/2023-08-16-vorgustikukohtumine/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example built with --strict, from its own folder (as its README says), after the project's end."""
    out = tmp_path_factory.mktemp("laane-viru") / "site"
    env = {**os.environ, "PROJECTSITE_TODAY": "2025-01-15", "NO_MKDOCS_2_WARNING": "1"}
    result = mkdocs(["build", "--strict", "-f", str(EXAMPLE / "mkdocs.yml"), "-d", str(out)], env=env, cwd=EXAMPLE)
    assert result.returncode == 0, result.stderr
    return out


def test_both_languages_are_built(site: Path) -> None:
    for rel, lang in [("", "et"), ("en/", "en")]:
        for page in ["", "project/", "events/", "trainings/", "news/", NEWS_004]:
            assert found(soup(site, rel + page).html)["lang"] == lang, rel + page


@pytest.mark.parametrize(("event_id", "et_dates", "en_dates"), EVENTS)
def test_every_event_is_listed_with_its_dates_and_has_its_page(
    site: Path, event_id: str, et_dates: str, en_dates: str
) -> None:
    for lang_path, dates in [("", et_dates), ("en/", en_dates)]:
        listing = article(soup(site, lang_path + "events/"))
        link = listing.find("a", href=f"{event_id}/")
        assert link is not None, f"{lang_path}events/ does not link {event_id}"
        assert dates in text(found(link.find_parent("li") or found(link.parent).parent))
        assert (site / lang_path / "events" / event_id / "index.html").is_file()


def test_the_workshops_of_january_were_at_the_wesenbergh_conference_centre(site: Path) -> None:
    assert "Wesenberghi Konverentsikeskus" in text(article(soup(site, "events/tootoad-2023-01/")))
    assert "Wesenbergh Conference Centre" in text(article(soup(site, "en/events/tootoad-2023-01/")))


def test_the_study_visit_was_to_agder_norway(site: Path) -> None:
    page = text(article(soup(site, "en/events/oppevisiit-agder-2023/")))
    assert "Agder, Southern Norway (Kristiansand)" in page and "19 members" in page


def test_the_teams_trainings_of_autumn_2023_are_listed_by_day(site: Path) -> None:
    rows = [[text(td) for td in tr.find_all("td")] for tr in article(soup(site, "en/trainings/")).select("tbody tr")]
    assert rows == [list(day) for day in TRAINING_DAYS]


def test_a_programme_without_hours_or_trainers_shows_neither(site: Path) -> None:
    page = article(soup(site, "en/trainings/"))
    assert [text(th) for th in page.select("thead th")] == ["Date", "Topic"]
    assert "Volume" not in text(page) and "Trainers" not in text(page)


def test_no_team_media_or_newsletter_page_nor_any_link_to_one(site: Path) -> None:
    for name in ("contacts", "media", "newsletter"):
        assert not (site / name).exists() and not (site / "en" / name).exists()
    files = html_files(site)
    for path in files:
        hrefs = [str(a.get("href", "")) for a in soup(site, path.relative_to(site).as_posix()).find_all("a")]
        assert [h for h in hrefs if any(n in h for n in ("contacts", "media", "newsletter"))] == [], path
    assert soup(site, "").select_one(".ps-signup") is None


def test_the_navigation_has_only_the_sections_with_content(site: Path) -> None:
    tabs = [text(a) for a in soup(site, "en/").select(".md-tabs__link")]
    assert tabs == ["Home", "About the project", "Events", "Trainings", "News"]


def test_news_001_in_english_is_the_estonian_post_with_the_note(site: Path) -> None:
    page = article(soup(site, "en/" + NEWS_001))
    note = page.select_one("p.ps-fallback")
    assert note is not None and text(note) == "(in Estonian)"
    original = found(note.find_next_sibling("div"))
    assert original["lang"] == "et"
    assert text(found(original.h1)).startswith("Toimusid projekti „Lääne-Viru maakondliku")
    assert "kokku 60 spetsialisti" in text(original)
    assert found(page.select_one(".ps-post-date"))["lang"] == "en"
    assert text(found(page.select_one(".ps-post-date"))) == "Published on 19 January 2023"


def test_news_004_exists_in_both_languages(site: Path) -> None:
    et = article(soup(site, NEWS_004))
    en = article(soup(site, "en/" + NEWS_004))
    assert text(found(et.h1)) == "Toimus III suur võrgustikukohtumine"
    assert text(found(en.h1)) == "The 3rd large network meeting took place"
    assert en.select_one(".ps-fallback") is None
    assert "more than 50 cross-disciplinary specialists" in text(en)
    assert "2023. aasta sügisest alustavad kõik 8 kohalikku omavalitsust" in text(et)  # a year, not item 2023
    assert et.find("ol") is None


def test_both_news_posts_are_listed_in_both_languages(site: Path) -> None:
    for lang_path in ("", "en/"):
        hrefs = [a["href"] for a in article(soup(site, lang_path + "news/")).find_all("a")]
        assert any("2023-01-19-tootoad-ja-oppevisiit" in h for h in hrefs)
        assert any("2023-08-16-vorgustikukohtumine" in h for h in hrefs)


@pytest.mark.parametrize(
    ("rel", "facts"),
    [
        (
            "project/",
            [
                "281 160 eurot",
                "03.05.2022 – 30.04.2024",
                "Toetusmäär: 100%",
                "Lääne-Viru Omavalitsuste Liit",
                "Kohalik areng ja vaesuse vähendamine",
                "Integreeritud tugiteenused koolist väljalangevuse ennetamiseks",
                "EMP ja Norra finantsmehhanismid",
            ],
        ),
        (
            "en/project/",
            [
                "281,160 EUR",
                "03.05.2022 – 30.04.2024",
                "Grant rate: 100 %",
                "Association of Local Authorities of Lääne-Viru County",
                "Local development and poverty reduction",
                "Integrated support services for school dropout prevention",
                "Iceland, Liechtenstein and Norway",
            ],
        ),
        (
            "",
            [
                "3. mai 2022 – 30. aprill 2024",
                "Rahastus: 281 160 € (100% projekti eelarvest)",
                "Meede: Kohalik areng",
                "Projekt lõppes 30. aprillil 2024.",
            ],
        ),
        (
            "en/",
            [
                "3 May 2022 – 30 April 2024",
                "Funding: €281,160 (100% of the project",
                "The project ended on 30 April 2024.",
            ],
        ),
    ],
)
def test_the_projects_facts(site: Path, rel: str, facts: list[str]) -> None:
    page = text(article(soup(site, rel)))
    assert [fact for fact in facts if fact not in page] == []


def test_the_goals_and_results_are_in_both_languages(site: Path) -> None:
    assert "Agderi maakonda" in text(article(soup(site, "project/")))
    assert "A study visit to Agder County, Kingdom of Norway" in text(article(soup(site, "en/project/")))


def test_no_page_speaks_of_the_other_project(site: Path) -> None:
    files = html_files(site)
    for path in files:
        page = soup(site, path.relative_to(site).as_posix())
        assert "LÕIM" not in text(found(page.body)) and "Võru" not in text(found(page.body)), path


def test_the_organiser_in_the_structured_data_is_the_beneficiary_without_an_invented_address(site: Path) -> None:
    page = soup(site, "en/events/tootoad-2023-01/")
    data = [json.loads(s.get_text()) for s in page.find_all("script", type="application/ld+json")]
    assert [d["organizer"] for d in data] == [{"@type": "Organization", "name": "Lääne-Viru Omavalitsuste Liit"}]


def test_every_footer_shows_the_funders_statement_and_logo(site: Path) -> None:
    for rel, words in [("", "281 160 eurot, toetusmäär 100%"), ("en/", "281,160 EUR, 100 % of its cost")]:
        footer = found(soup(site, rel).find("footer"))
        assert words in text(footer)
        logo = footer.find("img", src=lambda src: src.endswith("assets/eea-norway-grants.svg"))
        assert logo is not None and (site / "assets" / "eea-norway-grants.svg").is_file()


def _event_ld(site: Path, rel: str) -> dict[str, Any]:
    scripts = soup(site, rel).find_all("script", type="application/ld+json")
    objects: list[dict[str, Any]] = [json.loads(s.get_text()) for s in scripts]
    assert len(objects) == 1, rel
    return objects[0]


def test_an_events_place_in_the_structured_data_is_only_what_the_source_gives(site: Path) -> None:
    assert "location" not in _event_ld(site, "en/events/vorgustikukohtumine-2023-08/")
    assert _event_ld(site, "en/events/oppevisiit-agder-2023/")["location"] == {
        "@type": "Place",
        "name": "Agder, Southern Norway (Kristiansand)",
    }


def test_no_share_image_is_claimed_when_the_site_has_none(site: Path) -> None:
    head = found(soup(site, "en/").head)
    assert head.find("meta", property="og:image") is None
    assert "image" not in _event_ld(site, "en/events/tootoad-2023-01/")


def test_no_link_or_anchor_is_broken(site: Path) -> None:
    assert broken_links(site) == []


@pytest.mark.validator
def test_every_page_is_valid_html(site: Path) -> None:
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '')}:{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] != "info"]
    assert errors == []
    assert result.returncode == 0, result.stderr[-3000:]


def test_no_feed_calendar_or_page_head_speaks_of_the_other_project(site: Path) -> None:
    outputs = [site / "feed.xml", site / "en" / "feed.xml", site / "calendar.ics", site / "en" / "calendar.ics"]
    outputs += [site / "events" / event_id / "index.html" for event_id, _, _ in EVENTS]
    for path in outputs:
        written = path.read_text(encoding="utf-8")
        assert [w for w in ("LÕIM", "Võru", "loim") if w in written] == [], path


# The project's own browser checks (tests/test_accessibility.py) on the example's pages.


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_every_page_has_no_wcag_aa_or_best_practice_violations(
    browser: Browser, site: Path, base_url: str, scheme: Literal["light", "dark"], width: int
) -> None:
    folder = ARTIFACTS / "laane-viru" / "axe" / f"{scheme}-{width}"
    shutil.rmtree(folder, ignore_errors=True)
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    failures = []
    for rel in site_pages(site):
        page.goto(base_url + rel)
        violations = axe_violations(page, tags=[*WCAG_AA, "best-practice"])
        if violations:
            save_failure(folder, rel, page, violations)
            failures.append(f"{rel}: {describe(violations)}")
    context.close()
    assert failures == [], f"axe reports and screenshots in {folder}:\n" + "\n".join(failures)


@pytest.mark.browser
def test_every_page_fits_a_320_px_phone_with_large_enough_tap_targets(
    browser: Browser, site: Path, base_url: str
) -> None:
    folder = ARTIFACTS / "laane-viru" / "phone-320"
    shutil.rmtree(folder, ignore_errors=True)
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    failures = []
    for rel in site_pages(site):
        page.goto(base_url + rel)
        overflow = horizontal_overflow(page)
        small = axe_violations(page, rules=["target-size"])
        if overflow > 0 or small:
            save_failure(folder, rel, page, {"overflow_px": overflow, "target_size": small})
            failures.append(f"{rel}: scrolls sideways {overflow}px; {describe(small)}")
    context.close()
    assert failures == [], f"reports and screenshots in {folder}:\n" + "\n".join(failures)


@pytest.mark.browser
def test_no_page_requests_another_host_or_fails_a_request(browser: Browser, site: Path, base_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    own = urlsplit(base_url).netloc
    foreign: list[str] = []
    failed: list[str] = []
    page.on("request", lambda r: foreign.append(r.url) if urlsplit(r.url).netloc not in (own, "") else None)
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    for rel in site_pages(site):
        if not rel.endswith("404.html"):
            page.goto(base_url + rel, wait_until="networkidle")
    cookies = context.cookies()
    context.close()
    assert foreign == [] and failed == [] and cookies == []
