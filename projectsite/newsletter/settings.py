"""The newsletter's settings from mkdocs.yml: `site_url` and `site_name` as MkDocs reads them (`!ENV` included),
and `extra:` typed and validated as the site reads it (projectsite/settings.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml_env_tag import construct_env_tag  # type: ignore[import-untyped]  # MkDocs' own !ENV library

from ..languages import Languages, site_languages
from ..locales import UNCONFIGURED_SITE_LANGUAGES
from ..messages import Message, say
from ..problems import errors
from ..settings import NewsletterSettings, SiteExtra, read_settings
from ..text import Text


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


def _per_language(value: Text | None, languages: Languages) -> dict[str, str]:
    """A text setting in each language it is written in, on one line."""
    if value is None:
        return {}
    return {lang: " ".join(value.get(lang)[0].split()) for lang in languages if value.has(lang)}


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


def _extra(root: Path, languages: Languages) -> SiteExtra:
    """`extra:`, typed and validated as the site reads it; its first mistake stops the command."""
    extra, problems = read_settings(root, languages)
    for problem in errors(problems):
        where = f"{problem.file}:{problem.line}" if problem.line else problem.file
        field = f" {problem.field}:" if problem.field else ""
        raise SettingsUnreadable(say("nl_settings_mistake", where=where + field, error=problem.message))
    return extra


def load_settings(root: Path) -> Settings:
    config = _config(root / "mkdocs.yml")
    languages = site_languages(root)
    extra = _extra(root, languages)
    newsletter = extra.newsletter or NewsletterSettings()
    return Settings(
        site_url=str(config.get("site_url") or "http://127.0.0.1:8000/"),
        from_name=newsletter.from_name or str(config.get("site_name") or ""),
        reply_to=newsletter.reply_to,
        organisation=str(config.get("copyright") or ""),
        funders=_per_language(extra.funders, languages),
        funder_logo_alt=_per_language(extra.funder_logo_alt, languages),
        funder_logo=extra.funder_logo or "",
        funder_url=extra.funder_url or "",
        languages=languages,
    )
