"""What follows from the project's period (`extra.project.period` in mkdocs.yml): ended or not, events outside it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .dates import day_of
from .models import Event, Period

if TYPE_CHECKING:
    from .settings import ProjectSettings


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
