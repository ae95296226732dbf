"""The newsletter's settings from mkdocs.yml (`site_url`, `extra.newsletter`), read as plain YAML."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml_env_tag import construct_env_tag  # type: ignore[import-untyped]  # MkDocs' own !ENV library

from ..languages import Languages, site_languages
from ..locales import UNCONFIGURED_SITE_LANGUAGES
from ..messages import Message, say


class _Lenient(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it: `!ENV` from the environment (MkDocs' own library for it); other tags of
    MkDocs' (!relative, !!python/name) are no setting of the newsletter's and read as nothing."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)  # type: ignore[no-untyped-call]
_Lenient.add_constructor("!ENV", construct_env_tag)


@dataclass(frozen=True)
class Settings:
    site_url: str
    from_name: str
    reply_to: str
    organisation: str
    funders: dict[str, str] = field(default_factory=dict)  # the funders' statement per language (extra.funders)
    funder_logo_alt: dict[str, str] = field(default_factory=dict)  # the logo's name per language
    funder_logo: str = ""  # the logo's path in the site (extra.funder_logo)
    funder_url: str = ""  # the funders' site (extra.funder_url)
    languages: Languages = field(default_factory=lambda: Languages(UNCONFIGURED_SITE_LANGUAGES))


def _per_language(value: object) -> dict[str, str]:
    """A {language: text} setting; anything else in its place is no text."""
    if not isinstance(value, dict):
        return {}
    return {str(lang): " ".join(str(text).split()) for lang, text in value.items() if isinstance(text, str | int)}


class SettingsUnreadable(Exception):
    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


def _config(path: Path) -> dict[str, Any]:
    """mkdocs.yml as a mapping, or SettingsUnreadable saying why not (missing, a folder, not UTF-8, not YAML)."""
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_Lenient)
    except OSError as exc:
        raise SettingsUnreadable(
            say("nl_settings_unreadable", file=str(path), error=exc.strerror or str(exc))
        ) from None
    except (UnicodeDecodeError, yaml.YAMLError, RecursionError) as exc:
        error = "nested too deeply" if isinstance(exc, RecursionError) else str(exc).split("\n")[0]
        raise SettingsUnreadable(say("nl_settings_unreadable", file=str(path), error=error)) from None
    if config is None:
        return {}
    if not isinstance(config, dict):
        raise SettingsUnreadable(say("nl_settings_unreadable", file=str(path), error="not a mapping"))
    return config


def load_settings(root: Path) -> Settings:
    config = _config(root / "mkdocs.yml")
    extra: dict[str, Any] = config["extra"] if isinstance(config.get("extra"), dict) else {}
    newsletter: dict[str, Any] = extra["newsletter"] if isinstance(extra.get("newsletter"), dict) else {}
    return Settings(
        site_url=str(config.get("site_url") or "http://127.0.0.1:8000/"),
        from_name=str(newsletter.get("from_name") or config.get("site_name") or ""),
        reply_to=str(newsletter.get("reply_to") or ""),
        organisation=str(config.get("copyright") or ""),
        funders=_per_language(extra.get("funders")),
        funder_logo_alt=_per_language(extra.get("funder_logo_alt")),
        funder_logo=str(extra.get("funder_logo") or ""),
        funder_url=str(extra.get("funder_url") or ""),
        languages=site_languages(root),
    )
