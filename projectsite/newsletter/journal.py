"""Each recipient's delivery of a campaign, recorded as it happens (outbox/deliveries.sqlite, out of git).

A delivery is `sending` (committed) before the message leaves and `sent` or `refused` after. A run that was
killed finds the one delivery it left `sending`: on the outbox its .eml file tells whether it was written;
on SMTP a `sending` without the file may or may not have reached the server, and it is sent again. That is
the one message a kill can duplicate. The row's number, never the address, names the .eml file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .state import open_database

SCHEMA = """CREATE TABLE IF NOT EXISTS deliveries (
    id INTEGER PRIMARY KEY, campaign TEXT NOT NULL, email TEXT NOT NULL, state TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '', at TEXT NOT NULL, UNIQUE (campaign, email))"""


@dataclass(frozen=True)
class Delivery:
    number: int
    state: str  # sending, sent, refused, deferred (a run again sends it)


class DeliveryJournal:
    def __init__(self, path: Path):
        self.db = open_database(
            path, {"deliveries": {"id", "campaign", "email", "state", "detail", "at"}}, SCHEMA, timeout=30
        )
        # WAL with NORMAL sync: each commit survives the process being killed (it is in the operating
        # system's hands at once), without waiting for the disk on every recipient.
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        with self.db:
            self.db.execute(SCHEMA)

    def deliveries(self, campaign: str) -> dict[str, Delivery]:
        rows = self.db.execute("SELECT email, id, state FROM deliveries WHERE campaign = ?", (campaign,))
        return {email: Delivery(number, state) for email, number, state in rows}

    def begin(self, campaign: str, email: str) -> int:
        """Records that the message to `email` is about to leave; its number names the .eml file."""
        with self.db:
            found = self.db.execute(
                "INSERT INTO deliveries (campaign, email, state, at) VALUES (?, ?, 'sending', ?) "
                "ON CONFLICT (campaign, email) DO UPDATE SET state = 'sending' RETURNING id",
                (campaign, email, _now()),
            ).fetchone()
        return int(found[0])

    def finish(self, number: int, state: str, detail: str = "") -> None:
        with self.db:
            self.db.execute(
                "UPDATE deliveries SET state = ?, detail = ?, at = ? WHERE id = ?", (state, detail, _now(), number)
            )

    def count(self, campaign: str, state: str = "sent") -> int:
        return int(
            self.db.execute(
                "SELECT count(*) FROM deliveries WHERE campaign = ? AND state = ?", (campaign, state)
            ).fetchone()[0]
        )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
