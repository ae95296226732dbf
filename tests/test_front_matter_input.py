"""Front matter the theme reads: every key hostile, every page's HTML read (the navigation is in every page)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import Project, copy_project

SCRIPT = "<script>alert(1)</script>"
HOSTILE_TEXTS = f"""---
title: "T {SCRIPT}"
subtitle: "<img src=x onerror=alert(2)>"
description: "D {SCRIPT}"
---

# Media
"""
HOSTILE_NAMES = f"""---
title: Meedia
status: 'new" onmouseover="alert(3)'
icon: "{SCRIPT}"
template: ../../etc/passwd
hide: 5
search: "yes"
tags: {{a: "{SCRIPT}"}}
ps_created: "{SCRIPT}"
jsonld: ["{SCRIPT}"]
---

# Meedia
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, subprocess.CompletedProcess[str]]:
    """The shipped site with hostile front matter in both media pages, built strictly."""
    built = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    built.write("docs/en/media.md", HOSTILE_TEXTS)
    built.write("docs/et/media.md", HOSTILE_NAMES)
    strict = built.build(strict=True)
    built.build(strict=False)  # the site it writes anyway (the preview's, and --strict's before it stops)
    return built, strict


def _pages(project: Project) -> list[Path]:
    pages = sorted((project.root / "site").rglob("*.html"))
    assert len(pages) > 10
    return pages


def test_hostile_front_matter_ends_in_no_traceback(hostile: tuple[Project, subprocess.CompletedProcess[str]]) -> None:
    assert "Traceback" not in hostile[1].stderr


def test_each_unusable_key_is_named_with_its_file_and_line(
    hostile: tuple[Project, subprocess.CompletedProcess[str]],
) -> None:
    stderr = hostile[1].stderr
    assert hostile[1].returncode == 1
    for line, key in enumerate(("status", "icon", "template", "hide", "search", "tags", "ps_created", "jsonld"), 3):
        assert f"docs/et/media.md:{line}: {key}:" in stderr, (key, stderr)


def test_no_page_carries_a_hostile_value_as_html(hostile: tuple[Project, subprocess.CompletedProcess[str]]) -> None:
    project, _ = hostile
    for page in _pages(project):
        html = page.read_text(encoding="utf-8")
        assert SCRIPT not in html and "<img src=x" not in html and 'onmouseover="alert' not in html, page


def test_a_subtitle_reaches_the_navigation_of_other_pages_as_text(
    hostile: tuple[Project, subprocess.CompletedProcess[str]],
) -> None:
    project, _ = hostile
    assert "&lt;img src=x onerror=alert(2)&gt;" in project.html("en/index.html")
