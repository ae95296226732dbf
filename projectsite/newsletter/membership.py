"""The list managed without SQL, the same on every backend: sync from a CSV, unsubscribe, subscribe, and who
is pending since when. Every change goes through the backend's `members()` and `apply()`, and each operation
ends with one line that says what changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Protocol

from ..dates import zone
from ..messages import Message, say
from ..progress import Advance, Steps
from .address import BadAddress, key, normalise
from .audience import NEVER_RESUBSCRIBE, Member, Subscriber, SyncPlan, by_key, plan_sync
from .store import now


class ListBackend(Protocol):
    name: str

    def members(self) -> dict[str, Member]: ...
    def apply(self, plan: SyncPlan, advance: Advance | None = None) -> None: ...


def local_time(stamp: str) -> str:
    """An ISO time as 'YYYY-MM-DD HH:MM' in the site's time zone; '?' when unknown."""
    try:
        return dt.datetime.fromisoformat(stamp).astimezone(zone()).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return "?"


def sync(backend: ListBackend, subscribers: list[Subscriber], dry_run: bool, steps: Steps) -> list[Message]:
    plan = plan_sync(backend.members(), subscribers)
    if not plan.changes:
        report = [say("nl_sync_nothing")]
    else:
        report = [
            say(
                "nl_sync",
                added=len(plan.add),
                updated=len(plan.update),
                unchanged=plan.unchanged,
                skipped=len(plan.skipped),
                subscribed=sum(m.status == "subscribed" for m in plan.add),
                pending=sum(m.status == "pending" for m in plan.add),
            )
        ]
    report += [say("nl_skipped", email=m.email, status=m.status) for m in plan.skipped]
    if dry_run:
        return report + [say("nl_dry_run")]
    if plan.changes:
        with steps(len(plan.changes)) as advance:
            backend.apply(plan, advance)
    return report


def addresses(raw: list[str]) -> tuple[list[str], list[Message]]:
    """The addresses in their one form, each once, and a message for each that is not an address."""
    found: dict[str, None] = {}
    bad: list[Message] = []
    for text in raw:
        try:
            found.setdefault(normalise(text))
        except BadAddress as error:
            bad.append(error.message)
    return list(found), bad


def unsubscribe(backend: ListBackend, raw: list[str], dry_run: bool) -> list[Message]:
    """Each person's status becomes `unsubscribed`, now; someone not on the list is recorded as unsubscribed,
    so that no later sync adds them."""
    wanted, report = addresses(raw)
    known = by_key(backend.members())
    plan = SyncPlan()
    for address in wanted:
        current = known.get(key(address))
        if current is None:
            plan.add.append(Member(address, "", "", "unsubscribed"))  # their language is of no use any more
        elif current.status == "unsubscribed":
            plan.unchanged += 1
        else:
            plan.update.append(replace(current, status="unsubscribed"))
    if not dry_run and plan.changes:
        backend.apply(plan)
    report.append(
        say(
            "nl_unsubscribed",
            n=len(plan.changes),
            new=len(plan.add),
            already=plan.unchanged,
            bad=len(report),
            at=local_time(now()),
            zone=zone().key,
        )
    )
    return report + ([say("nl_dry_run")] if dry_run else [])


def _joined(
    current: Member | None, address: str, consent: bool, rejoin: bool, language: str | None, stamp: str, original: str
) -> Member | Message | None:
    """The member as they should be after `subscribe`; None when nothing changes; a Message when refused."""
    agreed = stamp if consent else ""
    if current is None:
        return Member(address, "", language or original, "subscribed" if consent else "pending", consent_at=agreed)
    if current.status in NEVER_RESUBSCRIBE and not (consent and rejoin):
        return say("nl_left", email=current.email, status=current.status, at=local_time(current.since))
    status = "subscribed" if consent or current.status == "subscribed" else current.status
    wanted = replace(
        current, status=status, language=language or current.language, consent_at=agreed or current.consent_at
    )
    return None if wanted == current else wanted


def subscribe(
    backend: ListBackend,
    raw: list[str],
    *,
    consent: bool,
    rejoin: bool,
    language: str | None,
    original: str,
    dry_run: bool,
) -> list[Message]:
    """A new person is pending (or subscribed with `consent`: their reply is the consent, recorded now); a pending
    one with `consent` is subscribed. Nobody who left comes back unless `rejoin` says they asked to."""
    wanted, report = addresses(raw)
    known = by_key(backend.members())
    plan, stamp = SyncPlan(), now()
    for address in wanted:
        current = known.get(key(address))
        change = _joined(current, address, consent, rejoin, language, stamp, original)
        if isinstance(change, Message):
            report.append(change)
            plan.skipped.append(current)  # type: ignore[arg-type]
        elif change is None:
            plan.unchanged += 1
        else:
            (plan.add if current is None else plan.update).append(change)
    if not dry_run and plan.changes:
        backend.apply(plan)
    report.append(
        say(
            "nl_subscribed",
            subscribed=sum(m.status == "subscribed" for m in plan.changes),
            pending=sum(m.status == "pending" for m in plan.changes),
            unchanged=plan.unchanged,
            left=len(plan.skipped),
        )
    )
    return report + ([say("nl_dry_run")] if dry_run else [])


def pending(members: dict[str, Member]) -> list[Message]:
    """Who has not confirmed yet, the longest waiting first, with when they were last asked."""
    waiting = sorted((m for m in members.values() if m.status == "pending"), key=lambda m: (m.since, m.email))
    lines = [
        say(
            "nl_pending_line",
            email=m.email,
            lang=m.language,
            since=local_time(m.since),
            asked=say("nl_asked", at=local_time(m.asked_at)) if m.asked_at else say("nl_never_asked"),
        )
        for m in waiting
    ]
    return [say("nl_pending", n=len(waiting))] + lines
