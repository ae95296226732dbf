"""A site in three languages (Estonian, English, Russian): the languages come from its configuration alone."""

from __future__ import annotations

import ast
import os
import re
import string
from pathlib import Path

import pytest
from inprocess import mkdocs
from pages import attr, found, soup, text

from projectsite.cli import main
from projectsite.labels import LABELS
from projectsite.messages import CATALOGUE

ROOT = Path(__file__).resolve().parent.parent
ESTONIAN_ONLY = """
- id: eesti-seminar
  title: {et: Ainult eesti keeles}
  start: 2031-03-08 10:00
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("three") / "kolm"
    assert main(["new", str(folder), "--languages", "et,en,ru", "--name", "Kolm keelt", "--lang", "en"]) == 0
    with (folder / "data" / "events.yaml").open("a", encoding="utf-8") as events:
        events.write(ESTONIAN_ONLY)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PROJECTSITE_TODAY": "2030-01-01"}
    built = mkdocs(["build", "--strict"], cwd=folder, env=env)
    assert built.returncode == 0, built.stderr
    return folder / "site"


def test_every_language_has_its_pages_under_its_own_folder(site: Path) -> None:
    for prefix, lang in (("", "et"), ("en/", "en"), ("ru/", "ru")):
        for page in ("", "events/", "trainings/", "news/", "events/eesti-seminar/"):
            assert found(soup(site, f"{prefix}{page}index.html").html)["lang"] == lang, prefix + page


def test_the_russian_pages_use_the_russian_words_and_dates(site: Path) -> None:
    events = text(found(soup(site, "ru/events/index.html").find("article")))
    assert "Предстоящие события" in events
    assert "8 марта 2031 г." in events  # Babel's Russian, in the genitive a date takes


def test_a_text_without_russian_shows_the_original_marked_as_estonian(site: Path) -> None:
    page = soup(site, "ru/events/eesti-seminar/index.html")
    original = page.find(lambda tag: tag.get("lang") == "et" and "Ainult eesti keeles" in tag.get_text())
    assert original is not None
    assert "на эстонском" in text(found(page.find("article")))


def test_each_page_links_its_two_other_languages(site: Path) -> None:
    head = found(soup(site, "ru/events/index.html").head)
    alternates = {
        attr(link, "hreflang"): attr(link, "href")
        for link in head.find_all("link", rel="alternate")
        if link.get("hreflang")
    }
    assert {"et", "en", "ru"} <= set(alternates)
    assert alternates["en"].endswith("/en/events/") and alternates["et"].endswith("/events/")


def test_the_russian_feed_and_calendar_are_in_russian(site: Path) -> None:
    feed = (site / "ru" / "feed.xml").read_text(encoding="utf-8")
    assert "<language>ru</language>" in feed and "новости и события" in feed
    assert "события" in (site / "ru" / "calendar.ics").read_text(encoding="utf-8")


def test_a_text_in_a_language_the_site_does_not_have_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "kolm"
    assert main(["new", str(folder), "--languages", "et,en,ru", "--lang", "en"]) == 0
    (folder / "data" / "events.yaml").write_text(
        "- id: a\n  title: {et: A, fi: B}\n  start: 2031-03-08\n", encoding="utf-8"
    )
    capsys.readouterr()
    assert main(["check", "--root", str(folder), "--lang", "en"]) == 1
    assert "events[0].title.fi: 'fi' is not one of the site's languages (et, en, ru)" in capsys.readouterr().out


# Nothing in the engine names a language: codes live in the catalogues (projectsite/locales/, the messages' and
# the starter's word lists) and nowhere else.
# The catalogues, and a kind of data (projectsite/kinds/), which carries its own words in every language.
CATALOGUES = {"projectsite/messages.py", "projectsite/starter/words.py", "projectsite/kinds/publications.py"}


def language_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in ("et", "en", "ru")
    ]


def test_no_engine_module_names_a_language() -> None:
    modules = [
        p
        for p in sorted((ROOT / "projectsite").rglob("*.py"))
        if "locales" not in p.parts and p.relative_to(ROOT).as_posix() not in CATALOGUES
    ]
    assert len(modules) > 50
    assert [found for path in modules for found in language_literals(path)] == []


def test_the_check_speaks_russian_to_a_russian_editor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "kolm"
    assert main(["new", str(folder), "--languages", "et,en,ru", "--lang", "ru"]) == 0
    (folder / "data" / "events.yaml").write_text("- id: a\n  title: A\n  start: 14.06.2031\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--root", str(folder), "--lang", "ru"]) == 1
    out = capsys.readouterr().out
    assert "data/events.yaml:3: events[0].start: «14.06.2031» записано как день.месяц.год" in out
    assert "1 ошибка" in out


def test_every_message_exists_in_every_language_with_the_same_placeholders() -> None:
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}

    languages = {lang for texts in CATALOGUE.values() for lang in texts}
    assert {"et", "en", "ru"} <= languages
    plural = re.compile(r"^n_\w+_(zero|one|two|few|many)$")  # a form that CLDR gives some languages only
    missing = [
        (key, lang)
        for key, texts in CATALOGUE.items()
        for lang in languages
        if lang not in texts and not plural.match(key)
    ]
    assert missing == []
    differing = [key for key, texts in CATALOGUE.items() if len({frozenset(fields(t)) for t in texts.values()}) > 1]
    assert differing == []


def test_every_label_catalogue_has_every_key() -> None:
    keys = {lang: set(words) - {"date_case_on", "date_case_until", "date_case_from"} for lang, words in LABELS.items()}
    assert {"et", "en", "ru"} <= set(keys)
    everything = set().union(*keys.values())
    assert {lang: sorted(everything - found) for lang, found in keys.items() if everything - found} == {}
