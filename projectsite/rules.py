"""Rules between fields and between entries, checked on validated models: (path, message, severity)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from .dates import aware, day_of, zone
from .messages import Message, say
from .models import Event, Training
from .problems import Path, Severity

Finding = tuple[Path, Message, Severity]


def _iso(when: Any) -> str:
    return str(when.isoformat(sep=" ", timespec="minutes") if hasattr(when, "hour") else when.isoformat())


def duplicate_ids(items: Sequence[Any], root: str, prefix: Path = ()) -> Iterator[Finding]:
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        if item.id in first:
            yield (*prefix, index, "id"), say("duplicate_id", id=item.id, other=f"{root}[{first[item.id]}]"), "error"
        first.setdefault(item.id, index)


def local_time(when: Any, path: Path) -> Iterator[Finding]:
    """A wall-clock time of the site's time zone that the spring-forward night skips (error) or the autumn night repeats (warning)."""
    if not isinstance(when, dt.datetime):
        return
    first, second = when.replace(tzinfo=zone(), fold=0), when.replace(tzinfo=zone(), fold=1)
    if first.utcoffset() == second.utcoffset():
        return
    shift = abs((second.utcoffset() or dt.timedelta()) - (first.utcoffset() or dt.timedelta()))
    hour = when.replace(minute=0)  # the zones' clocks change on the hour
    words = {"zone": zone().key, "before": f"{hour:%H:%M}", "after": f"{hour + shift:%H:%M}"}
    if first.astimezone(dt.UTC).astimezone(zone()).replace(tzinfo=None) != when:
        yield path, say("time_nonexistent", value=_iso(when), **words), "error"
    else:
        yield path, say("time_ambiguous", value=_iso(when), **words), "warning"


def _date_not_known(event: Event, i: int) -> Iterator[Finding]:
    """An event without a start has no end either, and `year` is only for an event without a start."""
    if event.start is None and event.end is not None:
        yield (i, "end"), say("end_without_start"), "error"
    if event.start is not None and event.year is not None:
        yield (i, "year"), say("year_with_start"), "error"


def event_rules(events: Sequence[Event]) -> Iterator[Finding]:
    yield from duplicate_ids(events, "events")
    for i, event in enumerate(events):
        yield from local_time(event.start, (i, "start"))
        yield from local_time(event.end, (i, "end"))
        yield from local_time(event.previous_start, (i, "previous_start"))
        if event.registration is not None:
            yield from local_time(event.registration.deadline, (i, "registration", "deadline"))
        yield from _date_not_known(event, i)
        if event.end is not None and event.start is not None and aware(event.end, end_of_day=True) < aware(event.start):
            yield (i, "end"), say("ends_before", end=_iso(event.end), start=_iso(event.start)), "error"
        if event.previous_start is not None and event.status != "postponed":
            yield (i, "previous_start"), say("previous_start_not_postponed"), "error"
        deadline = event.registration.deadline if event.registration else None
        if deadline is not None and event.start is not None and day_of(deadline) > day_of(event.start):
            yield (
                (i, "registration", "deadline"),
                say("deadline_after", deadline=_iso(deadline), start=_iso(event.start)),
                "error",
            )


def training_rules(trainings: Sequence[Training]) -> Iterator[Finding]:
    yield from duplicate_ids(trainings, "trainings")
    for i, training in enumerate(trainings):
        period = training.period
        if period.end < period.start:
            yield (i, "period", "end"), say("ends_before", end=period.end, start=period.start), "error"
        yield from duplicate_ids(training.modules, f"trainings[{i}].modules", (i, "modules"))
        for j, module in enumerate(training.modules):
            if not period.start <= module.date <= period.end:
                yield (
                    (i, "modules", j, "date"),
                    say("module_outside", date=module.date, start=period.start, end=period.end),
                    "warning",
                )


RULES: dict[str, Callable[[Any], Iterable[Finding]]] = {"events": event_rules, "trainings": training_rules}
