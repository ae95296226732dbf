"""The shipped LÕIM site, built with --strict: its content is there in both languages."""

from __future__ import annotations

import re

from conftest import Project
from pages import article, attr, found, soup, text


def test_home_says_what_the_project_is_in_estonian(real_site: Project) -> None:
    home = text(article(soup(real_site.root / "site", "")))
    for fact in (
        "Lõimitud teenused koolist väljalangemise ennetamiseks Võru maakonnas",
        "1. mai 2022 – 30. aprill 2024",
        "376 602 €",
        "Võrumaa Omavalitsuste Liit",
    ):
        assert fact in home


def test_home_says_what_the_project_is_in_english(real_site: Project) -> None:
    home = text(article(soup(real_site.root / "site", "en/")))
    for fact in (
        "Integrated services for the prevention of early school leaving in Võru County",
        "1 May 2022 – 30 April 2024",
        "€376,602",
        "EEA and Norway Grants",
    ):
        assert fact in home


def test_home_lists_the_next_three_events_soonest_first(real_site: Project) -> None:
    upcoming = found(found(soup(real_site.root / "site", "").find(id="upcoming")).find_next("ul"))
    assert [a["href"] for a in upcoming.find_all("a")] == [
        "events/avaseminar-2022/",
        "events/ringsoit-2022/",
        "events/teenuste-disaini-seminar-2022-10-10/",
    ]


def test_home_shows_the_latest_news_in_each_language(real_site: Project) -> None:
    et = text(article(soup(real_site.root / "site", "")))
    en = text(article(soup(real_site.root / "site", "en/")))
    assert "LÕIM-projekt on jõudnud kogemuste analüüsini" in et
    assert "The LÕIM project has reached the analysis of its experience" in en


def test_every_event_has_a_page_in_both_languages(real_site: Project) -> None:
    site = real_site.root / "site"
    for event_id in ("avaseminar-2022", "lopukonverents-2024", "teenuste-disaini-seminar-2022-12-13"):
        assert (site / "events" / event_id / "index.html").is_file()
        assert (site / "en" / "events" / event_id / "index.html").is_file()


def test_event_page_shows_date_place_agenda_and_registration(real_site: Project) -> None:
    page = article(soup(real_site.root / "site", "events/avaseminar-2022/"))
    body = text(page)
    assert found(page.h1).get_text() == "LÕIM projekti avaseminar"
    assert "14. juuni 2022 kell 13:30–17:00" in body and "Kubija hotell, Võru" in body
    assert [th.get_text() for th in found(page.find("table")).find_all("th")] == ["Kell", "Tegevus"]
    assert "Paneeldiskussioon" in body
    assert "Registreerimine on avatud kuni 10. juunini 2022" in body
    assert page.find("a", href="https://forms.gle/UCcGSK39pEG9nnQx9") is not None


def test_event_page_in_english_reads_naturally(real_site: Project) -> None:
    page = article(soup(real_site.root / "site", "en/events/ringsoit-2022/"))
    body = text(page)
    assert found(page.h1).get_text() == "LÕIM study tour of Võru County"
    assert "24 August 2022 at 08:00–17:30" in body
    assert "Places: 30 participants" in body
    assert "Registration is open until 18 August 2022" in body


def test_trainings_page_shows_programme_facts_and_derived_total(real_site: Project) -> None:
    body = text(article(soup(real_site.root / "site", "trainings/")))
    assert "240 akadeemilist tundi (124 auditoorset tööd, 116 iseseisvat tööd)" in body
    assert "5. jaanuar 2023 – 30. aprill 2023" in body
    assert "Räpina mnt 12, Võru" in body
    en = text(article(soup(real_site.root / "site", "en/trainings/")))
    assert "240 academic hours (124 contact work, 116 independent work)" in en


def test_trainings_modules_table_has_headers_and_links_to_goals(real_site: Project) -> None:
    page = article(soup(real_site.root / "site", "en/trainings/"))
    table = found(found(page.find(id="kompetentsid-2023-modules")).find_next("table"))
    assert [th.get_text() for th in table.find_all("th")] == ["Date", "Topic", "Trainers", "Hours (academic)"]
    first = found(found(table.find("tbody")).find("tr"))
    assert "5 January 2023" in text(first) and "Katrin Saks" in text(first)
    target = attr(found(first.find("a")), "href")
    assert page.find(id=target.lstrip("#")) is not None
    assert "Daily schedule" in text(page) and "9:30–10:00" in text(page)


