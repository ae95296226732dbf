"""What backends raise, in plain words: one that cannot be used, and a failure of the service after which
nothing is lost (a run again goes on where it stopped)."""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from ..messages import Message

T = TypeVar("T")
RETRIES = 4


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


def retrying(action: Callable[[], T]) -> T:
    """Runs `action`; a Passing failure is tried again with backoff, then given up as a BackendFailure.
    Any other failure (a BackendFailure first of all) goes straight through."""
    for attempt in range(RETRIES + 1):
        try:
            return action()
        except Passing as failure:
            last = failure
        if attempt < RETRIES:
            time.sleep(0.2 * 2 ** attempt)
    raise BackendFailure(last.message)
