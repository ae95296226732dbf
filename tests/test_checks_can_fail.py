"""The site checks catch what they are for: a page with each defect, added on purpose, fails them."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from browser import serve
from conftest import Project
from playwright.sync_api import Browser
from site_checks import axe_violations, broken_links

pytestmark = pytest.mark.browser

BAD_PAGE = """
---
title: Vigane leht
---

# Vigane leht

<img src="../assets/loim-logo.svg" width="40" height="40">

<p style="color:#b0b0b0;background:#ffffff">Kahvatu tekst, mida on raske lugeda.</p>

<img src="https://cdn.example.com/tracker.png" alt="Jälgija" width="1" height="1">

[Link olematule ankrule](#olematu)
"""


@pytest.fixture(scope="module")
def bad_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, str]]:
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("bad") / "project")
    project.write("docs/et/bad.md", BAD_PAGE)
    result = project.build(strict=False)
    assert result.returncode == 0, result.stderr
    with serve(project.root / "site") as url:
        yield project, url


def test_a_missing_alt_text_fails_the_accessibility_check(browser: Browser, bad_site: tuple[Project, str]) -> None:
    page = browser.new_page()
    page.goto(bad_site[1] + "bad/")
    assert "image-alt" in [v["id"] for v in axe_violations(page)]
    page.close()


def test_bad_contrast_fails_the_accessibility_check(browser: Browser, bad_site: tuple[Project, str]) -> None:
    page = browser.new_page()
    page.goto(bad_site[1] + "bad/")
    contrast = [v for v in axe_violations(page) if v["id"] == "color-contrast"]
    assert contrast and "Kahvatu tekst" in contrast[0]["nodes"][0]["html"]
    page.close()


def test_a_third_party_request_is_recorded(browser: Browser, bad_site: tuple[Project, str]) -> None:
    page = browser.new_page()
    own = urlsplit(bad_site[1]).netloc
    foreign: list[str] = []
    page.on("request", lambda r: foreign.append(r.url) if urlsplit(r.url).netloc != own else None)
    page.goto(bad_site[1] + "bad/", wait_until="load")
    page.close()
    assert foreign == ["https://cdn.example.com/tracker.png"]


def test_a_broken_anchor_fails_the_link_check(bad_site: tuple[Project, str]) -> None:
    problems = broken_links(bad_site[0].root / "site")
    assert "bad/index.html: #olematu names an anchor that does not exist" in problems
    assert "en/bad/index.html: #olematu names an anchor that does not exist" in problems
