"""Small sites for the search tests: `projectsite new`'s starter, with pages written by the test."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from inprocess import mkdocs
from playwright.sync_api import Page

from projectsite.cli import main

# Words that no page of the starter holds: each names the one page it is written on.
BUTTON = "button[data-projectsite-search]"
ONLY_ENGLISH = "zanzibarite"
ONLY_ESTONIAN = "kirsimoos"


def new_site(folder: Path) -> Path:
    assert main(["new", str(folder), "--name", "Otsing", "--lang", "en"]) == 0
    return folder


def write_page(site: Path, rel: str, title: str, body: str) -> None:
    path = site / "docs" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"# {title}\n\n{body}\n", encoding="utf-8")


def build(site: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return mkdocs(["build", "--strict", "--clean"], cwd=site, env=env)


def one_language_pages(site: Path) -> Path:
    """A page only in English and one only in Estonian (the starter falls back to Estonian in English)."""
    write_page(site, "en/only-english.md", "Only in English", f"The {ONLY_ENGLISH} rock is found here.")
    write_page(site, "et/ainult-eesti.md", "Ainult eesti keeles", f"Siin on {ONLY_ESTONIAN} kirjas.")
    result = build(site)
    assert result.returncode == 0, result.stderr
    return site / "site"


def index_languages(site_dir: Path) -> dict[str, int]:
    """The languages of the built search index and their page counts (Pagefind's entry file)."""
    entry = json.loads((site_dir / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    return {code: int(language["page_count"]) for code, language in entry["languages"].items()}


def search(page: Page, url: str, words: str) -> list[str]:
    """Opens search on the page at url, types the words, and returns the results' addresses (pages, not sections)."""
    page.goto(url)
    page.click(BUTTON)
    page.locator(".projectsite-search input").fill(words)
    page.wait_for_selector(".pagefind-ui__message")
    page.wait_for_function("!/(\\.\\.\\.|…)$/.test(document.querySelector('.pagefind-ui__message').textContent.trim())")
    page.wait_for_timeout(300)  # the results' details load after the count
    links: list[str] = page.eval_on_selector_all(
        ".pagefind-ui__result > .pagefind-ui__result-inner > .pagefind-ui__result-title > a",
        "links => links.map(a => a.getAttribute('href'))",
    )
    return links
