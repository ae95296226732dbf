"""Pagefind runs once per language as soon as that language is written, and the bundles are put together
(projectsite/mkdocs/pagefind_runs.py): the same search index as one run over the whole site, byte for byte."""

from __future__ import annotations

import filecmp
import json
import shutil
import time
from pathlib import Path

import pytest
from search_sites import build, index_languages, new_site, one_language_pages

from projectsite.languages import Languages
from projectsite.mkdocs.pagefind_runs import Runs, index_site, join_bundles, language_glob
from projectsite.mkdocs.search_index import MARKED

LANGUAGES = Languages(("et", "en"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return one_language_pages(new_site(tmp_path_factory.mktemp("runs") / "otsing"))


def same_tree(left: Path, right: Path) -> list[str]:
    """The files that differ or exist on one side only."""
    names = {p.relative_to(left) for p in left.rglob("*") if p.is_file()}
    names |= {p.relative_to(right) for p in right.rglob("*") if p.is_file()}
    return sorted(str(n) for n in names if not filecmp.cmp(left / n, right / n, shallow=False))


def test_the_joined_bundles_are_the_bundle_of_one_run_over_the_whole_site(built: Path, tmp_path: Path) -> None:
    whole = tmp_path / "whole"
    shutil.copytree(built, whole, ignore=shutil.ignore_patterns("pagefind"))
    index_site(whole)
    assert index_languages(whole) == index_languages(built)
    assert same_tree(whole / "pagefind", built / "pagefind") == []


def test_the_original_languages_glob_leaves_out_the_other_languages_the_404_page_and_the_index(
    tmp_path: Path,
) -> None:
    for folder in ("en", "pagefind", "events", "news"):
        (tmp_path / folder).mkdir()
    for name in ("index.html", "404.html", "feed.xml"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert language_glob(tmp_path, "et", LANGUAGES) == "{events/**/*.html,index.html,news/**/*.html}"
    assert language_glob(tmp_path, "en", LANGUAGES) == "en/**/*.html"


@pytest.mark.parametrize("name", ["{a,b}", "a*b", "[x]", "kõik", "a b", "!no"])
def test_a_name_a_glob_could_misread_means_one_run_over_the_whole_site(tmp_path: Path, name: str) -> None:
    (tmp_path / "index.html").write_text("", encoding="utf-8")
    (tmp_path / name).mkdir()
    assert language_glob(tmp_path, "et", LANGUAGES) is None


def test_a_site_with_such_a_name_is_still_indexed_whole(tmp_path: Path) -> None:
    site = new_site(tmp_path / "oma")
    (site / "docs" / "et" / "kõik-lehed.md").write_text("# Kõik lehed\n\nLumehelbeke.\n", encoding="utf-8")
    result = build(site)
    assert result.returncode == 0, result.stderr
    built = site / "site"
    assert MARKED in (built / "kõik-lehed" / "index.html").read_text(encoding="utf-8")
    marked = [p for p in built.rglob("*.html") if MARKED in p.read_text(encoding="utf-8")]
    by_language = {
        lang: sum((p.relative_to(built).parts[0] == "en") == (lang == "en") for p in marked) for lang in ("et", "en")
    }
    assert index_languages(built) == by_language


def test_the_entry_file_lists_every_languages_index_sorted(tmp_path: Path) -> None:
    bundles = []
    for lang in ("en", "et"):
        bundle = tmp_path / lang
        bundle.mkdir()
        entry = {"version": "1", "languages": {lang: {"hash": f"{lang}_1", "page_count": 2}}, "include_characters": []}
        (bundle / "pagefind-entry.json").write_text(json.dumps(entry), encoding="utf-8")
        (bundle / f"pagefind.{lang}_1.pf_meta").write_bytes(lang.encode())
        bundles.append(bundle)
    join_bundles(bundles, tmp_path / "joined")
    joined = json.loads((tmp_path / "joined" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(joined["languages"]) == ["en", "et"]
    assert {p.name for p in (tmp_path / "joined").iterdir()} == {
        "pagefind-entry.json",
        "pagefind.en_1.pf_meta",
        "pagefind.et_1.pf_meta",
    }


def test_a_build_that_stops_leaves_no_run_going_and_no_bundle_behind(tmp_path: Path) -> None:
    runs = Runs()
    (tmp_path / "index.html").write_text("<html lang=et><body data-pagefind-body>sõna</body></html>", "utf-8")
    runs.start(tmp_path, "{index.html}")
    started, folder = runs.started[0][0], runs.folder
    runs.abandon()
    assert started.poll() is not None
    assert folder is not None and not folder.exists()
    assert runs.started == []


def test_a_run_that_fails_stops_the_build_with_pagefinds_words(tmp_path: Path) -> None:
    runs = Runs()
    runs.start(tmp_path / "missing", "{index.html}")
    deadline = time.monotonic() + 60
    while runs.started[0][0].poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    with pytest.raises(Exception, match="The search index was not written: Pagefind stopped"):
        runs.finish(tmp_path / "missing")
    assert runs.folder is None


def test_an_original_language_without_pages_means_one_run_over_the_whole_site(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text("", encoding="utf-8")
    assert language_glob(tmp_path, "et", LANGUAGES) is None
