"""data/*.yaml and the news posts → one validated SiteData, or the list of what is wrong."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from .dates import day_of, use_zone
from .filesystem import folder_problems
from .kinds import DATA_FILES, KINDS
from .labels import LABELS
from .languages import Languages, site_languages
from .locales import UNCONFIGURED_SITE_LANGUAGES
from .messages import FALLBACK, say
from .mkdocs.siteconfig import ConfigUnreadable, SiteConfig, line_of, load_site_config
from .models import Event, MediaItem, NewsPost, TeamMember, Training
from .news import read_news
from .period import events_outside
from .problems import Problem
from .rules import RULES
from .settings import ProjectSettings, SiteExtra, read_settings
from .sourcefile import UnreadableFile, read_source
from .translations import data_without_translation, pages_without_counterpart
from .validate import validate_parsed
from .yamlfile import SyntaxProblem, parse


@dataclass(frozen=True)
class SiteData:
    events: list[Event] = field(default_factory=list)
    trainings: list[Training] = field(default_factory=list)
    media: list[MediaItem] = field(default_factory=list)
    team: list[TeamMember] = field(default_factory=list)
    more: dict[str, list[Any]] = field(default_factory=dict)  # the registered kinds' lists (projectsite/kinds/)
    news: dict[str, list[NewsPost]] = field(default_factory=dict)
    languages: Languages = field(default_factory=lambda: Languages(UNCONFIGURED_SITE_LANGUAGES))
    settings: SiteExtra = field(default_factory=SiteExtra)  # `extra.projectsite`, validated

    def __post_init__(self) -> None:
        object.__setattr__(self, "_events_by_id", {e.id: e for e in self.events})

    def event(self, event_id: str) -> Event | None:
        by_id: dict[str, Event] = self._events_by_id  # type: ignore[attr-defined]
        return by_id.get(event_id)

    def news_in(self, lang: str) -> list[NewsPost]:
        """The posts shown in `lang`: its own, and those not yet translated into it, newest first."""
        own = list(self.news.get(lang, []))
        slugs = {p.slug for p in own}
        untranslated = [p for other, posts in self.news.items() if other != lang for p in posts if p.slug not in slugs]
        return sorted(own + untranslated, key=lambda p: (p.date, p.slug), reverse=True)


def load_data_file(root: FsPath, name: str, languages: Languages | None = None) -> tuple[list[Any], list[Problem]]:
    """One data file → its validated list (empty when it has errors) and its problems."""
    rel = f"data/{name}.yaml"
    path = root / rel
    if not path.exists() and not path.is_symlink():
        return [], []  # no such section: a site without media (or a team) has no file for it
    try:
        parsed = parse(read_source(path, root))
    except SyntaxProblem as exc:
        return [], [Problem(rel, exc.line, "", exc.message)]
    except UnreadableFile as exc:
        return [], [Problem(rel, exc.line, "", exc.message)]
    if parsed.data is None:
        return [], [Problem(rel, 1, "", say("file_empty", hint=say(f"hint_{name}")))]
    languages = languages or site_languages(root)
    value, problems = validate_parsed(parsed, DATA_FILES[name], rel, name, RULES.get(name), languages.codes)
    if value:
        problems += data_without_translation(value, parsed, rel, name, languages)
    return value or [], problems


# Files in data/ that some part of the site reads: the data files, and the newsletter's send log.
KNOWN_DATA_FILES = tuple(f"{name}.yaml" for name in DATA_FILES) + ("newsletter-log.yaml",)


def unknown_data_files(root: FsPath) -> list[Problem]:
    """A warning for each YAML file in data/ that nothing reads ('Events.yaml', 'trainigs.yaml'), with the nearest name."""
    folder = root / "data"
    if not folder.is_dir():
        return []
    problems = []
    for path in sorted(folder.iterdir()):
        if path.name in KNOWN_DATA_FILES or path.suffix.lower() not in (".yaml", ".yml"):
            continue
        lowered = {known.lower(): known for known in KNOWN_DATA_FILES}
        wanted = path.stem.lower() + ".yaml"
        close = difflib.get_close_matches(wanted, list(lowered), n=1, cutoff=0.6)
        message = (
            say("data_file_unknown_near", near=f"data/{lowered[close[0]]}")
            if close
            else say("data_file_unknown", known=", ".join(f"data/{k}" for k in KNOWN_DATA_FILES))
        )
        problems.append(Problem(f"data/{path.name}", None, "", message, "warning"))
    return problems


def load_site(
    root: FsPath,
    docs_dir: str = "docs",
    site: SiteConfig | None = None,
    config_file: str | None = None,
    folders: bool = True,
) -> tuple[SiteData, list[Problem]]:
    """Everything the pages are made of, and every problem found on the way. `site` is the configuration
    MkDocs loaded (the plugin's); without it, `config_file` (default mkdocs.yml) is loaded by MkDocs' loader.
    `folders=False` leaves out the folders' own rules (folder_problems: the caller checks them when a page changes)."""
    if site is None:
        try:
            site = load_site_config(root, config_file)
        except ConfigUnreadable as exc:
            return SiteData(), [exc.problem]
    languages = site.languages
    settings, problems = read_settings(site)
    use_zone(settings.regional.time_zone)  # the data's times are in it (rules.py checks them against it)
    lists: dict[str, list[Any]] = {}
    for name in DATA_FILES:
        lists[name], found = load_data_file(root, name, languages)
        problems += found
    news: dict[str, list[NewsPost]] = {}
    for lang in languages:
        news[lang], found = read_news(root, docs_dir, lang)
        problems += found
    if (root / docs_dir).is_dir():
        problems += pages_without_counterpart(root, docs_dir, languages)
    problems += unknown_data_files(root)
    problems += folder_problems(root, docs_dir) if folders else []
    problems += _outside_project(settings.project, lists["events"])
    problems += _languages_without_words(site)
    more = {name: lists.pop(name) for name in KINDS}
    return SiteData(news=news, languages=languages, settings=settings, more=more, **lists), problems


def _languages_without_words(site: SiteConfig) -> list[Problem]:
    """A site language the engine has no catalogue for: its pages would have no words around the data."""
    line = line_of(site.node, "plugins", "i18n", "languages")
    labels = len(LABELS[FALLBACK])
    return [
        Problem(
            site.file,
            line,
            "languages",
            say("no_catalogue", lang=code, count=labels, known=", ".join(sorted(LABELS))),
        )
        for code in site.languages.codes
        if code not in LABELS
    ]


def _outside_project(project: ProjectSettings | None, events: list[Event]) -> list[Problem]:
    """A warning for every event outside the project's period in mkdocs.yml (when it gives one)."""
    if project is None:
        return []
    period = project.period
    return [
        Problem(
            "data/events.yaml",
            None,
            f"events[{i}].start",
            say("event_outside_project", date=e.start and day_of(e.start), start=period.start, end=period.end),
            "warning",
            "period",
        )
        for i, e in events_outside(events, period)
    ]
