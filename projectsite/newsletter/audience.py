"""Subscribers from a CSV file, and the rules that bring an audience in line with it.

The rules are the same for every backend: a new person is `pending` (they confirm by e-mail) unless the
row says when they gave consent, then `subscribed`; nobody who unsubscribed, was cleaned or archived is
ever subscribed again; an existing member's language follows the file and its tags are added; a pending
member whose row now has a consent date becomes `subscribed`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..languages import Languages
from ..messages import say
from ..problems import Problem
from .address import BadAddress, key, normalise, printable
from .csvfile import read_table

COLUMNS = ("email", "name", "language", "consent_at", "tags")
NEVER_RESUBSCRIBE = frozenset({"unsubscribed", "cleaned", "archived"})
LONGEST_NAME = 200  # characters of a name or a tag


@dataclass(frozen=True)
class Subscriber:
    email: str
    name: str = ""
    language: str = ""  # "" only before read_csv gives it the site's original language
    consent_at: dt.datetime | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Member:
    """A person in an audience, as a backend keeps them. The times (ISO, UTC) are kept where the backend can:
    since when the status holds, when they were asked to confirm, when they gave consent."""

    email: str
    name: str
    language: str
    status: str
    tags: tuple[str, ...] = ()
    since: str = field(default="", compare=False)
    asked_at: str = field(default="", compare=False)
    consent_at: str = field(default="", compare=False)


def _row(row: dict[str, str], file: str, line: int, languages: Languages) -> Subscriber | Problem:
    try:
        email = normalise(row.get("email") or "")
    except BadAddress as bad:
        return Problem(file, line, "email", bad.message)
    language = (row.get("language") or languages.original).strip().lower()
    if language not in languages.codes:
        expected = ", ".join(f"'{code}'" for code in languages)
        return Problem(
            file, line, "language", say("one_of", expected=expected, found=say("quoted", value=printable(language)))
        )
    consent = (row.get("consent_at") or "").strip()
    try:
        consent_at = dt.datetime.fromisoformat(consent) if consent else None
    except ValueError:
        return Problem(
            file, line, "consent_at", say("date_format", value=printable(consent), wanted="YYYY-MM-DDTHH:MM")
        )
    name = (row.get("name") or "").strip()
    tags = tuple(sorted({t.strip() for t in (row.get("tags") or "").split(";") if t.strip()}))
    for column, value in [("name", name), *(("tags", tag) for tag in tags)]:
        if len(value) > LONGEST_NAME:
            return Problem(file, line, column, say("nl_too_long", value=printable(value), n=LONGEST_NAME))
    return Subscriber(email, name, language, consent_at, tags)


def read_csv(path: Path, languages: Languages, fallback: str) -> tuple[list[Subscriber], list[Problem]]:
    """Rows as subscribers; a bad row is a problem with its line number and is skipped. The same address in any
    form counts once. Raises csvfile.Unreadable when the file cannot be read at all. `fallback`: the encoding of
    a file that is not UTF-8 (the site's csv_encoding)."""
    table = read_table(path, fallback)
    subscribers: dict[str, Subscriber] = {}
    problems = list(table.problems)
    for line, cells in table.rows:
        found = _row(dict(zip(table.header, cells, strict=False)), path.name, line, languages)
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


def by_key(members: dict[str, Member]) -> dict[str, Member]:
    """Members by their normalised address. Two kept forms of one person (written before addresses were
    normalised) count as one, and the one who left wins: nobody comes back through a second spelling."""
    found: dict[str, Member] = {}
    for member in members.values():
        other = found.get(key(member.email))
        if other is None or (member.status in NEVER_RESUBSCRIBE and other.status not in NEVER_RESUBSCRIBE):
            found[key(member.email)] = member
    return found


def plan_sync(existing: dict[str, Member], incoming: list[Subscriber]) -> SyncPlan:
    plan = SyncPlan()
    known = by_key(existing)
    for person in incoming:
        current = known.get(key(person.email))
        consent = person.consent_at.isoformat() if person.consent_at else ""
        if current is None:
            status = "subscribed" if person.consent_at else "pending"
            plan.add.append(Member(person.email, person.name, person.language, status, person.tags, consent_at=consent))
        elif current.status in NEVER_RESUBSCRIBE:
            plan.skipped.append(current)
        else:
            status = "subscribed" if current.status == "pending" and person.consent_at else current.status
            wanted = Member(
                current.email,
                person.name or current.name,
                person.language,
                status,
                tuple(sorted(set(current.tags) | set(person.tags))),
                current.since,
                current.asked_at,
                current.consent_at or consent,
            )
            if wanted == current:
                plan.unchanged += 1
            else:
                plan.update.append(wanted)
    return plan
