"""The local audience (outbox and SMTP backends): one SQLite file, kept out of git with the outbox.

Besides each member's status it keeps the times a status began (`since`), the last request to confirm
(`asked_at`) and the consent (`consent_at`), in UTC. A new member or a status change stamps `since` itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from .audience import Member
from .state import open_database

SCHEMA = """CREATE TABLE IF NOT EXISTS members (
    email TEXT PRIMARY KEY, name TEXT NOT NULL, language TEXT NOT NULL, status TEXT NOT NULL, tags TEXT NOT NULL)"""
TIMES = ("since", "asked_at", "consent_at")  # columns added after the first version: added to an older file
COLUMNS = "email, name, language, status, tags, since, asked_at, consent_at"
UPSERT = (
    f"INSERT INTO members ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(email) DO UPDATE SET "
    "name=excluded.name, language=excluded.language, tags=excluded.tags, "
    "since=CASE WHEN members.status = excluded.status THEN members.since ELSE excluded.since END, "
    "status=excluded.status, "
    "asked_at=COALESCE(NULLIF(excluded.asked_at, ''), members.asked_at), "
    "consent_at=COALESCE(NULLIF(excluded.consent_at, ''), members.consent_at)"
)
STEP = 1000  # members written between two progress reports


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


class LocalAudience:
    def __init__(self, path: Path):
        self.db = open_database(path, {"members": {"email", "name", "language", "status", "tags"}}, SCHEMA)
        with self.db:
            self.db.execute(SCHEMA)
            present = {row[1] for row in self.db.execute("PRAGMA table_info(members)")}
            for column in TIMES:
                if column not in present:
                    self.db.execute(f"ALTER TABLE members ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")

    def members(self) -> dict[str, Member]:
        rows = self.db.execute(f"SELECT {COLUMNS} FROM members")
        return {
            r[0]: Member(r[0], r[1], r[2], r[3], tuple(t for t in r[4].split(";") if t), r[5], r[6], r[7]) for r in rows
        }

    def upsert(self, members: list[Member], advance: Callable[[int], None] | None = None) -> None:
        """All in one transaction (an interrupted sync changes nothing and can run again), reported in steps."""
        stamp = now()
        with self.db:
            for start in range(0, len(members), STEP):
                step = members[start : start + STEP]
                self.db.executemany(
                    UPSERT,
                    [
                        (m.email, m.name, m.language, m.status, ";".join(m.tags), stamp, m.asked_at, m.consent_at)
                        for m in step
                    ],
                )
                if advance is not None:
                    advance(len(step))

    def set_status(self, email: str, status: str) -> None:
        with self.db:
            self.db.execute(
                "UPDATE members SET status = ?, since = ? WHERE email = ? AND status != ?",
                (status, now(), email, status),
            )

    def recipients(self, language: str) -> list[Member]:
        return sorted(
            (m for m in self.members().values() if m.status == "subscribed" and m.language == language),
            key=lambda m: m.email,
        )
