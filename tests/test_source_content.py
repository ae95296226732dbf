"""What the source texts say is on the site (seeds 000 and 003), item by item, in both languages."""

from __future__ import annotations

from conftest import Project
from pages import article, found, soup, text


def page_text(site: Project, rel: str) -> str:
    return text(article(soup(site.root / "site", rel)))


def test_the_2023_methodology_seminar_is_an_event_listed_with_what_is_known(real_site: Project) -> None:
    """The site is built as of 1 June 2022: the seminar's date is still to be announced, its registration ahead."""
    et = page_text(real_site, "events/metoodikaseminar-2023/")
    en = page_text(real_site, "en/events/metoodikaseminar-2023/")
    assert "Aeg: Toimumisaeg selgub hiljem (2023)" in et and "kuni 19. oktoobrini 2023" in et
    assert "When: Date to be announced (2023)" in en and "until 19 October 2023" in en
    page = article(soup(real_site.root / "site", "en/events/metoodikaseminar-2023/"))
    assert page.find("a", href="https://forms.gle/Ake8oYU2CXFV1QRM6") is not None


def test_the_project_page_sends_to_the_events_instead_of_repeating_the_seminar(real_site: Project) -> None:
    page = article(soup(real_site.root / "site", "en/project/"))
    assert page.find("a", href="../events/") is not None
    assert "19 October 2023" not in text(page)


def test_the_trainings_do_not_offer_the_seminars_registration_link(real_site: Project) -> None:
    page = article(soup(real_site.root / "site", "trainings/"))
    assert page.find("a", href="https://forms.gle/Ake8oYU2CXFV1QRM6") is None


def test_the_study_tour_has_its_lunch_visits_and_funding(real_site: Project) -> None:
    et, en = page_text(real_site, "events/ringsoit-2022/"), page_text(real_site, "en/events/ringsoit-2022/")
    for words in (
        "13:30–14:30 Lõuna",
        "Rajaleidja keskuse",
        "Võrumaa Kutsehariduskeskuse",
        "Väljasõidu kulud on kaetud Euroopa Majanduspiirkonna ja Norra finantsmehhanismi toel",
    ):
        assert words in et
    for words in (
        "13:30–14:30 Lunch",
        "Rajaleidja centre",
        "Vocational Training Centre",
        "costs are covered by the EEA and Norway Grants",
    ):
        assert words in en


def test_the_training_names_the_five_skills_it_supports(real_site: Project) -> None:
    page = article(soup(real_site.root / "site", "trainings/"))
    sentence = page.find(string=lambda s: "Toetame koolitusel osalejate" in s)
    assert sentence is not None
    skills = found(sentence.find_next("ul")).find_all("li")
    assert len(skills) == 5 and text(skills[0]) == "oskusi reflekteerida;"


def test_the_leisure_module_says_its_date_is_changing_and_has_three_goals(real_site: Project) -> None:
    for rel, notice in (
        ("trainings/", "Koolituse kuupäev on muutmisel"),
        ("en/trainings/", "date of this module is changing"),
    ):
        page = article(soup(real_site.root / "site", rel))
        heading = page.find(id="kompetentsid-2023-uldpadevused-vaba-aeg")
        section = []
        for sibling in found(heading).find_next_siblings():
            if sibling.name and sibling.name.startswith("h"):
                break
            section.append(sibling)
        assert notice in " ".join(text(s) for s in section)
        assert sum(len(s.find_all("li")) for s in section) == 3


def test_the_app_is_being_completed(real_site: Project) -> None:
    assert "valmimas on digirakendus" in page_text(real_site, "project/")
    assert "is being completed" in page_text(real_site, "en/project/")


def test_the_newsletter_names_the_projects_period(real_site: Project) -> None:
    assert "perioodil mai 2022 – aprill 2024" in page_text(real_site, "newsletter/")
    assert "From May 2022 to April 2024" in page_text(real_site, "en/newsletter/")


def test_the_news_post_is_published_as_it_was(real_site: Project) -> None:
    body = page_text(real_site, "news/2024-03-22-kogemuste-analuus/")
    assert "tugi lastele ja noortele on muutunud efektiivsemaks ja tulemuslikumaks" in body
    assert "andis hoo sisse ka coach-superviisor Anne Õuemaa esitatud mõttekäik" in body
