"""The local audience (outbox and SMTP backends): one SQLite file, kept out of git with the outbox."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from .audience import Member

SCHEMA = """CREATE TABLE IF NOT EXISTS members (
    email TEXT PRIMARY KEY, name TEXT NOT NULL, language TEXT NOT NULL, status TEXT NOT NULL, tags TEXT NOT NULL)"""


class LocalAudience:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path)
        self.db.execute(SCHEMA)

    def members(self) -> dict[str, Member]:
        rows = self.db.execute("SELECT email, name, language, status, tags FROM members")
        return {r[0]: Member(r[0], r[1], r[2], r[3], tuple(t for t in r[4].split(";") if t)) for r in rows}

    def upsert(self, members: list[Member]) -> None:
        """Each member in its own committed write: an interrupted sync keeps what it did and can run again."""
        for m in members:
            with self.db:
                self.db.execute("INSERT INTO members VALUES (?, ?, ?, ?, ?) ON CONFLICT(email) DO UPDATE SET "
                                "name=excluded.name, language=excluded.language, status=excluded.status, "
                                "tags=excluded.tags", (m.email, m.name, m.language, m.status, ";".join(m.tags)))

    def set_status(self, email: str, status: str) -> None:
        with self.db:
            self.db.execute("UPDATE members SET status = ? WHERE email = ?", (status, email.lower()))

    def recipients(self, language: str) -> list[Member]:
        return sorted((m for m in self.members().values() if m.status == "subscribed" and m.language == language),
                      key=lambda m: m.email)
