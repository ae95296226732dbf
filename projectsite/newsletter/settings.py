"""The newsletter's settings from the configuration MkDocs loads (`--config-file`, default mkdocs.yml): `site_url`
and `site_name` as MkDocs reads them (`!ENV`, `INHERIT`), and `extra.projectsite` typed and validated as the site
reads it (projectsite/settings.py)."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

from ..dates import use_zone
from ..languages import Languages
from ..locales import UNCONFIGURED_SITE_LANGUAGES
from ..messages import Message, say
from ..mkdocs.siteconfig import DEFAULT_CONFIG, ConfigUnreadable, SiteConfig, load_site_config
from ..problems import errors
from ..regional import Regional
from ..settings import NewsletterSettings, SiteExtra, read_settings
from ..text import Text


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
    regional: Regional = field(default_factory=Regional)  # the time zone, currency and CSV encoding


def _per_language(value: Text | None, languages: Languages) -> dict[str, str]:
    """A text setting in each language it is written in, on one line."""
    if value is None:
        return {}
    return {lang: " ".join(value.get(lang)[0].split()) for lang in languages if value.has(lang)}


class SettingsUnreadable(Exception):
    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


def _extra(site: SiteConfig) -> SiteExtra:
    """`extra.projectsite`, typed and validated as the site reads it; its first mistake stops the command."""
    extra, problems = read_settings(site)
    for problem in errors(problems):
        where = f"{problem.file}:{problem.line}" if problem.line else problem.file
        field = f" {problem.field}:" if problem.field else ""
        raise SettingsUnreadable(say("nl_settings_mistake", where=where + field, error=problem.message))
    return extra


def site_config(root: Path, config_file: str | None = None) -> SiteConfig:
    """The configuration, or SettingsUnreadable saying why not (the newsletter has no settings without one)."""
    path = root / (config_file or DEFAULT_CONFIG)
    if not path.is_file():
        error = "a folder, not a file" if path.is_dir() else "no such file"
        raise SettingsUnreadable(say("nl_settings_unreadable", file=str(path), error=error))
    try:
        return load_site_config(root, config_file)
    except ConfigUnreadable as exc:
        problem = exc.problem
        where = f"{problem.file}:{problem.line}" if problem.line else problem.file
        raise SettingsUnreadable(say("nl_settings_unreadable", file=where, error=problem.message)) from None


def load_settings(root: Path, config_file: str | None = None) -> Settings:
    site = site_config(root, config_file)
    extra = _extra(site)
    use_zone(extra.regional.time_zone)
    newsletter = extra.newsletter or NewsletterSettings()
    languages = site.languages
    return Settings(
        site_url=site.site_url or "http://127.0.0.1:8000/",
        from_name=newsletter.from_name or site.site_name,
        reply_to=newsletter.reply_to or "",
        organisation=site.copyright,
        funders=_per_language(extra.funders, languages),
        funder_logo_alt=_per_language(extra.funder_logo_alt, languages),
        funder_logo=extra.funder_logo or "",
        funder_url=extra.funder_url or "",
        languages=languages,
        regional=extra.regional,
    )


def add_config_option(command: argparse.ArgumentParser) -> None:
    """`--config-file/-f`, as `mkdocs build -f`: the site's configuration, relative to --root."""
    command.add_argument(
        "-f",
        "--config-file",
        metavar="FILE",
        help="the site's MkDocs configuration, relative to the root (default: mkdocs.yml)",
    )
