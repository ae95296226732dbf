"""The newsletter's local state in outbox/ (the audience, the deliveries, the lock), opened only when it is
what it should be.

Each file is checked before anything is written to it: `outbox` must be a folder, a database file a file,
not empty, readable by SQLite, whole (`PRAGMA quick_check`) and either new or ours (no table of another
program, our tables with our columns). Anything else is a StateUnreadable with a message that names the
file and says what to do; the file is left exactly as it was, so nothing is lost or overwritten.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from pathlib import Path

from ..messages import Message, say
from .backends_base import BackendUnavailable


class StateUnreadable(BackendUnavailable):
    """A local state file that is not the newsletter's, or not whole: nothing was changed."""


def shown(path: Path) -> str:
    """The path as the editor knows it: from the outbox folder on ('outbox/audience.sqlite')."""
    parts = path.parts
    return str(Path(*parts[parts.index("outbox") :])) if "outbox" in parts else str(path)


def state_folder(folder: Path) -> None:
    """Makes the outbox folder when it is missing; StateUnreadable when a file (or anything else) is in its way."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise StateUnreadable(say("nl_state_not_folder", folder=shown(folder))) from None
    except OSError as error:
        raise StateUnreadable(
            say("nl_state_unreadable", file=shown(folder), error=error.strerror or str(error))
        ) from None


def _refusal(path: Path) -> Message | None:
    """What is wrong with the file before SQLite opens it, if anything."""
    if path.is_symlink():  # SQLite would follow it, and create or write whatever it points to
        return say("nl_state_unreadable", file=shown(path), error="a symbolic link")
    if path.is_dir():
        return say("nl_state_is_folder", file=shown(path))
    if path.exists() and not path.is_file():
        return say("nl_state_unreadable", file=shown(path), error="not a regular file")
    if path.is_file() and path.stat().st_size == 0:
        return say("nl_state_empty", file=shown(path))
    return None


def _check(db: sqlite3.Connection, path: Path, tables: dict[str, set[str]]) -> None:
    """Whole, and ours: every table one of `tables`, each with at least the columns given."""
    verdict = db.execute("PRAGMA quick_check").fetchone()
    if verdict is None or verdict[0] != "ok":
        raise sqlite3.DatabaseError(str(verdict[0] if verdict else "no answer to a check"))
    found = [
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite^_%' ESCAPE '^'"
        )
    ]
    for name in found:
        columns = {row[1] for row in db.execute(f"PRAGMA table_info('{name.replace(chr(39), '')}')")}
        if name not in tables or not tables[name] <= columns:
            raise StateUnreadable(say("nl_state_foreign", file=shown(path), tables=", ".join(sorted(found))))


def _create(path: Path, schema: str) -> None:
    """A new database with its schema, put in place in one step (a link that never replaces a file): another
    process never finds it empty, and a file that appeared meanwhile is kept."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    os.close(handle)
    try:
        db = sqlite3.connect(temporary)
        with db:
            db.execute(schema)
        db.close()
        with contextlib.suppress(FileExistsError):  # made meanwhile by another process: theirs is kept
            os.link(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def open_database(path: Path, tables: dict[str, set[str]], schema: str, timeout: float = 5.0) -> sqlite3.Connection:
    """The database at `path` (made with `schema` when there is none), checked to be whole and ours."""
    state_folder(path.parent)
    refusal = _refusal(path)
    if refusal is not None:
        raise StateUnreadable(refusal)
    if not path.exists():
        try:
            _create(path, schema)
        except (OSError, sqlite3.Error) as error:
            raise StateUnreadable(say("nl_state_unreadable", file=shown(path), error=str(error))) from None
    try:
        db = sqlite3.connect(path, timeout=timeout)
    except sqlite3.Error as error:
        raise StateUnreadable(say("nl_state_unreadable", file=shown(path), error=str(error))) from None
    try:
        _check(db, path, tables)
    except sqlite3.Error as error:
        db.close()
        raise StateUnreadable(say("nl_state_damaged", file=shown(path), error=str(error))) from None
    except StateUnreadable:
        db.close()
        raise
    return db
