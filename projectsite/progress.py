"""Progress of long work: a bar on a terminal (rich), a few plain lines when the output is a log, nothing when
asked to be quiet. Both go to standard error, so that the report on standard output stays as it was."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

Advance = Callable[[int], None]
Steps = Callable[[int], AbstractContextManager[Advance]]  # a progress display for so many items
SMALLEST = 1000  # a run of fewer items is over before a log line would help
STEPS = 10  # plain lines: one each tenth of the way


def _nothing(n: int) -> None:
    pass


class _Lines:
    """'sync: 30000/100000 (30 %)', once each tenth of the way."""

    def __init__(self, label: str, total: int, stream: TextIO):
        self.label, self.total, self.stream = label, total, stream
        self.done = self.shown = 0

    def __call__(self, n: int) -> None:
        self.done += n
        step = self.done * STEPS // self.total
        if step > self.shown:
            self.shown = step
            print(
                f"{self.label}: {self.done}/{self.total} ({self.done * 100 // self.total} %)",
                file=self.stream,
                flush=True,
            )


@contextmanager
def progress(label: str, total: int, *, quiet: bool = False, stream: TextIO | None = None) -> Iterator[Advance]:
    """A function to call with the number of items just done."""
    out = stream or sys.stderr
    if quiet or total <= 0:
        yield _nothing
    elif out.isatty():
        with Progress(
            TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=Console(file=out)
        ) as bar:
            task = bar.add_task(label, total=total)
            yield lambda n: bar.advance(task, n)
    elif total >= SMALLEST:
        yield _Lines(label, total, out)
    else:
        yield _nothing


@contextmanager
def no_progress(total: int) -> Iterator[Advance]:
    """No display: for callers that were given none."""
    yield _nothing
