"""The site's own search: Pagefind indexes the built pages, one index per language (by `<html lang>`).

Each page written in the language being built marks its content (`data-pagefind-body`); Pagefind then indexes
only marked pages, and only their content: not the header, navigation or footer, and not the pages that
mkdocs-static-i18n copies into another language as its fallback (their text is not in that language). The
index is written once per whole build, after the last language (`mkdocs build` and each `mkdocs serve` rebuild),
into the site's `pagefind/` folder; the theme's search button loads it (projectsite/theme/assets/search.js).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pagefind_bin  # type: ignore[import-untyped]  # no py.typed; one function used
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from .state import language, languages_of

CONTENT = '<article class="md-content__inner md-typeset">'  # Material 9.8.1's base.html
MARKED = '<article class="md-content__inner md-typeset" data-pagefind-body>'
TIMEOUT = 300  # seconds; 44 pages take 0.1 s


def in_its_language(page: Page, config: MkDocsConfig) -> bool:
    """False for a fallback copy: a page of another language shown where this language has none."""
    return getattr(page.file, "locale", None) in (None, language(config))


def mark_content(output: str, page: Page, config: MkDocsConfig) -> str:
    """Marks the page's content for Pagefind, unless it is a fallback copy or its front matter says
    `search: {exclude: true}`; `search: {boost: n}` weighs its words n times (Pagefind takes 0 to 10)."""
    given = page.meta.get("search")
    wish: dict[str, object] = given if isinstance(given, dict) else {}
    if not in_its_language(page, config) or wish.get("exclude") is True:
        return output
    boost = wish.get("boost")
    if isinstance(boost, int | float) and not isinstance(boost, bool) and boost != 1:
        weight = min(max(float(boost), 0.0), 10.0)
        return output.replace(CONTENT, MARKED[:-1] + f' data-pagefind-weight="{weight:g}">', 1)
    return output.replace(CONTENT, MARKED, 1)


def on_post_build(config: MkDocsConfig) -> None:
    if language(config) == languages_of(config).codes[-1]:  # once the last language is written
        index_site(Path(config.site_dir))


def index_site(site: Path) -> None:
    """Writes site/pagefind/: the indexes, and Pagefind's interface (its script and styles)."""
    command = [str(pagefind_bin.get_executable()), "--site", str(site), "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PluginError(f"The search index was not written: Pagefind did not run ({error}).") from None
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip()
        raise PluginError(f"The search index was not written: Pagefind stopped (exit {done.returncode}). {said}")
    sort_languages(site / "pagefind" / "pagefind-entry.json")


def sort_languages(entry: Path) -> None:
    """Pagefind lists the languages in its entry file in an order of its own, another on each run: sorted, the
    same site gives the same bytes (the index files' own names are hashes of their contents)."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data["languages"].items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
