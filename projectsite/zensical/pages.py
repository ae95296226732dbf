"""Each language's pages as Markdown with the engine's markers filled, as the MkDocs build would show them."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from projectsite.load import SiteData
from projectsite.render import Renderer


@dataclass(frozen=True)
class LanguagePages:
    """`pages`: Markdown by path in the language's folder; `own`: the paths written in this language (and the
    event pages), not the original's pages shown in its place (mkdocs-static-i18n's fallback_to_default)."""

    lang: str
    pages: dict[str, str] = field(default_factory=dict)
    own: frozenset[str] = frozenset()


def _sources(docs: Path, lang: str) -> dict[str, Path]:
    folder = docs / lang
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*.md"))} if folder.is_dir() else {}


def language_pages(
    root: Path, docs_dir: str, data: SiteData, lang: str, site_url: str, today: dt.date
) -> LanguagePages:
    """The language's own pages, the original's where it has none, and one page per event."""
    docs = root / docs_dir
    renderer = Renderer(data, lang, today, site_url, data.settings.project)
    own = _sources(docs, lang)
    fallback = _sources(docs, data.languages.original) if lang != data.languages.original else {}
    pages: dict[str, str] = {}
    for rel, path in {**fallback, **own}.items():
        pages[rel] = renderer.fill(path.read_text(encoding="utf-8"), os.path.dirname(rel))[0]
    events = {f"events/{event.id}.md" for event in data.events}
    for event in data.events:
        pages[f"events/{event.id}.md"] = renderer.fill(f"<!-- projectsite:event:{event.id} -->\n", "events")[0]
    return LanguagePages(lang, pages, frozenset(own) | events)
