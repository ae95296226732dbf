"""The project's own period (`extra.project` in mkdocs.yml) and what follows from it: ended or not."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .dates import day_of
from .models import Event, Period, Strict
from .text import Text


class ProjectSettings(Strict):
    """`extra.project`: the period, the results the home page shows once it has ended, and the list's fate."""

    period: Period
    results: tuple[Text, ...] = ()
    list_after_end: Text | None = None


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may carry MkDocs' own tags (!ENV, !relative): read them as plain values."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)  # type: ignore[no-untyped-call]


def site_extra(root: Path) -> dict[str, Any]:
    """`extra` of the project's mkdocs.yml, or {} when there is none."""
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError):
        return {}
    extra = config.get("extra") if isinstance(config, dict) else None
    return extra if isinstance(extra, dict) else {}


def project_settings(extra: Mapping[str, Any]) -> ProjectSettings | None:
    """The settings, or None when `extra.project` is missing or not valid (the site then ignores the period)."""
    raw = extra.get("project")
    if not raw:
        return None
    try:
        return ProjectSettings.model_validate(raw)
    except ValidationError:
        return None


def has_ended(project: ProjectSettings | None, today: dt.date) -> bool:
    return project is not None and today > project.period.end


def events_outside(events: Sequence[Event], period: Period) -> list[tuple[int, Event]]:
    """The events (with their index in data/events.yaml) that start or end outside the project's period."""
    return [
        (i, e)
        for i, e in enumerate(events)
        if e.start is not None  # an event whose date is not known yet: nothing to compare
        and (not period.start <= day_of(e.start) <= period.end or (e.end is not None and day_of(e.end) > period.end))
    ]
