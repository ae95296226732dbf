"""The newsletter's settings from mkdocs.yml (`site_url`, `extra.newsletter`), read as plain YAML."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml


class _Lenient(yaml.SafeLoader):
    """mkdocs.yml may carry tags (!ENV, !!python/name) that only MkDocs understands: read them as text."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Settings:
    site_url: str
    from_name: str
    reply_to: str
    organisation: str
    funders: dict[str, str] = field(default_factory=dict)  # the funders' statement per language (extra.funders)
    funder_logo_alt: dict[str, str] = field(default_factory=dict)  # the logo's name per language


def _per_language(value: object) -> dict[str, str]:
    """A {language: text} setting; anything else in its place is no text."""
    if not isinstance(value, dict):
        return {}
    return {str(lang): " ".join(str(text).split()) for lang, text in value.items() if isinstance(text, str | int)}


def load_settings(root: Path) -> Settings:
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lenient) or {}
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    newsletter = extra.get("newsletter") if isinstance(extra.get("newsletter"), dict) else {}
    return Settings(site_url=str(config.get("site_url") or "http://127.0.0.1:8000/"),
                    from_name=str(newsletter.get("from_name") or config.get("site_name") or ""),
                    reply_to=str(newsletter.get("reply_to") or ""),
                    organisation=str(config.get("copyright") or ""),
                    funders=_per_language(extra.get("funders")),
                    funder_logo_alt=_per_language(extra.get("funder_logo_alt")))
