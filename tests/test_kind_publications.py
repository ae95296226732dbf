"""Publications, the first kind registered as one unit (projectsite/kinds/): its data file, its marker, its
words in every language, its schema and the editor's messages, on a small site written in the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from data_problems import only, problems_in
from pages import soup
from search_sites import build, new_site

from projectsite.kinds import KINDS
from projectsite.labels import LABELS
from projectsite.messages import count
from projectsite.render import environment
from projectsite.schema import data_schema

PUBLICATIONS = """
- id: vanem
  title: {et: Vanem uuring, en: "The county's older study"}
  type: study
  year: 2021
  url: https://uuringud.example.net/vanem.pdf
- id: uuem
  title: {et: Uuem aruanne, en: Newer report}
  type: report
  year: 2024
  authors: [Mari Maasikas, "<b>Jüri</b>"]
- id: tulekul
  title: {et: Tulekul juhend}
  type: guide
  status: in_preparation
"""
PAGE = {
    "et": "# Projekt\n\n## Väljaanded\n\n<!-- projectsite:publications -->\n",
    "en": "# Project\n\n## Publications\n\n<!-- projectsite:publications -->\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = new_site(tmp_path_factory.mktemp("kinds") / "vaeljaanded")
    (root / "data" / "publications.yaml").write_text(PUBLICATIONS.lstrip(), encoding="utf-8")
    for lang, text in PAGE.items():
        (root / "docs" / lang / "project.md").write_text(text, encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def _titles(site: Path, prefix: str) -> list[str]:
    return [h.get_text(strip=True) for h in soup(site, f"{prefix}project/index.html").select("article h3")]


def test_every_publication_shows_newest_first_with_the_ones_in_preparation_on_top(site: Path) -> None:
    assert _titles(site, "") == ["Tulekul juhend", "Uuem aruanne", "Vanem uuring"]


def test_an_untranslated_title_shows_the_original_with_a_note_and_its_lang(site: Path) -> None:
    heading = soup(site, "en/project/index.html").select("article h3")[0]
    assert heading.find("span", lang="et") is not None and "(in Estonian)" in heading.get_text()


def test_the_words_around_a_publication_are_in_the_pages_language(site: Path) -> None:
    et, en = (" ".join(soup(site, f"{p}project/index.html").get_text(" ").split()) for p in ("", "en/"))
    assert "Liik: aruanne" in et and "valmimas" in et
    assert "Type: report" in en and "in preparation" in en


def test_an_author_is_text_and_a_link_leads_to_the_publication(site: Path) -> None:
    page = soup(site, "en/project/index.html")
    assert page.select_one("article b") is None and "<b>Jüri</b>" in page.get_text()
    assert [a["href"] for a in page.select("article a") if "Open the publication" in a.get_text()] == [
        "https://uuringud.example.net/vanem.pdf"
    ]


def test_an_apostrophe_in_a_title_reads_as_one_in_the_heading_and_the_table_of_contents(site: Path) -> None:
    page = soup(site, "en/project/index.html")
    assert "The county's older study" in [h.get_text(strip=True) for h in page.select("article h3")]
    assert "The county's older study" in [a.get_text(strip=True) for a in page.select(".md-nav--secondary a")]


def test_a_type_the_kind_does_not_have_names_file_line_and_field(tmp_path: Path) -> None:
    line = only(problems_in(tmp_path, "publications", "- id: a\n  title: A\n  type: book\n"))
    assert line.startswith("data/publications.yaml:3: publications[0].type:")


def test_a_link_that_is_not_a_web_address_is_refused(tmp_path: Path) -> None:
    text = "- id: a\n  title: A\n  type: study\n  url: javascript:alert(1)\n"
    assert only(problems_in(tmp_path, "publications", text)).startswith(
        "data/publications.yaml:4: publications[0].url:"
    )


def test_the_schema_of_the_file_has_the_kinds_title() -> None:
    assert data_schema("publications")["title"] == "Väljaanded / Publications"


def test_the_editors_count_takes_the_languages_plural_forms() -> None:
    assert [count(n, "publications").text("ru") for n in (1, 3, 5)] == ["1 публикация", "3 публикации", "5 публикаций"]
    assert count(2, "publications").text("et") == "2 väljaannet"


@pytest.mark.parametrize("name", sorted(KINDS))
def test_a_kind_has_its_words_in_every_language_of_the_engine(name: str) -> None:
    words = KINDS[name].words
    assert set(words) == set(LABELS)
    assert len({frozenset(texts) for texts in words.values()}) == 1  # the same keys in each


@pytest.mark.parametrize("name", sorted(KINDS))
def test_a_kinds_template_exists_in_the_engine(name: str) -> None:
    assert environment("en").get_template(KINDS[name].template) is not None
