"""Mends Material's markup where the Nu Html Checker finds errors, so every page is valid HTML."""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from projectsite.tables import label_cells

# Material puts autocomplete="off" on its toggle checkboxes; HTML allows it only on text-like inputs.
TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')
# On a page outside the navigation, the table of contents' label names a checkbox (#__toc) that is absent.
TOC_LABEL = ' for="__toc"'


def mend(html: str) -> str:
    html = TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
    return html if 'id="__toc"' in html else html.replace(TOC_LABEL, "")


def on_page_content(html: str) -> str:
    """Tables of three or more columns stack as cards on a phone (projectsite/tables.py, projectsite.css)."""
    return label_cells(html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return mend(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Static templates: the 404 page."""
    return mend(output_content) if template_name.endswith(".html") else output_content
