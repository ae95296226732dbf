"""Subscribers from a CSV file, and the rules that bring an audience in line with it.

The rules are the same for every backend: a new person is `pending` (they confirm by e-mail) unless the
row says when they gave consent, then `subscribed`; nobody who unsubscribed, was cleaned or archived is
ever subscribed again; an existing member's language follows the file and its tags are added; a pending
member whose row now has a consent date becomes `subscribed`.
"""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..fields import EMAIL_RE
from ..messages import say
from ..problems import Problem

COLUMNS = ("email", "name", "language", "consent_at", "tags")
NEVER_RESUBSCRIBE = frozenset({"unsubscribed", "cleaned", "archived"})


@dataclass(frozen=True)
class Subscriber:
    email: str
    name: str = ""
    language: str = "et"
    consent_at: dt.datetime | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Member:
    """A person in an audience, as a backend keeps them."""

    email: str
    name: str
    language: str
    status: str
    tags: tuple[str, ...] = ()


def _row(row: dict[str, str], file: str, line: int) -> Subscriber | Problem:
    email = (row.get("email") or "").strip().lower()
    if not EMAIL_RE.match(email):
        return Problem(file, line, "email", say("email_format", value=email))
    language = (row.get("language") or "et").strip().lower()
    if language not in ("et", "en"):
        return Problem(file, line, "language", say("one_of", expected="'et' or 'en'", found=say("quoted", value=language)))
    consent = (row.get("consent_at") or "").strip()
    try:
        consent_at = dt.datetime.fromisoformat(consent) if consent else None
    except ValueError:
        return Problem(file, line, "consent_at", say("date_format", value=consent, wanted="YYYY-MM-DDTHH:MM"))
    tags = tuple(sorted({t.strip() for t in (row.get("tags") or "").split(";") if t.strip()}))
    return Subscriber(email, (row.get("name") or "").strip(), language, consent_at, tags)


def read_csv(path: Path) -> tuple[list[Subscriber], list[Problem]]:
    """Rows as subscribers; a bad row is a problem with its line number and is skipped. Duplicates count once."""
    subscribers: dict[str, Subscriber] = {}
    problems: list[Problem] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = [h.strip().lower() for h in next(reader, [])]
        if "email" not in header:
            return [], [Problem(path.name, 1, "email", say("missing", field="email"))]
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            found = _row(dict(zip(header, row)), path.name, reader.line_num)
            if isinstance(found, Problem):
                problems.append(found)
            else:
                subscribers.setdefault(found.email, found)
    return list(subscribers.values()), problems


@dataclass
class SyncPlan:
    add: list[Member] = field(default_factory=list)
    update: list[Member] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[Member] = field(default_factory=list)  # unsubscribed, cleaned or archived: left alone

    @property
    def changes(self) -> list[Member]:
        return self.add + self.update


def plan_sync(existing: dict[str, Member], incoming: list[Subscriber]) -> SyncPlan:
    plan = SyncPlan()
    for person in incoming:
        current = existing.get(person.email)
        if current is None:
            status = "subscribed" if person.consent_at else "pending"
            plan.add.append(Member(person.email, person.name, person.language, status, person.tags))
        elif current.status in NEVER_RESUBSCRIBE:
            plan.skipped.append(current)
        else:
            status = "subscribed" if current.status == "pending" and person.consent_at else current.status
            wanted = Member(current.email, person.name or current.name, person.language, status,
                            tuple(sorted(set(current.tags) | set(person.tags))))
            if wanted == current:
                plan.unchanged += 1
            else:
                plan.update.append(wanted)
    return plan
