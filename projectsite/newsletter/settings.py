"""The newsletter's settings from mkdocs.yml (`site_url`, `extra.newsletter`), read as plain YAML."""
from __future__ import annotations

from dataclasses import dataclass
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


def load_settings(root: Path) -> Settings:
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lenient) or {}
    newsletter = (config.get("extra") or {}).get("newsletter") or {}
    return Settings(site_url=str(config.get("site_url") or "http://127.0.0.1:8000/"),
                    from_name=str(newsletter.get("from_name") or config.get("site_name") or ""),
                    reply_to=str(newsletter.get("reply_to") or ""),
                    organisation=str(config.get("copyright") or ""))
