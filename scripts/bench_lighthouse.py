"""Lighthouse's performance score (mobile) on every kind of page in both languages; rewrites the README's figure.

A figure, not a test: the score moves with the machine's load. Run it on a quiet machine (`make bench`).
"""

from __future__ import annotations

import functools
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ["", "events/", "trainings/", "contacts/", "news/", "404.html"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def build(site: Path) -> None:
    mkdocs = Path(sys.executable).parent / "mkdocs"
    subprocess.run(
        [str(mkdocs), "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
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


def scores(site: Path) -> dict[str, float]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    pages = [lang + kind for lang in ("", "en/") for kind in KINDS + item_pages(site)]
    out = site.parent / "lighthouse.json"
    try:
        subprocess.run(
            ["node", str(ROOT / "tests" / "lighthouse.mjs"), str(out), "performance", *[base + p for p in pages]],
            check=True,
            cwd=ROOT,
        )
    finally:
        server.shutdown()
    report = json.loads(out.read_text(encoding="utf-8"))
    return {url.removeprefix(base) or "/": float(r["scores"]["performance"]) * 100 for url, r in report.items()}


def write_readme(found: dict[str, float]) -> str:
    worst = min(found, key=lambda k: found[k])
    line = (
        f"Lighthouse performance (mobile, {date.today().isoformat()}, {len(found)} pages in both languages): "
        f"median {statistics.median(found.values()):.0f}, lowest {found[worst]:.0f} ({worst})."
    )
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    text = re.sub(
        r"<!-- lighthouse:start -->.*<!-- lighthouse:end -->",
        f"<!-- lighthouse:start -->\n{line}\n<!-- lighthouse:end -->",
        text,
        flags=re.S,
    )
    readme.write_text(text, encoding="utf-8")
    return line


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site)
        found = scores(site)
    for page, score in found.items():
        print(f"{score:5.0f}  {page}")
    print(write_readme(found))


if __name__ == "__main__":
    main()
