"""The local state in outbox/ when it is not what it should be: a corrupt, empty or damaged database, a folder in
a file's place, another program's database, `outbox` a file. Every command answers with a message that names
the file and says what to do (exit 2, never a traceback) and leaves the file exactly as it was."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from newsletter_cli import make_root, newsletter

COMMANDS = [
    ("status",),
    ("unsubscribe", "mari@example.ee"),
    ("subscribe", "mari@example.ee"),
    ("confirm",),
    ("sync", "readers.csv"),
]


def corrupt(path: Path) -> None:
    path.write_bytes(os.urandom(4096))


def empty(path: Path) -> None:
    path.write_bytes(b"")


def folder(path: Path) -> None:
    (path / "inside").mkdir(parents=True)


def foreign(path: Path) -> None:
    db = sqlite3.connect(path)
    with db:
        db.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        db.execute("INSERT INTO moz_places (url) VALUES ('https://example.org/')")
    db.close()


def foreign_members(path: Path) -> None:
    """Another program's table that happens to share our table's name."""
    db = sqlite3.connect(path)
    with db:
        db.execute("CREATE TABLE members (id INTEGER PRIMARY KEY, nickname TEXT)")
    db.close()


def damaged(path: Path) -> None:
    """Our own database, whole at first, with a page in its middle overwritten."""
    db = sqlite3.connect(path)
    with db:
        db.execute("CREATE TABLE members (email TEXT PRIMARY KEY, name TEXT, language TEXT, status TEXT, tags TEXT)")
        db.executemany(
            "INSERT INTO members VALUES (?, '', 'et', 'unsubscribed', '')", [(f"a{i}@x.ee",) for i in range(3000)]
        )
    db.close()
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle : middle + 4096] = b"\xff" * 4096
    path.write_bytes(bytes(data))


SPOILERS: dict[str, tuple[Callable[[Path], None], str]] = {
    "corrupt": (corrupt, "{file} is damaged (file is not a database); nothing was changed"),
    "empty": (empty, "{file} is empty (0 bytes): who unsubscribed and what was sent may have been lost"),
    "folder": (folder, "{file} is a folder, not the newsletter's file; nothing was changed"),
    "foreign": (foreign, "{file} is another program's database (tables: moz_places), not the newsletter's"),
    "foreign_members": (foreign_members, "{file} is another program's database (tables: members)"),
    "damaged": (damaged, "{file} is damaged ("),
}


def snapshot(path: Path) -> dict[str, bytes]:
    """Every file under `path` (or the file itself) with its bytes."""
    if path.is_file():
        return {path.name: path.read_bytes()}
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = make_root(tmp_path)
    (root / "readers.csv").write_text("email,consent_at\nmari@example.ee,2024-01-01T10:00\n", encoding="utf-8")
    (root / "outbox").mkdir()
    return root


@pytest.mark.parametrize("name", ["audience.sqlite", "deliveries.sqlite"])
@pytest.mark.parametrize("spoil", list(SPOILERS))
@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_a_spoilt_state_file_is_a_message_and_is_left_as_it_was(
    root: Path, name: str, spoil: str, command: tuple[str, ...]
) -> None:
    path = root / "outbox" / name
    make, words = SPOILERS[spoil]
    make(path)
    before = snapshot(path)
    args = [str(root / a) if a.endswith(".csv") else a for a in command]
    result = newsletter(root, *args)
    assert result.returncode == 2 and result.stderr == "", result.stdout + result.stderr
    assert result.stdout.startswith(words.format(file=f"outbox/{name}")), result.stdout
    assert snapshot(path) == before


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_an_outbox_that_is_a_file_is_a_message_and_is_kept(root: Path, command: tuple[str, ...]) -> None:
    (root / "outbox").rmdir()
    (root / "outbox").write_text("my notes\n", encoding="utf-8")
    args = [str(root / a) if a.endswith(".csv") else a for a in command]
    result = newsletter(root, *args)
    assert result.returncode == 2 and result.stderr == "", result.stdout + result.stderr
    assert result.stdout.startswith("outbox is a file, not a folder: the newsletter keeps its local state")
    assert (root / "outbox").read_text(encoding="utf-8") == "my notes\n"


def test_a_lock_file_that_is_a_folder_is_a_message(root: Path) -> None:
    (root / "outbox" / "send.lock").mkdir()
    result = newsletter(root, "unsubscribe", "mari@example.ee")
    assert result.returncode == 2 and result.stderr == ""
    assert result.stdout.startswith("outbox/send.lock is a folder, not the newsletter's file")


def test_a_new_state_file_is_made_whole_and_leaves_no_temporary_file(root: Path) -> None:
    assert newsletter(root, "unsubscribe", "mari@example.ee").returncode == 0
    names = {p.name for p in (root / "outbox").iterdir()}
    assert {"audience.sqlite", "deliveries.sqlite", "send.lock"} <= names
    assert not [n for n in names if n.startswith(".") or n.endswith(".new")]
    again = newsletter(root, "status")
    assert again.returncode == 0 and "unsubscribed, : 1" in again.stdout


def test_a_lock_file_that_is_a_symbolic_link_is_refused_and_its_target_kept(root: Path) -> None:
    target = root / "mkdocs.yml"
    before = target.read_bytes()
    (root / "outbox" / "send.lock").symlink_to(target)
    result = newsletter(root, "unsubscribe", "mari@example.ee")
    assert result.returncode == 2 and result.stdout.startswith("outbox/send.lock cannot be opened (")
    assert target.read_bytes() == before


@pytest.mark.parametrize("name", ["audience.sqlite", "deliveries.sqlite"])
def test_a_state_file_that_is_a_symbolic_link_is_refused_and_nothing_made_where_it_points(
    root: Path, name: str
) -> None:
    target = root / "elsewhere.sqlite"
    (root / "outbox" / name).symlink_to(target)
    result = newsletter(root, "unsubscribe", "mari@example.ee")
    assert result.returncode == 2 and result.stdout.startswith(f"outbox/{name} cannot be opened (a symbolic link)")
    assert not target.exists()
