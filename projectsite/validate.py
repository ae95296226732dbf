"""Parsed YAML → models, every failure as a Problem with its file, line and field."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from .explain import message
from .messages import Message, say
from .problems import Path, Problem, field_path
from .rules import Finding
from .written import as_written
from .yamlfile import Parsed, duplicate_keys

# A text's own errors, which name the language key they are about.
TEXT_KEY_ERRORS = frozenset(
    {"unknown_language", "unknown_language_near", "missing_original", "empty_text", "comma_cut", "text_not_string"}
)


@cache  # building an adapter is slow; it depends on the type alone
def _adapter(tp: Any) -> TypeAdapter[Any]:
    return TypeAdapter(tp)


# Characters no page, feed or calendar can carry: C0 controls but tab and line breaks, DEL, C1, lone
# surrogates (from "\\ud800" escapes) and the non-characters U+FFFE and U+FFFF.
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def control_characters(value: Any, path: Path = ()) -> Iterator[tuple[Path, Message]]:
    """Every text (or field name) below `value` that holds an invisible control character."""
    if isinstance(value, str):
        found = CONTROL_RE.search(value)
        if found:
            yield path, say("control_character", code=f"U+{ord(found.group()):04X}")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from control_characters(key, (*path, str(key)))
            yield from control_characters(item, (*path, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from control_characters(item, (*path, index))


def _text_key(error: Any) -> Path:
    """A text's own errors (projectsite/text.py) name the language key they are about: the field and line are its."""
    ctx = error.get("ctx") or {}
    key = ctx.get("key") or ctx.get("lang")
    return (str(key),) if error["type"] in TEXT_KEY_ERRORS and key else ()


def validate_parsed(
    parsed: Parsed,
    tp: Any,
    file: str,
    root: str,
    rules: Callable[[Any], Iterable[Finding]] | None = None,
    languages: tuple[str, ...] = (),
) -> tuple[Any, list[Problem]]:
    """Validate parsed YAML against `tp`; the value is None when any error was found."""
    problems = [
        Problem(file, line + 1 + parsed.line_offset, field_path(root, path), text)
        for path, line, text in duplicate_keys(parsed.node)
    ]
    controls = [
        Problem(file, parsed.line(path), field_path(root, path), text) for path, text in control_characters(parsed.data)
    ]
    if controls:
        return None, problems + controls
    try:
        context = {"languages": languages}  # the site's languages, for its texts (projectsite/text.py)
        value = _adapter(tp).validate_python(as_written(parsed.data, parsed.node, tp), context=context)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"]) + _text_key(error)
            problems.append(Problem(file, parsed.line(loc), field_path(root, loc), message(tp, error)))
        return None, problems
    if rules is not None:
        for path, text, severity in rules(value):
            problems.append(Problem(file, parsed.line(path), field_path(root, path), text, severity))
    has_error = any(p.severity == "error" for p in problems)
    return (None if has_error else value), problems
