"""Every page of the shipped site, in a real Chromium: WCAG 2.1 AA (axe-core), phones, keyboard, privacy."""

from __future__ import annotations

import shutil
from typing import Any, Literal
from urllib.parse import urlsplit

import pytest
from conftest import Project
from playwright.sync_api import Browser, Page
from site_checks import ARTIFACTS, WCAG_AA, axe_violations, describe, horizontal_overflow, save_failure, site_pages

# WCAG 2.1 AA and axe's best practices (landmarks, one main, heading order, named dialogs: what Lighthouse counts).
AXE_TAGS = [*WCAG_AA, "best-practice"]

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_every_page_has_no_wcag_aa_or_best_practice_violations(
    browser: Browser, real_site: Project, base_url: str, scheme: Literal["light", "dark"], width: int
) -> None:
    folder = ARTIFACTS / "axe" / f"{scheme}-{width}"
    shutil.rmtree(folder, ignore_errors=True)
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    failures = []
    for rel in site_pages(real_site.root / "site"):
        page.goto(base_url + rel)
        violations = axe_violations(page, tags=AXE_TAGS)
        if violations:
            save_failure(folder, rel, page, violations)
            failures.append(f"{rel}: {describe(violations)}")
    context.close()
    assert failures == [], f"axe reports and screenshots in {folder}:\n" + "\n".join(failures)


def test_every_page_fits_a_320_px_phone_with_large_enough_tap_targets(
    browser: Browser, real_site: Project, base_url: str
) -> None:
    folder = ARTIFACTS / "phone-320"
    shutil.rmtree(folder, ignore_errors=True)
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    failures = []
    for rel in site_pages(real_site.root / "site"):
        page.goto(base_url + rel)
        overflow = horizontal_overflow(page)
        small = axe_violations(page, rules=["target-size"])
        if overflow > 0 or small:
            save_failure(folder, rel, page, {"overflow_px": overflow, "target_size": small})
            failures.append(f"{rel}: scrolls sideways {overflow}px; {describe(small)}")
    context.close()
    assert failures == [], f"reports and screenshots in {folder}:\n" + "\n".join(failures)


def test_no_page_requests_another_host_or_sets_a_cookie(browser: Browser, real_site: Project, base_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    own = urlsplit(base_url).netloc
    foreign: list[str] = []
    page.on("request", lambda r: foreign.append(r.url) if urlsplit(r.url).netloc not in (own, "") else None)
    for rel in site_pages(real_site.root / "site"):
        page.goto(base_url + rel, wait_until="networkidle")
    cookies = context.cookies()
    context.close()
    assert foreign == [] and cookies == []


def _tab_until(page: Page, predicate: str, limit: int = 120) -> list[dict[str, Any]]:
    """Press Tab until the focused element matches; returns what was focused on the way."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        # A visually hidden radio (Material's colour toggle) shows its focus on the label beside it.
        focused = page.evaluate("""() => { const e = document.activeElement;
            const shown = e.matches('input.md-option') ? e.nextElementSibling : e, s = getComputedStyle(shown);
            return {tag: e.tagName, text: (e.innerText || e.getAttribute('aria-label') || e.name || '').trim(),
                    href: e.getAttribute('href') || '', id: e.id,
                    visible: s.outlineStyle !== 'none' && s.outlineWidth !== '0px' || s.boxShadow !== 'none'}; }""")
        seen.append(focused)
        if page.evaluate(f"() => {{ const e = document.activeElement; return !!({predicate}); }}"):
            return seen
    raise AssertionError(f"never reached {predicate}; focused: {[f['text'] for f in seen]}")


def test_keyboard_alone_reaches_the_language_switch_and_the_sign_up(browser: Browser, base_url: str) -> None:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(base_url)
    seen = _tab_until(page, "e.matches('.ps-lang__link[hreflang=en]')")
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + "en/")
    seen += _tab_until(page, "e.closest('.ps-signup')")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "/en/newsletter/"
    invisible = [f for f in seen if not f["visible"]]
    assert invisible == [], f"focus is not visible on {invisible}"
