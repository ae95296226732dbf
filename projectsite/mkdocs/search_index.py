"""The site's own search: Pagefind indexes the built pages, one index per language (by `<html lang>`).

Each page written in the language being built marks its content (`data-pagefind-body`); Pagefind then indexes
only marked pages, and only their content: not the header, navigation or footer, and not the pages that
mkdocs-static-i18n copies into another language as its fallback (their text is not in that language). The
index goes into the site's `pagefind/` folder; the theme's search button loads it (projectsite/theme/assets/search.js).

Pagefind runs once per language, as soon as that language is written (pagefind_runs.Runs): in a process of
its own, it indexes one language on the second core while MkDocs builds the next (at ×100, 9,000 pages,
Pagefind takes 12 s). The bundles are put together after the last language.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from .pagefind_runs import Runs, language_glob
from .state import language, languages_of

CONTENT = '<article class="md-content__inner md-typeset">'  # Material 9.8.1's base.html
MARKED = '<article class="md-content__inner md-typeset" data-pagefind-body>'


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


def on_post_build(config: MkDocsConfig, runs: Runs) -> None:
    """After each language: its run starts; after the last one, the runs are waited for and joined."""
    site, lang, languages = Path(config.site_dir), language(config), languages_of(config)
    runs.start(site, language_glob(site, lang, languages))
    if lang == languages.codes[-1]:
        runs.finish(site)
