"""The hreflang alternates in every page's head: absolute, reciprocal, and only to real translations."""

from __future__ import annotations

from conftest import Project
from pages import soup

SITE_URL = "https://loim.example.org/"


def hreflangs(project: Project, rel: str) -> dict[str, str]:
    links = soup(project.root / "site", rel).select("head link[rel=alternate][hreflang]")
    return {str(link["hreflang"]): str(link["href"]) for link in links}


def test_a_translated_page_names_both_languages_with_absolute_addresses(project: Project) -> None:
    project.write("docs/et/kava.md", "# Kava\n\nTekst.\n")
    project.write("docs/en/kava.md", "# Plan\n\nText.\n")
    assert project.build().returncode == 0
    expected = {"et": SITE_URL + "kava/", "en": SITE_URL + "en/kava/"}
    assert hreflangs(project, "kava/") == expected
    assert hreflangs(project, "en/kava/") == expected


def test_the_home_pages_point_at_each_other(project: Project) -> None:
    assert project.build().returncode == 0
    assert hreflangs(project, "") == {"et": SITE_URL, "en": SITE_URL + "en/"}


def test_a_page_shown_in_the_fallback_language_is_not_advertised_as_a_translation(project: Project) -> None:
    project.write("docs/et/ainult.md", "# Ainult eesti keeles\n\nTekst.\n")
    result = project.build(strict=False)
    assert result.returncode == 0, result.stderr
    assert (project.root / "site" / "en" / "ainult" / "index.html").is_file()
    assert "en" not in hreflangs(project, "ainult/")
    assert hreflangs(project, "en/ainult/") == {}


def test_material_asks_for_the_one_sitemap_at_the_site_root(project: Project) -> None:
    assert project.build().returncode == 0
    head = str(soup(project.root / "site", "en/events/").head)
    assert 'new URL("../../sitemap.xml"' in head
    assert (project.root / "site" / "sitemap.xml").is_file()
