"""A site's sources as an editor wrote them, read without the engine: what its built pages must show.

The sites' tests compare the built site with these sources, so that they hold for any valid content: they name no
event, post or person of a shipped site."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

POST_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}-[a-z0-9-]+$")
FEED_LIMIT = 50  # the newest items a feed holds (projectsite/feeds.py)


class _Lenient(yaml.SafeLoader):
    """mkdocs.yml with MkDocs' tags (`!ENV`, `!relative`, python names) read as nothing."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)  # type: ignore[no-untyped-call]


def _text_loader() -> type[yaml.SafeLoader]:
    """Data files read with every scalar as written (the engine reads `14:00`, `no` and dates as text too)."""

    class AsWritten(yaml.SafeLoader):
        pass

    AsWritten.yaml_implicit_resolvers = {}
    return AsWritten


def _data(root: Path, name: str) -> list[dict[str, Any]]:
    path = root / "data" / f"{name}.yaml"
    if not path.is_file():
        return []
    items = yaml.load(path.read_text(encoding="utf-8"), Loader=_text_loader()) or []
    assert isinstance(items, list), f"{path}: not a list"
    return items


def _languages(config: dict[str, Any]) -> tuple[str, ...]:
    """The site's languages, the original (i18n's default) first."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = plugin["i18n"]["languages"]
            first = [lang["locale"] for lang in languages if lang.get("default")]
            return tuple(first + [lang["locale"] for lang in languages if not lang.get("default")])
    raise AssertionError("mkdocs.yml has no i18n plugin with languages")


def _front_matter_title(path: Path) -> str:
    parts = path.read_text(encoding="utf-8").split("---", 2)
    matter = yaml.load(parts[1], Loader=_text_loader()) if len(parts) == 3 else {}
    return " ".join(str((matter or {}).get("title", "")).split())


def _built_path(rel: str) -> str:
    """Where MkDocs writes the page `docs/LANG/REL.md` (directory URLs): `index` and `x/index` are indexes."""
    if rel == "index" or rel.endswith("/index"):
        return rel + ".html"
    return rel + "/index.html"


@dataclass(frozen=True)
class SiteSources:
    """What the editor wrote: the settings the tests need, the data, the news posts."""

    root: Path
    host: str
    languages: tuple[str, ...]
    events: list[dict[str, Any]]
    trainings: list[dict[str, Any]]
    media: list[dict[str, Any]]
    team: list[dict[str, Any]]
    publications: list[dict[str, Any]]
    posts: dict[str, dict[str, str]]  # post name -> {language: title}

    @property
    def original(self) -> str:
        return self.languages[0]

    def text(self, value: object, lang: str) -> str:
        """A text as the page in `lang` shows it: its own language, or the original (the site marks it so)."""
        if isinstance(value, dict):
            chosen = value.get(lang) or value.get(self.original) or next(iter(value.values()))
            return " ".join(str(chosen).split())
        return " ".join(str(value).split())

    def prefix(self, lang: str) -> str:
        """Where a language's pages are in the built site: the original at the root."""
        return "" if lang == self.original else f"{lang}/"

    def marker_pages(self, marker: str, lang: str) -> list[str]:
        """The built pages (paths in site/) whose source carries `<!-- projectsite:MARKER -->`."""
        found = []
        for source in sorted((self.root / "docs" / lang).rglob("*.md")):
            if f"<!-- projectsite:{marker} -->" in source.read_text(encoding="utf-8"):
                rel = source.relative_to(self.root / "docs" / lang).with_suffix("").as_posix()
                found.append(self.prefix(lang) + _built_path(rel))
        return found


def read_sources(root: Path) -> SiteSources:
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lenient) or {}
    languages = _languages(config)
    posts: dict[str, dict[str, str]] = {}
    for lang in languages:
        for path in sorted((root / "docs" / lang / "news").glob("*.md")):
            if POST_NAME.match(path.stem):
                posts.setdefault(path.stem, {})[lang] = _front_matter_title(path)
    return SiteSources(
        root=root,
        host=str(config["site_url"]).split("//", 1)[1].split("/", 1)[0],
        languages=languages,
        events=_data(root, "events"),
        trainings=_data(root, "trainings"),
        media=_data(root, "media"),
        team=_data(root, "team"),
        publications=_data(root, "publications"),
        posts=posts,
    )
