"""Screenshots of every kind of page, at 375 and 1280 px, light and dark, in each language, for a person to look at.

    .venv/bin/python scripts/screenshots.py [--site .] [--out screenshots] [--today YYYY-MM-DD]

Builds the site into a temporary folder (as of --today, by default the real day), serves it on 127.0.0.1, and writes one PNG per page,
language, width and colour scheme, then one contact sheet per kind of page (`sheet-<kind>.png`: the eight
views side by side, drawn by Chromium from a local HTML page) so that a kind can be looked at in one image.
Not a test: a test says what must hold; this shows what a visitor sees.
"""

from __future__ import annotations

import argparse
import html
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright
from static_server import served

CHROMIUM = "/usr/bin/chromium"
WIDTHS = {375: 812, 1280: 900}  # width → the height of the first screen
SCHEMES = ("light", "dark")
TALLEST = 2400  # a long page is cut here: the sheet shows its top


def build(site: Path, out: Path, today: str | None) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **({"PROJECTSITE_TODAY": today} if today else {})}
    mkdocs = Path(sys.executable).parent / "mkdocs"
    subprocess.run([str(mkdocs), "build", "-q", "-f", str(site / "mkdocs.yml"), "-d", str(out)], env=env, check=True)


def kinds(site: Path) -> dict[str, str]:
    """Each kind of page by its path in the original language (the first event and news post found)."""
    found = {"home": "", "project": "project/", "events": "events/", "trainings": "trainings/", "news": "news/"}
    for optional in ("media", "contacts", "newsletter", "accessibility"):
        if (site / optional / "index.html").is_file():
            found[optional] = f"{optional}/"
    events = sorted(p.parent.name for p in (site / "events").glob("*/index.html"))
    posts = sorted(p.parent.name for p in (site / "news").glob("*/index.html"))
    if events:
        found["event"] = f"events/{events[len(events) // 2]}/"
    if posts:
        found["news-post"] = f"news/{posts[-1]}/"
    found["404"] = "no-such-page/"
    return found


def languages(site: Path) -> list[str]:
    """'' for the original language, then every folder holding a translated home page."""
    return [""] + sorted(f"{p.parent.name}/" for p in site.glob("*/index.html") if len(p.parent.name) == 2)


def shoot(browser: Browser, url: str, path: Path, width: int, scheme: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": WIDTHS[width]}, color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    height = min(TALLEST, int(page.evaluate("document.documentElement.scrollHeight")))
    page.screenshot(path=str(path), clip={"x": 0, "y": 0, "width": width, "height": height}, full_page=True)
    context.close()


def sheet(browser: Browser, kind: str, shots: list[Path], out: Path) -> None:
    """The views of one kind side by side, labelled, as one PNG."""
    cells = "".join(
        f'<figure><figcaption>{html.escape(p.stem)}</figcaption><img src="{p.name}"></figure>' for p in shots
    )
    page_html = out / f"sheet-{kind}.html"
    page_html.write_text(
        "<!doctype html><meta charset=utf-8><style>body{margin:0;display:flex;gap:8px;align-items:flex-start;"
        "background:#777;font:14px sans-serif}figure{margin:0}figcaption{color:#fff;padding:2px}"
        "img{display:block;max-height:1400px;width:auto}</style>" + cells,
        encoding="utf-8",
    )
    context = browser.new_context(viewport={"width": 3400, "height": 1000})
    page = context.new_page()
    page.goto(page_html.as_uri(), wait_until="load")
    page.screenshot(path=str(out / f"sheet-{kind}.png"), full_page=True)
    context.close()
    page_html.unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", default=".", help="the site's folder (with mkdocs.yml)")
    parser.add_argument("--out", default="screenshots", help="where the PNGs go")
    parser.add_argument("--today", help="the day the site is built as of (default: today)")
    args = parser.parse_args()
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        built = Path(tmp) / "site"
        build(Path(args.site).resolve(), built, args.today)
        with served(built) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM)
            for kind, rel in kinds(built).items():
                shots = []
                for prefix in languages(built):
                    for width in WIDTHS:
                        for scheme in SCHEMES:
                            name = f"{kind}-{prefix.strip('/') or 'original'}-{width}-{scheme}.png"
                            shoot(browser, base + prefix + rel, out / name, width, scheme)
                            shots.append(out / name)
                sheet(browser, kind, shots, out)
                print(f"{kind}: {len(shots)} views, sheet-{kind}.png")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
