"""Checks of a built site, shared by the suite over the real site and the tests that prove they can fail."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = ROOT / "test-artifacts"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SITE_HOST = "loim.example.org"


def site_pages(site: Path) -> list[str]:
    """Every HTML file the build wrote, as a path below the site's root (a site without any is an error)."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert pages, f"no HTML page in {site}"
    return pages


def axe_violations(page: Page, tags: list[str] | None = None, rules: list[str] | None = None) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": tags or WCAG_AA}
    violations: list[dict[str, Any]] = page.evaluate(
        "async (runOnly) => (await axe.run(document, {runOnly})).violations", run_only
    )
    return violations


def save_failure(folder: Path, rel: str, page: Page, report: object) -> None:
    """An axe report and a screenshot of a failing page, for the person who reads the test output."""
    name = rel.replace("/", "_") or "index"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def describe(violations: list[dict[str, Any]]) -> str:
    return "; ".join(f"{v['id']} ({len(v['nodes'])}×)" for v in violations)


def horizontal_overflow(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"))


def _target(site: Path, page_rel: str, href: str, host: str = SITE_HOST) -> tuple[Path | None, str]:
    """The file an internal link points to, and its fragment; None for the file when it is external."""
    parts = urlsplit(href)
    if parts.scheme in ("http", "https") and parts.hostname != host:
        return None, ""
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None, ""
    path = unquote(parts.path)
    if not path:
        rel = page_rel
    elif path.startswith("/"):
        rel = path.lstrip("/")
    else:
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), path))
    if rel.endswith("/") or rel in (".", "") or (site / rel).is_dir():
        rel = posixpath.join(rel, "index.html") if rel not in (".", "") else "index.html"
    return site / rel, parts.fragment


def _well_formed_external(href: str) -> bool:
    parts = urlsplit(href)
    if parts.scheme in ("mailto", "tel"):
        return bool(parts.path)
    return parts.scheme in ("http", "https", "webcal") and "." in (parts.hostname or "") and " " not in href


def broken_links(site: Path, host: str = SITE_HOST) -> list[str]:
    """Internal links and anchors that lead nowhere, and external addresses that are not well-formed
    (`host`: the site's own, whose absolute addresses are internal links)."""
    ids: dict[Path, set[str]] = {}
    problems = []
    for rel in site_pages(site):
        html = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src")):
            for node in html.find_all(tag, attrs={attr: True}):
                href = node[attr]
                assert isinstance(href, str), (rel, node)  # an address is one value, never a list
                target, fragment = _target(site, rel, href, host)
                if target is None:
                    if not _well_formed_external(href):
                        problems.append(f"{rel}: malformed address {href}")
                    continue
                if not target.is_file():
                    problems.append(f"{rel}: {href} leads to no file")
                    continue
                if fragment and target.suffix == ".html":
                    if target not in ids:
                        page = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                        ids[target] = {str(n["id"]) for n in page.find_all(id=True)} | {
                            str(n["name"]) for n in page.find_all(None, {"name": True})
                        }
                    if fragment not in ids[target]:
                        problems.append(f"{rel}: {href} names an anchor that does not exist")
    return problems
