"""What lacks English: texts in the data without `en:`, pages in docs/et/ without docs/en/ (and back)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path as FsPath
from typing import Any

from pydantic import BaseModel

from .languages import Languages
from .messages import LanguageName, Message, count, say
from .problems import Path, Problem, field_path
from .text import Text
from .yamlfile import Parsed


def untranslated(value: Any, languages: Languages, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Every Text below `value` that lacks a translation: its path and the first language it lacks."""
    if isinstance(value, Text):
        missing = [lang for lang in languages.codes[1:] if not value.has(lang)]
        if missing:
            yield path, missing[0]
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from untranslated(getattr(value, name), languages, (*path, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from untranslated(item, languages, (*path, index))


def data_without_translation(
    items: list[Any], parsed: Parsed, file: str, root: str, languages: Languages
) -> list[Problem]:
    """A warning for every text without a translation into one of the site's other languages."""
    return [
        Problem(
            file,
            parsed.line(path),
            field_path(root, path),
            say("no_translation", code=lang, language=LanguageName(lang), original=LanguageName(languages.original)),
            "warning",
            "translation",
        )
        for path, lang in untranslated(items, languages)
    ]


def pages_without_counterpart(root: FsPath, docs_dir: str, languages: Languages) -> list[Problem]:
    """Pages that are missing in another language (line 1 of the page that is there)."""
    docs = root / docs_dir
    pages = {lang: {p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")} for lang in languages}
    problems = []
    for lang in languages:
        for other in languages.others(lang):
            for rel in sorted(pages[lang] - pages[other]):
                message = say("page_no_translation", other=f"{docs_dir}/{other}/{rel}", language=LanguageName(other))
                problems.append(Problem(f"{docs_dir}/{lang}/{rel}", 1, "", message, "warning", "translation"))
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
