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


class BackendFailure(Exception):
    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


class BackendUnavailable(Exception):
    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


class Passing(Exception):
    """A failure worth another try: throttling, the service's own failure, a dropped connection."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


class Refused(Exception):
    """A lasting refusal of one recipient (a 5xx to RCPT, an address the server can't take): the others go on."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


@dataclass(frozen=True)
class Refusal:
    email: str
    reason: Message


@dataclass(frozen=True)
class SendResult:
    """How many have the message (this run and earlier ones), and who was refused in this run."""

    count: int
    refused: tuple[Refusal, ...] = ()


def backoff() -> float:
    try:
        return max(0.0, float(os.environ.get("PROJECTSITE_BACKOFF") or BACKOFF))
    except ValueError:
        return BACKOFF


def retrying(action: Callable[[], T]) -> T:
    """Runs `action`; a Passing failure is tried again with backoff, then given up as a BackendFailure.
    Any other failure (a BackendFailure first of all) goes straight through."""
    first_wait = backoff()
    for attempt in range(RETRIES + 1):
        try:
            return action()
        except Passing as failure:
            last = failure
        if attempt < RETRIES:
            time.sleep(first_wait * 2**attempt)
    raise BackendFailure(last.message)
