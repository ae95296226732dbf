"""The send lock: one `announce` at a time for the project's send log and every audience it names.

An advisory lock (fcntl.flock) on outbox/send.lock, taken without waiting: a second run refuses at once
with the holder's process id instead of sending. The kernel releases it when the holder exits, even when
it is killed, so a crash never leaves it stuck. The file itself stays; only the lock on it matters.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..messages import say
from .backends_base import BackendUnavailable

LOCK = Path("outbox") / "send.lock"


@contextmanager
def send_lock(root: Path) -> Iterator[None]:
    path = root / LOCK
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            raise BackendUnavailable(say("nl_busy", lock=str(LOCK), pid=holder)) from None
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()}\n")
            handle.flush()
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
