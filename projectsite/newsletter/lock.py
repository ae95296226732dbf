"""The audience's lock: one command at a time that changes the audience, the send log or sends, per project.

`announce`, `sync`, `unsubscribe`, `subscribe` and `confirm` (all but their dry runs, which change nothing)
take an advisory lock (fcntl.flock) on outbox/send.lock without waiting: a second one refuses at once,
naming the command that holds it and its process id, and changes nothing. So an unsubscribe can never land
in the middle of a sync and be undone by it, and two `confirm` runs never ask anyone twice. The kernel
releases the lock when the holder exits, even when it is killed, so a crash never leaves it stuck. The file
itself stays; only the lock on it matters. It is local: two machines working on one Mailchimp audience
are not kept apart by it.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from ..messages import say
from .backends_base import BackendUnavailable
from .state import StateUnreadable, shown, state_folder

LOCK = Path("outbox") / "send.lock"
SENDING = frozenset({"announce"})  # the commands whose refusal says "nothing was sent"


def _holder(handle: IO[str]) -> tuple[str, str]:
    """The process id and command written by the holder ('?' when unknown: a lock file of an older version)."""
    handle.seek(0)
    words = handle.read(200).split()
    return (words[0] if words else "?"), (words[1] if len(words) > 1 else "announce")


def _open(path: Path) -> IO[str]:
    state_folder(path.parent)
    if path.is_dir():
        raise StateUnreadable(say("nl_state_is_folder", file=shown(path)))
    try:  # never through a symbolic link: the lock file is truncated, and must be ours alone
        return os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644), "r+", encoding="utf-8")
    except OSError as error:
        raise StateUnreadable(
            say("nl_state_unreadable", file=shown(path), error=error.strerror or str(error))
        ) from None


@contextmanager
def audience_lock(root: Path, command: str) -> Iterator[None]:
    """Held for the whole of `command`; BackendUnavailable at once when another command holds it."""
    with _open(root / LOCK) as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid, other = _holder(handle)
            key = "nl_busy" if command in SENDING else "nl_busy_changed"
            raise BackendUnavailable(say(key, command=other, lock=str(LOCK), pid=pid)) from None
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()} {command}\n")
            handle.flush()
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
