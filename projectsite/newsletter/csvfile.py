"""The spreadsheet people have, read as rows: the encoding and the delimiter found, every failure a message.

Encodings: UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's "Unicode text"), else the site's CSV encoding
(`extra.projectsite.csv_encoding`, default: what Excel writes for the site's first language) with a note; a file that is none of these is refused with the advice to
save it as "CSV UTF-8". Delimiters: the one of `,`, `;` and tab that gives a header with an e-mail column.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..messages import Message, say
from ..problems import Problem
from .address import printable

LARGEST = 64 * 1024 * 1024  # bytes: far more than any list of people
DELIMITERS = (",", ";", "\t")
EMAIL_HEADERS = ("email", "e-mail", "e-post", "epost")


@dataclass
class Table:
    header: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # (line number, cells)
    problems: list[Problem] = field(default_factory=list)  # how it was read; where reading stopped


class Unreadable(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def file_bytes(path: Path) -> bytes:
    name = str(path)
    if path.is_dir():
        raise Unreadable(Problem(name, None, "", say("nl_csv_folder")))
    try:
        if path.stat().st_size > LARGEST:
            raise Unreadable(Problem(name, None, "", say("nl_csv_too_big", mb=LARGEST // 2**20)))
        return path.read_bytes()
    except FileNotFoundError:
        raise Unreadable(Problem(name, None, "", say("nl_csv_missing"))) from None
    except OSError as error:
        raise Unreadable(
            Problem(name, None, "", say("nl_csv_unreadable", error=error.strerror or str(error)))
        ) from None


def decode(path: Path, data: bytes, fallback: str) -> tuple[str, list[Problem]]:
    """The text and, when it was not UTF-8, a note that says how it was read."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode(fallback)
    except UnicodeDecodeError:
        raise Unreadable(Problem(path.name, None, "", say("nl_csv_encoding", encoding=fallback))) from None
    return text, [Problem(path.name, None, "", say("nl_csv_windows_1257", encoding=fallback), severity="warning")]


def _header(line: str, delimiter: str) -> list[str]:
    try:
        cells = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:  # a character csv can't take on one line (a NUL, say): no header of this delimiter
        return []
    return [c.strip().lower() for c in cells]


def delimiter(first_line: str) -> str | None:
    """The delimiter whose header has an e-mail column (the one with most columns if several do)."""
    fitting = [d for d in DELIMITERS if any(h in EMAIL_HEADERS for h in _header(first_line, d))]
    return max(fitting, key=lambda d: len(_header(first_line, d)), default=None)


def read_table(path: Path, fallback: str) -> Table:
    """The header (lower-case, the e-mail column named 'email') and the rows; Unreadable when nothing can be read."""
    text, notes = decode(path, file_bytes(path), fallback)
    first = re.split("\r\n|\r|\n", text.lstrip("\ufeff"), maxsplit=1)[0]
    if not first.strip():
        raise Unreadable(Problem(path.name, 1, "", say("nl_csv_empty")))
    found = delimiter(first)
    if found is None:
        raise Unreadable(Problem(path.name, 1, "email", say("nl_csv_no_email", header=printable(first))))
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=found)
    header = ["email" if h in EMAIL_HEADERS else h for h in _header(first, found)]
    table = Table(header, problems=notes)
    try:
        next(reader)
        for row in reader:
            if any(cell.strip() for cell in row):
                table.rows.append((reader.line_num, row))
    except csv.Error as error:
        table.problems.append(Problem(path.name, reader.line_num, "", _broken(error)))
    return table


def _broken(error: csv.Error) -> Message:
    """Python's words for a CSV it cannot go on reading, in the editor's language where they are known."""
    if "field limit" in str(error):
        return say("nl_csv_field_long", n=csv.field_size_limit())
    return say("nl_csv_broken", error=str(error))
