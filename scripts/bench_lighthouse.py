"""Lighthouse's performance score (mobile) on every kind of page in both languages, into OUT/lighthouse.md.

A figure, not a test: the score moves with the machine's load. Run it on a quiet machine (`make bench`).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from bench_sites import site_source
from static_server import served

ROOT = Path(__file__).resolve().parent.parent
KINDS = ["", "events/", "trainings/", "contacts/", "news/", "404.html"]


def build(site: Path) -> None:
    mkdocs = Path(sys.executable).parent / "mkdocs"
    subprocess.run(
        [str(mkdocs), "build", "-q", "-f", str(site_source() / "mkdocs.yml"), "-d", str(site)],
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
    )


def item_pages(site: Path) -> list[str]:
    """One event page and one news post, besides the lists."""
    found = []
    for section in ("events", "news"):
        items = sorted(p.parent.name for p in (site / section).glob("*/index.html"))
        found += [f"{section}/{items[0]}/"] if items else []
    return found


RUNS = 3  # Lighthouse's own advice on its variability: the median of several runs of each page


def scores(site: Path, smoke: bool) -> dict[str, float]:
    """Each page's median score of RUNS, served as a static host serves it (gzip: static_server.py)."""
    out = site.parent / "lighthouse.json"
    with served(site) as base:
        pages = [""] if smoke else [lang + kind for lang in ("", "en/") for kind in KINDS + item_pages(site)]
        urls = [f"{base}{page}?run={run}" for run in range(1 if smoke else RUNS) for page in pages]
        subprocess.run(["node", str(ROOT / "tests" / "lighthouse.mjs"), str(out), "performance", *urls], check=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    runs: dict[str, list[float]] = {}
    for url, result in report.items():
        page = url.removeprefix(base).split("?")[0] or "/"
        runs.setdefault(page, []).append(float(result["scores"]["performance"]) * 100)
    return {page: statistics.median(found) for page, found in runs.items()}


def write_figure(found: dict[str, float], folder: Path, runs: int) -> str:
    worst = min(found, key=lambda k: found[k])
    line = (
        f"Lighthouse performance (mobile, {date.today().isoformat()}, {len(found)} pages in both languages, each the "
        f"median of {runs} runs, served gzip-compressed as GitHub Pages serves them): "
        f"median {statistics.median(found.values()):.0f}, lowest {found[worst]:.0f} ({worst})."
    )
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "lighthouse.md").write_text(line + "\n", encoding="utf-8")
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="the home page once: the test suite's run")
    parser.add_argument("--out", type=Path, default=ROOT / "test-artifacts" / "bench", help="where lighthouse.md goes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site)
        found = scores(site, args.smoke)
    for page, score in found.items():
        print(f"{score:5.0f}  {page}")
    print(write_figure(found, args.out, 1 if args.smoke else RUNS))


if __name__ == "__main__":
    main()
