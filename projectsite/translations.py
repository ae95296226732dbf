"""What lacks English: texts in the data without `en:`, pages in docs/et/ without docs/en/ (and back)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path as FsPath
from typing import Any

from pydantic import BaseModel

from .messages import Message, count, say
from .problems import Path, Problem, field_path
from .text import Text
from .yamlfile import Parsed


def untranslated(value: Any, path: Path = ()) -> Iterator[Path]:
    """The paths of every Text below `value` that has Estonian only."""
    if isinstance(value, Text):
        if not value.has("en"):
            yield path
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from untranslated(getattr(value, name), (*path, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from untranslated(item, (*path, index))


def data_without_english(items: list[Any], parsed: Parsed, file: str, root: str) -> list[Problem]:
    return [
        Problem(file, parsed.line(path), field_path(root, path), say("no_english"), "warning", "translation")
        for path in untranslated(items)
    ]


def pages_without_counterpart(root: FsPath, docs_dir: str) -> list[Problem]:
    """Pages that exist in one language only (line 1 of the page that is there)."""
    docs = root / docs_dir
    pages = {
        lang: {p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")} for lang in ("et", "en")
    }
    problems = []
    for lang, other, key in (("et", "en", "page_no_english"), ("en", "et", "page_no_estonian")):
        for rel in sorted(pages[lang] - pages[other]):
            problems.append(
                Problem(
                    f"{docs_dir}/{lang}/{rel}",
                    1,
                    "",
                    say(key, other=f"{docs_dir}/{other}/{rel}"),
                    "warning",
                    "translation",
                )
            )
    return problems


def summary(problems: list[Problem]) -> Message | None:
    """'3 events, 1 page without English.' An entry counts once, however many of its texts lack English."""
    entries: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    for problem in problems:
        if problem.category != "translation":
            continue
        if problem.file.startswith("data/"):
            name = problem.file[5:].removesuffix(".yaml")
            entry = (name, problem.field.split("]", 1)[0])
            if entry not in seen:
                seen.add(entry)
                entries[name] += 1
        else:
            entries["pages"] += 1
    if not entries:
        return None
    return say("untranslated", parts=tuple(count(n, name) for name, n in entries.items()))
