"""What backends raise, in plain words: one that cannot be used, and a failure of the service after which
nothing is lost (a run again goes on where it stopped)."""
from __future__ import annotations

from ..messages import Message


class BackendFailure(Exception):
    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


class BackendUnavailable(Exception):
    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))
