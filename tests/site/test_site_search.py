"""Search, for any valid content of each site, in Chromium: a word of the home page's heading finds pages, and
only pages of the language being searched."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import serve
from pages import found, soup, text
from playwright.sync_api import Browser, Page
from search_sites import search
from site_build import SITES, BuiltSite, check_and_build, copy_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", params=sorted(SITES))
def served(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[BuiltSite, str]]:
    name: str = request.param
    built = check_and_build(copy_site(SITES[name], tmp_path_factory.mktemp(name) / "site-sources"))
    assert built.build.returncode == 0, built.build.stderr
    with serve(built.site) as url:
        yield built, url


def heading_word(site: Path, prefix: str) -> str:
    """The longest word of the language's home page heading (a word its pages are sure to hold)."""
    words: list[str] = re.findall(r"\w{5,}", text(found(soup(site, prefix).h1)))
    assert words, prefix
    return max(words, key=len)


def test_each_language_finds_its_own_pages_and_no_other(served: tuple[BuiltSite, str], page: Page) -> None:
    built, url = served
    prefixes = [built.sources.prefix(lang) for lang in built.sources.languages]
    for prefix in prefixes:
        results = search(page, url + prefix, heading_word(built.site, prefix))
        assert results, prefix
        others = [p for p in prefixes if p and p != prefix]
        assert all(r.startswith("/" + prefix) and not r.startswith(tuple("/" + p for p in others)) for r in results), (
            prefix,
            results,
        )
