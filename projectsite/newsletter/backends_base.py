"""What backends raise, in plain words: one that cannot be used, a failure of the service after which
nothing is lost (a run again goes on where it stopped), and the lasting refusal of one address."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from ..messages import Message

T = TypeVar("T")
RETRIES = 4
BACKOFF = 0.2  # seconds before the first retry, doubled each time; PROJECTSITE_BACKOFF replaces it (tests)
DEADLINE = 30.0  # seconds one network call may take in all, retries included; PROJECTSITE_DEADLINE replaces it


class BackendFailure(Exception):
    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


class BackendUnavailable(Exception):
    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


class Passing(Exception):
    """A failure worth another try: throttling, the service's own failure, a dropped connection. `detail`: the
    failure in the service's or the system's own words (for a message of its own, such as a deadline's)."""

    def __init__(self, message: Message, detail: str = ""):
        self.message = message
        self.detail = detail or str(message)
        super().__init__(str(message))


class Refused(Exception):
    """A lasting refusal of one recipient (a 5xx to RCPT, an address the server can't take): the others go on."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


class PassingRecipient(Passing):
    """A passing refusal of one recipient (4xx to RCPT): tried again, and if it lasts, that recipient is Deferred."""


class Deferred(Exception):
    """One recipient whose server keeps saying 'later': the others go on, and a run again tries this one again."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


@dataclass(frozen=True)
class Refusal:
    email: str
    reason: Message


@dataclass(frozen=True)
class SendResult:
    """How many have the message (this run and earlier ones), who was refused in this run, and who was deferred
    (a run again tries them)."""

    count: int
    refused: tuple[Refusal, ...] = ()
    deferred: tuple[Refusal, ...] = ()


def backoff() -> float:
    try:
        return max(0.0, float(os.environ.get("PROJECTSITE_BACKOFF") or BACKOFF))
    except ValueError:
        return BACKOFF


def total_deadline() -> float:
    """The seconds one network call may take in all: DEADLINE, or PROJECTSITE_DEADLINE when it is a positive number."""
    try:
        seconds = float(os.environ.get("PROJECTSITE_DEADLINE") or DEADLINE)
    except ValueError:
        return DEADLINE
    return seconds if 0 < seconds < float("inf") else DEADLINE


@dataclass(frozen=True)
class Deadline:
    """The moment by which a network call, retries included, is given up."""

    seconds: float
    end: float

    @classmethod
    def start(cls) -> Deadline:
        seconds = total_deadline()
        return cls(seconds, time.monotonic() + seconds)

    def left(self) -> float:
        """The seconds left (never quite zero: a socket's time-out of 0 would mean 'do not wait at all')."""
        return max(0.001, self.end - time.monotonic())

    def passed(self) -> bool:
        return time.monotonic() >= self.end


def retrying(
    action: Callable[[], T], deadline: Deadline | None = None, late: Callable[[Passing], Message] | None = None
) -> T:
    """Runs `action`; a Passing failure is tried again with backoff, then given up as a BackendFailure.
    With a `deadline`, no try starts once it has passed and no wait runs past it: the failure is then
    `late(last failure)`. A recipient's passing refusal that lasts is Deferred. Any other failure (a BackendFailure
    first of all) goes straight through."""
    first_wait = backoff()
    for attempt in range(RETRIES + 1):
        try:
            return action()
        except Passing as failure:
            last = failure
        wait = first_wait * 2**attempt
        if isinstance(last, PassingRecipient) and (attempt == RETRIES or (deadline and wait >= deadline.left())):
            raise Deferred(last.message)
        if deadline is not None and (deadline.passed() or wait >= deadline.left()):
            raise BackendFailure(late(last) if late else last.message)
        if attempt < RETRIES:
            time.sleep(wait)
    raise BackendFailure(last.message)
