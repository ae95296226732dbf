"""The site's search index (Pagefind): one per language, of each language's own pages, written with the site."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Project
from search_sites import build, index_languages, new_site, one_language_pages, write_page

from projectsite.mkdocs.search_index import MARKED


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return one_language_pages(new_site(tmp_path_factory.mktemp("search") / "otsing"))


def marked_pages(site_dir: Path, under_en: bool) -> int:
    pages = [p for p in site_dir.rglob("index.html") if (p.relative_to(site_dir).parts[0] == "en") == under_en]
    return sum(MARKED in p.read_text(encoding="utf-8") for p in pages)


def index_bytes(site_dir: Path) -> tuple[int, int]:
    """The files and bytes of the index proper (not Pagefind's interface, whose size does not depend on the site)."""
    folder = site_dir / "pagefind"
    files = [p for p in folder.rglob("*") if p.is_file() and p.parent.name in ("index", "fragment")]
    files += list(folder.glob("*.pf_meta"))
    return len(files), sum(p.stat().st_size for p in files)


def test_the_shipped_site_has_an_index_per_language_of_its_own_pages(real_site: Project) -> None:
    site_dir = real_site.root / "site"
    assert index_languages(site_dir) == {
        "et": marked_pages(site_dir, under_en=False),
        "en": marked_pages(site_dir, under_en=True),
    }
    assert marked_pages(site_dir, under_en=True) > 10


def test_the_shipped_site_has_no_search_index_of_materials(real_site: Project) -> None:
    assert not (real_site.root / "site" / "search").exists()
    assert "search_index.json" not in real_site.html("index.html")


def test_a_fallback_copy_in_another_language_is_not_indexed(fixture_site: Path) -> None:
    """mkdocs-static-i18n copies the Estonian-only page into English: its text is not English."""
    assert MARKED in (fixture_site / "ainult-eesti" / "index.html").read_text(encoding="utf-8")
    assert MARKED not in (fixture_site / "en" / "ainult-eesti" / "index.html").read_text(encoding="utf-8")


def test_only_the_pages_content_is_indexed_not_header_navigation_or_footer(fixture_site: Path) -> None:
    html = (fixture_site / "en" / "only-english" / "index.html").read_text(encoding="utf-8")
    assert html.count("data-pagefind-body") == 1
    assert html.index("data-pagefind-body") > html.index("</header>")


def test_the_index_has_every_language_of_the_site_once_the_build_ends(fixture_site: Path) -> None:
    counts = index_languages(fixture_site)
    assert counts == {"et": marked_pages(fixture_site, False), "en": marked_pages(fixture_site, True)}


def test_building_again_writes_the_same_index_bytes(fixture_site: Path) -> None:
    site = fixture_site.parent
    before = {
        p.relative_to(fixture_site): p.read_bytes() for p in (fixture_site / "pagefind").rglob("*") if p.is_file()
    }
    result = build(site)
    assert result.returncode == 0, result.stderr
    after = {p.relative_to(fixture_site): p.read_bytes() for p in (fixture_site / "pagefind").rglob("*") if p.is_file()}
    assert before == after


def test_a_page_whose_front_matter_says_exclude_is_not_indexed_and_boost_weighs_it(tmp_path: Path) -> None:
    site = new_site(tmp_path / "otsing")
    for name, wish in (("hidden", "{exclude: true}"), ("heavy", "{boost: 3}"), ("plain", "{exclude: false}")):
        (site / "docs" / "en" / f"{name}.md").write_text(f"---\nsearch: {wish}\n---\n\n# {name}\n\nText.\n")
    result = build(site)
    assert result.returncode == 0, result.stderr
    html = {
        name: (site / "site" / "en" / name / "index.html").read_text(encoding="utf-8")
        for name in ("hidden", "heavy", "plain")
    }
    assert "data-pagefind-body" not in html["hidden"]
    assert 'data-pagefind-body data-pagefind-weight="3"' in html["heavy"]
    assert MARKED in html["plain"]
    assert index_languages(site / "site")["en"] == marked_pages(site / "site", under_en=True) + 1  # + heavy


def sized_site(folder: Path, pages: int) -> tuple[int, int]:
    site = new_site(folder)
    for n in range(pages):
        words = " ".join(f"sana{n}x{w} word{(n * 7 + w) % 101}" for w in range(60))
        write_page(site, f"en/page-{n}.md", f"Page {n}", words)
    result = build(site)
    assert result.returncode == 0, result.stderr
    return index_bytes(site / "site")


def test_the_index_grows_linearly_with_the_number_of_pages(tmp_path: Path) -> None:
    """Bytes per added page stay the same from 20 to 80 pages (MAINTAINING.md, "Search", has the figures)."""
    base_files, base = sized_site(tmp_path / "zero", 0)
    small_files, small = sized_site(tmp_path / "small", 20)
    large_files, large = sized_site(tmp_path / "large", 80)
    per_page_small, per_page_large = (small - base) / 20, (large - base) / 80
    print(f"index: {base_files}/{base} B, +20: {small_files}/{small} B, +80: {large_files}/{large} B")
    assert 0.6 < per_page_large / per_page_small < 1.4
    assert large_files > small_files > base_files
