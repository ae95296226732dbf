"""The site's languages, from its configuration: the first is the original, which every text has.

mkdocs-static-i18n's `languages` list in mkdocs.yml names them (the `default: true` one is the original);
a site without it has its theme's language only. The engine names no language itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .locales import UNCONFIGURED_SITE_LANGUAGES


@dataclass(frozen=True)
class Languages:
    codes: tuple[str, ...]

    @property
    def original(self) -> str:
        return self.codes[0]

    def others(self, lang: str) -> tuple[str, ...]:
        return tuple(code for code in self.codes if code != lang)

    def prefix(self, lang: str) -> str:
        """Where a language lives below the site's root: '' for the original, '<code>/' for the others."""
        return "" if lang == self.original else f"{lang}/"

    def __iter__(self) -> Any:
        return iter(self.codes)


def from_i18n(entries: Any, theme_language: str | None = None) -> Languages | None:
    """mkdocs-static-i18n's `languages` entries (mappings with `locale` and `default`), the default first."""
    if not isinstance(entries, list):
        return Languages((theme_language,)) if theme_language else None
    codes = [str(e.get("locale")) for e in entries if isinstance(e, dict) and e.get("locale")]
    default = [str(e.get("locale")) for e in entries if isinstance(e, dict) and e.get("default")]
    first = default[0] if default else (codes[0] if codes else theme_language)
    if not first:
        return None
    return Languages((first, *[code for code in dict.fromkeys(codes) if code != first]))


def site_languages(root: Path, config_file: str | None = None) -> Languages:
    """The languages of the site in `root` (its configuration, as MkDocs loads it), or the catalogues' default
    when it names none or cannot be loaded (the commands that need it report why)."""
    from .mkdocs.siteconfig import ConfigUnreadable, load_site_config  # it builds on this module

    try:
        return load_site_config(root, config_file).languages
    except ConfigUnreadable:
        return Languages(UNCONFIGURED_SITE_LANGUAGES)
