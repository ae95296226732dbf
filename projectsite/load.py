"""data/*.yaml and the news posts → one validated SiteData, or the list of what is wrong."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from . import LANGUAGES
from .messages import say
from .models import DATA_FILES, Event, MediaItem, NewsPost, TeamMember, Training
from .news import read_news
from .problems import Problem
from .rules import RULES
from .translations import data_without_english, pages_without_counterpart
from .validate import validate_parsed
from .yamlfile import SyntaxProblem, parse



@dataclass(frozen=True)
class SiteData:
    events: list[Event] = field(default_factory=list)
    trainings: list[Training] = field(default_factory=list)
    media: list[MediaItem] = field(default_factory=list)
    team: list[TeamMember] = field(default_factory=list)
    news: dict[str, list[NewsPost]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_events_by_id", {e.id: e for e in self.events})

    def event(self, event_id: str) -> Event | None:
        return self._events_by_id.get(event_id)  # type: ignore[attr-defined]

    def news_in(self, lang: str) -> list[NewsPost]:
        """The posts shown in `lang`: its own, and those not yet translated into it, newest first."""
        own = list(self.news.get(lang, []))
        slugs = {p.slug for p in own}
        untranslated = [p for other, posts in self.news.items() if other != lang
                        for p in posts if p.slug not in slugs]
        return sorted(own + untranslated, key=lambda p: (p.date, p.slug), reverse=True)


def load_data_file(root: FsPath, name: str) -> tuple[list[Any], list[Problem]]:
    """One data file → its validated list (empty when it has errors) and its problems."""
    rel = f"data/{name}.yaml"
    path = root / rel
    if not path.is_file():
        return [], [Problem(rel, None, "", say("file_missing", hint=say(f"hint_{name}")))]
    try:
        parsed = parse(path.read_text(encoding="utf-8"))
    except SyntaxProblem as exc:
        return [], [Problem(rel, exc.line, "", exc.message)]
    except UnicodeDecodeError:
        return [], [Problem(rel, None, "", say("not_utf8"))]
    if parsed.data is None:
        return [], [Problem(rel, 1, "", say("file_empty", hint=say(f"hint_{name}")))]
    value, problems = validate_parsed(parsed, DATA_FILES[name], rel, name, RULES.get(name))
    if value:
        problems += data_without_english(value, parsed, rel, name)
    return value or [], problems


def load_site(root: FsPath, docs_dir: str = "docs") -> tuple[SiteData, list[Problem]]:
    """Everything the pages are made of, and every problem found on the way."""
    problems: list[Problem] = []
    lists: dict[str, list[Any]] = {}
    for name in DATA_FILES:
        lists[name], found = load_data_file(root, name)
        problems += found
    news: dict[str, list[NewsPost]] = {}
    for lang in LANGUAGES:
        news[lang], found = read_news(root, docs_dir, lang)
        problems += found
    if (root / docs_dir).is_dir():
        problems += pages_without_counterpart(root, docs_dir)
    return SiteData(news=news, **lists), problems