def test_media_page_lists_newest_first(real_site: Project) -> None:
    items = found(article(soup(real_site.root / "site", "media/")).find("ul")).find_all("li", recursive=False)
    firsts = [text(li).split(" · ")[0] for li in items]
    assert firsts[0] == "8. detsember 2022" and firsts[-1] == "15. juuni 2022"


def test_estonian_headlines_on_the_english_media_page_are_marked(real_site: Project) -> None:
    first = found(article(soup(real_site.root / "site", "en/media/")).find("li"))
    headline = first.find("span", lang="et")
    assert headline is not None and headline.get_text() == "LÕIM projekt"
    assert "(in Estonian)" in text(first)
    assert article(soup(real_site.root / "site", "media/")).find("span", lang=True) is None


def test_contacts_have_mailto_and_tel_links(real_site: Project) -> None:
    page = article(soup(real_site.root / "site", "en/contacts/"))
    assert page.find("a", href="mailto:kerli.koiv@vorumaa.ee") is not None
    assert page.find("a", href="tel:+37255603988") is not None
    assert "communication coordinator" in text(page)


def test_news_index_and_post_exist_in_both_languages(real_site: Project) -> None:
    for prefix, title in (
        ("", "LÕIM-projekt on jõudnud kogemuste analüüsini"),
        ("en/", "The LÕIM project has reached the analysis of its experience"),
    ):
        index = article(soup(real_site.root / "site", f"{prefix}news/"))
        link = index.find("a", string=title)
        assert link is not None and link["href"] == "2024-03-22-kogemuste-analuus/"
        post = soup(real_site.root / "site", f"{prefix}news/2024-03-22-kogemuste-analuus/")
        assert found(article(post).h1).get_text() == title


def test_every_page_has_the_language_of_its_folder(real_site: Project) -> None:
    site = real_site.root / "site"
    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 30
    for page in pages:
        rel = page.relative_to(site).as_posix()
        expected = "en" if rel.startswith("en/") else "et"
        assert found(soup(site, rel).html)["lang"] == expected, rel


def test_every_page_links_to_its_counterpart_in_the_other_language(real_site: Project) -> None:
    site = real_site.root / "site"
    pages = [p.relative_to(site).as_posix() for p in site.rglob("index.html")]
    assert len(pages) > 30
    for rel in pages:
        other = "en" if not rel.startswith("en/") else "et"
        switch = soup(site, rel).find("a", class_="ps-lang__link", hreflang=other)
        assert switch is not None, rel
        href = attr(switch, "href")
        base = site if href.startswith("/") else (site / rel).parent
        target = base / href.lstrip("/") / "index.html"
        counterpart = rel[3:] if rel.startswith("en/") else "en/" + rel
        assert target.resolve() == (site / counterpart).resolve(), rel


def test_every_page_carries_the_funders_statement_and_logo(real_site: Project) -> None:
    site = real_site.root / "site"
    for rel, words, alt in (
        ("", "Euroopa Majanduspiirkonna ja Norra finantsmehhanismi", "EMP ja Norra toetused"),
        ("en/events/", "EEA and Norway Grants 2014–2021", "EEA and Norway Grants"),
    ):
        footer = found(soup(site, rel).find("footer"))
        assert words in text(footer)
        assert footer.find("img", alt=re.compile("^" + alt)) is not None


def test_no_page_loads_anything_from_another_host(real_site: Project) -> None:
    site = real_site.root / "site"
    for page in site.rglob("*.html"):
        html = soup(site, page.relative_to(site).as_posix())
        for tag, name in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for node in html.find_all(tag):
                url = node.get(name, "")
                assert isinstance(url, str), f"{page}: {tag} {url}"
                if tag == "link" and node.get("rel") not in (["stylesheet"], ["preload"], ["icon"], ["modulepreload"]):
                    continue
                assert not re.match(r"^(https?:)?//", url), f"{page}: {tag} {url}"


def test_sitemap_lists_event_pages_with_both_languages(real_site: Project) -> None:
    sitemap = (real_site.root / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://loim.example.org/events/avaseminar-2022/</loc>" in sitemap
    assert 'hreflang="en" href="https://loim.example.org/en/events/avaseminar-2022/"' in sitemap
