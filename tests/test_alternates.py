"""hreflang alternates: absolute, reciprocal, and never advertising a fallback page as a translation."""
from __future__ import annotations

from conftest import Project
from pages import html_files, soup
from projectsite.alternates import alternates

SITE = "https://loim.example.org/"


def test_a_translated_page_lists_both_languages_absolutely_and_a_default() -> None:
    found = alternates(SITE, "en/project.md", "en", "en", "en/project/", lambda src: True)
    assert found == [("et", "https://loim.example.org/project/"), ("en", "https://loim.example.org/en/project/"),
                     ("x-default", "https://loim.example.org/project/")]


def test_a_page_without_a_translation_lists_none() -> None:
    assert alternates(SITE, "et/only.md", "et", "et", "only/", lambda src: src == "et/only.md") == []


def test_a_fallback_page_is_not_advertised_as_a_translation() -> None:
    assert alternates(SITE, "et/only.md", "en", "et", "en/only/", lambda src: src == "et/only.md") == []


def test_event_pages_exist_in_both_languages() -> None:
    found = alternates(SITE, "et/events/seminar.md", "et", "et", "events/seminar/", lambda src: False)
    assert [lang for lang, _ in found] == ["et", "en", "x-default"]


def hreflangs(site, rel: str) -> dict[str, str]:
    return {link["hreflang"]: link["href"]
            for link in soup(site, rel).find_all("link", rel="alternate", hreflang=True)}


def test_every_pages_alternates_are_absolute_and_reciprocal(real_site: Project) -> None:
    site = real_site.root / "site"
    checked = 0
    for page in html_files(site):
        rel = page.relative_to(site).as_posix()
        if not rel.endswith("index.html"):
            continue
        links = hreflangs(site, rel)
        for lang, href in links.items():
            assert href.startswith("https://loim.example.org/"), (rel, href)
            if lang == "x-default":
                continue
            other = href.removeprefix("https://loim.example.org/") + "index.html"
            assert hreflangs(site, other) == links, (rel, other)
            checked += 1
    assert checked > 60


def test_a_page_only_in_estonian_has_no_alternates_in_either_language(project: Project) -> None:
    project.write("docs/et/ainult.md", "# Ainult eesti keeles\n\nTekst.\n")
    result = project.build(strict=False)
    assert result.returncode == 0, result.stderr
    assert hreflangs(project.root / "site", "ainult/") == {}
    assert hreflangs(project.root / "site", "en/ainult/") == {}
    assert hreflangs(project.root / "site", "en/project/") != {}
