"""The spreadsheet people have: Excel's delimiters and encodings read; every file that can't be used is a message
and a non-zero exit, never a traceback, and changes nothing."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from newsletter_cli import make_root, newsletter, statuses

from projectsite.newsletter import csvfile

PEOPLE = "email{d}name{d}language{d}consent_at\nmari@example.ee{d}Mari{d}et{d}2024-01-05T10:00\njohn@example.com{d}John{d}en{d}\n"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_root(tmp_path)


def write(root: Path, name: str, data: bytes) -> str:
    (root / name).write_bytes(data)
    return str(root / name)


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_each_delimiter_excel_writes_is_read(root: Path, delimiter: str) -> None:
    result = newsletter(root, "sync", write(root, "s.csv", PEOPLE.format(d=delimiter).encode()))
    assert result.returncode == 0, result.stdout
    assert statuses(root) == {"mari@example.ee": "subscribed", "john@example.com": "pending"}


@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-8", ""), ("utf-8-sig", ""), ("utf-16", ""), ("utf-16-be", "\ufeff")]
)
def test_utf_8_with_or_without_bom_and_excels_unicode_text_are_read_silently(
    root: Path, encoding: str, bom: str
) -> None:
    text = bom + "email\tname\nmõnu@example.ee\tMõnu\n"
    result = newsletter(root, "sync", write(root, "s.csv", text.encode(encoding)))
    assert result.returncode == 0 and "warning" not in result.stdout
    assert statuses(root) == {"mõnu@example.ee": "pending"}


def test_windows_1257_is_read_with_a_note(root: Path) -> None:
    result = newsletter(root, "sync", write(root, "s.csv", "email;name\nmõnu@example.ee;Šõti\n".encode("cp1257")))
    assert result.returncode == 0
    assert result.stdout.startswith("s.csv: warning: the file is not UTF-8: it was read as windows-1257;")
    assert statuses(root) == {"mõnu@example.ee": "pending"}


def test_a_file_in_no_known_encoding_says_how_to_save_it(root: Path) -> None:
    result = newsletter(root, "sync", write(root, "s.csv", b"email\nx@example.ee\x81\x8a\n"))
    assert result.returncode == 1 and "save it with 'Save as', type 'CSV UTF-8'" in result.stdout
    assert "Traceback" not in result.stderr and not (root / "outbox").exists()


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda root: str(root / "missing.csv"), "there is no such file"),
        (lambda root: str(root), "this is a folder, not a file"),
        (lambda root: write(root, "s.csv", b""), "the file is empty"),
        (
            lambda root: write(root, "s.csv", b"name,language\nMari,et\n"),
            "the first line has no 'email' column (name,language)",
        ),
        (
            lambda root: write(root, "s.csv", b"email\nbad-address\nx@y\n"),
            "s.csv: no row could be used, so nothing was changed",
        ),
        (
            lambda root: write(root, "s.csv", b'email,name\nx@example.ee,"' + b"a" * 200_000 + b"\n"),
            "s.csv:2: a field here is longer than 131072 characters",
        ),
    ],
)
def test_a_file_that_cant_be_used_is_a_message_and_exit_1(root: Path, make: Callable[[Path], str], words: str) -> None:
    result = newsletter(root, "sync", make(root))
    assert result.returncode == 1 and words in result.stdout, result.stdout + result.stderr
    assert result.stderr == "" and not (root / "outbox").exists()


def test_a_file_over_the_size_limit_is_a_message_and_nothing_is_read(root: Path) -> None:
    path = root / "huge.csv"
    path.write_bytes(b"email\n")
    os.truncate(path, csvfile.LARGEST + 1)  # sparse: no 64 MB written
    result = newsletter(root, "sync", str(path))
    assert result.returncode == 1 and "larger than 64 MB" in result.stdout, result.stdout + result.stderr
    assert not (root / "outbox").exists()


def test_a_file_of_exactly_the_size_limit_is_read(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = PEOPLE.format(d=",").encode()
    monkeypatch.setattr(csvfile, "LARGEST", len(data))
    result = newsletter(root, "sync", write(root, "s.csv", data))
    assert result.returncode == 0, result.stdout
    assert statuses(root) == {"mari@example.ee": "subscribed", "john@example.com": "pending"}


def test_an_unreadable_file_is_a_message(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(root, "s.csv", PEOPLE.format(d=",").encode())
    if os.geteuid() == 0:
        # The kernel lets root read a file of mode 000, so the refusal it gives everyone else is staged here.
        refuse = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self.name == "s.csv":
                raise PermissionError(13, "Permission denied")
            return refuse(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    Path(path).chmod(0)
    try:
        result = newsletter(root, "sync", path)
    finally:
        Path(path).chmod(0o644)
    assert result.returncode == 1 and "the file cannot be read" in result.stdout, result.stdout + result.stderr
    assert "Permission denied" in result.stdout and result.stderr == ""


def test_a_very_long_name_is_a_message_on_its_row_and_the_rest_is_read(root: Path) -> None:
    result = newsletter(
        root, "sync", write(root, "s.csv", b"email,name\na@example.ee," + b"n" * 5000 + b"\nb@example.ee,B\n")
    )
    assert (
        result.returncode == 0
        and "s.csv:2: name: 'nnnn" in result.stdout
        and "is too long: at most 200" in result.stdout
    )
    assert statuses(root) == {"b@example.ee": "pending"}


def test_a_hundred_thousand_rows_all_go_into_an_empty_audience(root: Path) -> None:
    """How long it takes is a figure of `make bench` (scripts/bench_newsletter.py), not a test."""
    rows = "".join(f"person{i}@example.ee,P{i},{'et' if i % 3 else 'en'},2024-01-01T10:00\n" for i in range(100_000))
    path = write(root, "many.csv", ("email,name,language,consent_at\n" + rows).encode())
    result = newsletter(root, "sync", path)
    assert result.returncode == 0, result.stdout[-500:]
    assert len(statuses(root)) == 100_000


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_every_line_ending_is_read(root: Path, ending: str) -> None:
    result = newsletter(
        root, "sync", write(root, "s.csv", ending.join(["email;name", "mari@example.ee;Mari", ""]).encode())
    )
    assert result.returncode == 0, result.stdout
    assert statuses(root) == {"mari@example.ee": "pending"}
