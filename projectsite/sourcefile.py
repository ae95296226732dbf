"""Reading a file the editor wrote: a folder, a special file, an unreadable, huge or non-UTF-8 one is a message."""

from __future__ import annotations

import stat
from pathlib import Path as FsPath

from .messages import Message, say

MAX_BYTES = 10_000_000  # the shipped data is a few kilobytes; the ×100 benchmark's events.yaml 2.7 MB


class UnreadableFile(Exception):
    def __init__(self, message: Message, line: int | None = None):
        self.message, self.line = message, line
        super().__init__(str(message))


def read_source(path: FsPath, within: FsPath) -> str:
    """The file's text; raises UnreadableFile with plain words for anything that is not a UTF-8 text file
    inside the folder `within` (a link out of the project could otherwise print a secret into a build log)."""
    try:
        info = path.stat()
        real, project = path.resolve(), within.resolve()
        outside = not real.is_relative_to(project) or real.is_relative_to(project / ".git")
    except (OSError, RuntimeError):
        raise UnreadableFile(say("file_unreadable")) from None
    if outside:
        raise UnreadableFile(say("file_outside"))
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFile(say("file_is_folder"))
    if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
        raise UnreadableFile(say("file_not_regular"))
    if info.st_size > MAX_BYTES:
        raise UnreadableFile(say("file_too_big", size=info.st_size // 1_000_000, limit=MAX_BYTES // 1_000_000))
    try:
        data = path.read_bytes()
    except OSError:
        raise UnreadableFile(say("file_unreadable")) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UnreadableFile(say("not_utf8"), line) from None
