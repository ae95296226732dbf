"""The site's languages, from its configuration: the first is the original, which every text has.

mkdocs-static-i18n's `languages` list in mkdocs.yml names them (the `default: true` one is the original);
a site without it has its theme's language only. The engine names no language itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

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


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may carry MkDocs' own tags (!ENV, !relative): read them as plain values."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)  # type: ignore[no-untyped-call]


def _i18n_entries(config: dict[str, Any]) -> Any:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            return plugin["i18n"].get("languages")
    return None


def site_languages(root: Path) -> Languages:
    """The languages of the site in `root` (its mkdocs.yml), or the catalogues' default when it names none."""
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        config = None
    if isinstance(config, dict):
        theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
        found = from_i18n(_i18n_entries(config), theme.get("language") if theme else None)
        if found is not None:
            return found
    return Languages(UNCONFIGURED_SITE_LANGUAGES)
