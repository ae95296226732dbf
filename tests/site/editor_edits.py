"""Random valid editor changes to a copy of a site (Hypothesis strategies): events, news posts, media and team added,
removed, reordered and edited; dates past and future; texts in one language or several.

An edit is valid as an editor's: it never removes an item that a prose page links to (that is a broken link, which
the strict build rightly refuses), and what it writes passes the data check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st
from site_sources import read_sources

from projectsite.yamlfile import parse

Edit = Callable[[Path], None]
WORDS = st.text(alphabet="abcdefghijklmnoprstuvõäöüABCDEFGHIJKLMNOPRSTUVÕÄÖÜ0123456789 -,.!?", min_size=1, max_size=40)
TITLE = WORDS.map(lambda words: " ".join(words.split()) or "Pealkiri")
SLUG = st.from_regex(r"[a-z][a-z0-9]{2,12}", fullmatch=True)
DAY = st.dates(min_value=dt.date(2021, 1, 1), max_value=dt.date(2026, 12, 31))


def _languages(root: Path) -> tuple[str, ...]:
    return read_sources(root).languages


def _text(root: Path) -> st.SearchStrategy[object]:
    """Plain words, or the original language and a subset of the others (one-language texts included)."""
    languages = _languages(root)
    per_language = st.fixed_dictionaries({languages[0]: TITLE}, optional={lang: TITLE for lang in languages[1:]})
    return st.one_of(TITLE, per_language)


def _read(root: Path, name: str) -> list[dict[str, Any]]:
    path = root / "data" / f"{name}.yaml"
    return list(parse(path.read_text(encoding="utf-8")).data or []) if path.is_file() else []


def _write(root: Path, name: str, items: list[dict[str, Any]]) -> None:
    text = yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=200) if items else "[]\n"
    (root / "data" / f"{name}.yaml").write_text(text, encoding="utf-8")


def _linked_from_pages(root: Path) -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in (root / "docs").rglob("*.md"))


def _event(root: Path) -> st.SearchStrategy[dict[str, Any]]:
    def build(
        slug: str, title: object, day: dt.date, hour: int | None, days: int, place: object | None
    ) -> dict[str, Any]:
        start = f"{day.isoformat()} {hour:02d}:00" if hour is not None else day.isoformat()
        event: dict[str, Any] = {"id": f"uus-{slug}", "title": title, "start": start}
        if days:
            event["end"] = (day + dt.timedelta(days=days)).isoformat()
        if place is not None:
            event["location"] = place
        return event

    hours = st.one_of(st.none(), st.integers(8, 18))
    places = st.one_of(st.none(), _text(root))
    return st.builds(build, SLUG, _text(root), DAY, hours, st.integers(0, 2), places)


def _list_edits(
    root: Path, name: str, new_item: st.SearchStrategy[dict[str, Any]], key: str | None
) -> st.SearchStrategy[Edit]:
    """Add, remove, reorder or retitle the items of one data file (never one that a page links to)."""
    linked = _linked_from_pages(root)

    def removable(item: dict[str, Any]) -> bool:
        return key is None or f"/{item[key]}" not in linked

    def add(item: dict[str, Any]) -> Edit:
        def apply(site: Path) -> None:
            items = _read(site, name)
            if key is None or all(other[key] != item[key] for other in items):
                _write(site, name, [*items, item])

        return apply

    def remove(index: int) -> Edit:
        def apply(site: Path) -> None:
            items = _read(site, name)
            candidates = [item for item in items if removable(item)]
            if candidates:
                chosen = candidates[index % len(candidates)]
                _write(site, name, [item for item in items if item is not chosen])

        return apply

    def reorder(seed: int) -> Edit:
        def apply(site: Path) -> None:
            items = _read(site, name)
            _write(site, name, items[seed % max(1, len(items)) :] + items[: seed % max(1, len(items))])

        return apply

    return st.one_of(new_item.map(add), st.integers(0, 1000).map(remove), st.integers(0, 1000).map(reorder))


def _retitle_event(root: Path) -> st.SearchStrategy[Edit]:
    def retitle(index: int, title: object) -> Edit:
        def apply(site: Path) -> None:
            events = _read(site, "events")
            if events:
                events[index % len(events)] = {**events[index % len(events)], "title": title}
                _write(site, "events", events)

        return apply

    return st.builds(retitle, st.integers(0, 1000), _text(root))


def _post(root: Path) -> st.SearchStrategy[Edit]:
    """A new news post in the original language, or in another, or in several."""
    languages = _languages(root)

    def add(day: dt.date, slug: str, langs: list[str], title: str) -> Edit:
        def apply(site: Path) -> None:
            for lang in langs:
                folder = site / "docs" / lang / "news"
                folder.mkdir(parents=True, exist_ok=True)
                matter = yaml.safe_dump({"date": day.isoformat(), "title": f"{title} ({lang})"}, allow_unicode=True)
                (folder / f"{day.isoformat()}-{slug}.md").write_text(
                    f"---\n{matter}---\n\n{title}.\n", encoding="utf-8"
                )

        return apply

    langs = st.lists(st.sampled_from(languages), min_size=1, max_size=len(languages), unique=True)
    return st.builds(add, DAY, SLUG, langs, TITLE)


def _remove_post(root: Path) -> st.SearchStrategy[Edit]:
    linked = _linked_from_pages(root)

    def remove(index: int) -> Edit:
        def apply(site: Path) -> None:
            names = sorted({p.stem for p in (site / "docs").glob("*/news/2*.md") if f"/{p.stem}" not in linked})
            if names:
                for path in (site / "docs").glob(f"*/news/{names[index % len(names)]}.md"):
                    path.unlink()

        return apply

    return st.integers(0, 1000).map(remove)


def editor_edits(root: Path) -> st.SearchStrategy[list[Edit]]:
    """A few random valid changes to the site at `root` (its data and news), applied in order to a copy."""
    media = st.builds(
        lambda day, title, outlet: {"date": day.isoformat(), "title": title, "outlet": outlet},
        DAY,
        _text(root),
        TITLE,
    )
    member = st.builds(
        lambda name, role, mail: {"name": name, "role": role, "email": f"{mail}@example.org"},
        TITLE,
        _text(root),
        SLUG,
    )
    kinds = [_list_edits(root, "events", _event(root), "id"), _retitle_event(root), _post(root), _remove_post(root)]
    # media and team only where the site has them (a site without them has no page to show them on)
    kinds += [_list_edits(root, "media", media, None)] if (root / "data" / "media.yaml").is_file() else []
    kinds += [_list_edits(root, "team", member, None)] if (root / "data" / "team.yaml").is_file() else []
    return st.lists(st.one_of(*kinds), min_size=1, max_size=4)
