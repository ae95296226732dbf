"""The record of announcements, committed as data/newsletter-log.yaml: what was created and sent, never who to.

Append-only: a campaign's creation and its sending are two entries, so a run that stopped between them
finds the campaign again instead of making a second one.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

HEADER = "# Announcements of the newsletter, written by `projectsite newsletter announce`. No personal data.\n"


@dataclass(frozen=True)
class Entry:
    item: str
    language: str
    backend: str
    campaign: str
    status: str  # created, sent
    at: str
    recipients: int | None = None


class SendLog:
    def __init__(self, path: Path):
        self.path = path
        loaded = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
        self.entries = [Entry(**e) for e in (loaded or [])]

    def latest(self, item: str, language: str, backend: str) -> Entry | None:
        found = [e for e in self.entries if (e.item, e.language, e.backend) == (item, language, backend)]
        return found[-1] if found else None

    def record(self, item: str, language: str, backend: str, campaign: str, status: str,
               recipients: int | None = None) -> Entry:
        at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
        entry = Entry(item, language, backend, campaign, status, at, recipients)
        self.entries.append(entry)
        body = yaml.safe_dump([{k: v for k, v in asdict(e).items() if v is not None} for e in self.entries],
                              allow_unicode=True, sort_keys=False)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(HEADER + body, encoding="utf-8")
        os.replace(temporary, self.path)  # never a half-written log
        return entry
