"""`site_name` as the theme needs it: Material writes it into attributes and <title> without escaping
(header.html, nav.html, base.html), so the engine hands the templates an escaped Markup string; `| e` leaves
Markup as it is, so the engine's own templates stay right too. Python code reads the plain text back."""

from __future__ import annotations

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig


def escape_for_theme(config: MkDocsConfig) -> None:
    """Once per language's build (mkdocs-static-i18n may set a language's own site_name in its on_config)."""
    name = config.site_name
    if name and not isinstance(name, Markup):
        config.site_name = escape(name)


def plain(config: MkDocsConfig) -> str:
    """The site's name as text (for feeds and calendars, which escape it themselves)."""
    name = config.site_name or ""
    return name.unescape() if isinstance(name, Markup) else str(name)


def restore(config: MkDocsConfig) -> None:
    """The plain text again once the language's pages are written: mkdocs-static-i18n overrides a language's
    site_name only where the value is exactly a str."""
    config.site_name = plain(config)
