"""Parsed YAML → models, every failure as a Problem with its file, line and field."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from .explain import message
from .problems import Problem, field_path
from .rules import Finding
from .yamlfile import Parsed, duplicate_keys

@cache  # building an adapter is slow; it depends on the type alone
def _adapter(tp: Any) -> TypeAdapter[Any]:
    return TypeAdapter(tp)


def validate_parsed(parsed: Parsed, tp: Any, file: str, root: str,
                    rules: Callable[[Any], Iterable[Finding]] | None = None) -> tuple[Any, list[Problem]]:
    """Validate parsed YAML against `tp`; the value is None when any error was found."""
    problems = [Problem(file, line + 1 + parsed.line_offset, field_path(root, path), text)
                for path, line, text in duplicate_keys(parsed.node)]
    try:
        value = _adapter(tp).validate_python(parsed.data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            problems.append(Problem(file, parsed.line(loc), field_path(root, loc), message(tp, error)))
        return None, problems
    if rules is not None:
        for path, text, severity in rules(value):
            problems.append(Problem(file, parsed.line(path), field_path(root, path), text, severity))
    has_error = any(p.severity == "error" for p in problems)
    return (None if has_error else value), problems
