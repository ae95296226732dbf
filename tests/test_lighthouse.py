"""Lighthouse (npm, pinned) on every kind of page in both languages: accessibility, best practices and SEO at 100.

Performance is a figure, not a test (a noisy machine): `make bench` measures it.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, Project

pytestmark = pytest.mark.browser

CATEGORIES = ("accessibility", "best-practices", "seo")


def _first_item(site: Path, section: str) -> str:
    """The address of one item page (an event, a news post) of the site's default language."""
    items = sorted(p.parent.name for p in (site / section).glob("*/index.html"))
    assert items, f"the built site has no page under {section}/"
    return f"{section}/{items[0]}/"


def page_kinds(site: Path) -> list[str]:
    """Home, a list, an event, a news post, the trainings, the contacts and the 404 page, in each language."""
    kinds = [
        "",
        "events/",
        _first_item(site, "events"),
        _first_item(site, "news"),
        "trainings/",
        "contacts/",
        "404.html",
    ]
    languages = [""] + [f"{p.name}/" for p in site.iterdir() if p.is_dir() and (p / "404.html").is_file()]
    assert len(languages) >= 2, "the built site has one language only"
    return [lang + kind for lang in languages for kind in kinds]


def run_lighthouse(urls: list[str], out: Path) -> dict[str, dict[str, object]]:
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "lighthouse.mjs"), str(out), ",".join(CATEGORIES), *urls],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report: dict[str, dict[str, object]] = json.loads(out.read_text(encoding="utf-8"))
    return report


def test_every_kind_of_page_scores_100_in_accessibility_best_practices_and_seo(
    real_site: Project, base_url: str, tmp_path: Path
) -> None:
    pages = page_kinds(real_site.root / "site")
    report = run_lighthouse([base_url + rel for rel in pages], tmp_path / "lighthouse.json")
    assert len(report) == len(pages)
    failures = []
    for url, found in report.items():
        scores = found["scores"]
        assert isinstance(scores, dict) and set(scores) == set(CATEGORIES), (url, found)
        if found["runtimeError"] or any(scores[c] != 1 for c in CATEGORIES):
            failing = found["failing"]
            assert isinstance(failing, list), (url, found)
            failures.append(
                f"{url}: {scores} {found['runtimeError'] or ''}\n  "
                + "\n  ".join(f"{a['id']}: {a['title']} {a['items']}" for a in failing)
            )
    assert failures == [], "Lighthouse below 100:\n" + "\n".join(failures)
