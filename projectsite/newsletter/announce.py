"""Announce and status: the newsletter's rules, whatever the backend (sync is in membership.py).

An announcement is recorded in the send log when its campaign is created and when it is sent. An item
is never sent twice in a language unless asked (`resend`), whichever backend sent it, and a campaign
created but not sent (a run that stopped halfway) is found again and sent, instead of a second one being
made. The caller holds the send lock (lock.py) around all of it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from ..load import SiteData
from ..messages import Message, say
from ..progress import Steps
from .audience import Member, SyncPlan
from .backends_base import BackendUnavailable, Refusal, SendResult
from .email import Email, render_email
from .items import announcement
from .sendlog import Entry, SendLog
from .settings import Settings


class Backend(Protocol):
    name: str

    def members(self) -> dict[str, Member]: ...
    def apply(self, plan: SyncPlan) -> None: ...
    def create_campaign(self, item: str, mail: Email) -> str: ...
    def send(self, campaign: str, lang: str, steps: Steps | None = None) -> SendResult: ...
    def send_test(self, mail: Email, addresses: list[str]) -> list[Path]: ...


def _existing_draft(backend: Backend, last: Entry | None, item: str, lang: str) -> str | None:
    """A campaign created and not sent, or sent halfway: from the log, or (a run that stopped before logging
    it) from the service."""
    if last is not None and last.status in ("created", "sending"):
        return last.campaign
    begun = getattr(backend, "find_begun", None)  # the outbox and SMTP: a sending the log lost goes on
    if last is None and begun is not None and (campaign := begun(item, lang)) is not None:
        return str(campaign)
    find = getattr(backend, "find_draft", None)
    return find(item, lang) if find is not None else None


def _sent_before(backend: Backend, log: SendLog, item: str, lang: str, dry_run: bool) -> Entry | None:
    """The last sending of the item in the language: from the log, or from a service that knows of a sending
    the log lost (a hand edit), which is then written into the log again."""
    entry = log.delivered(item, lang)
    find = getattr(backend, "find_sent", None)
    if entry is not None or find is None:
        return entry
    campaign = find(item, lang)
    if campaign is None:
        return None
    if dry_run:
        return Entry(item, lang, backend.name, campaign, "sent", "?")
    return log.record(item, lang, backend.name, campaign, "sent")


def _refuse_partly_sent(backend: Backend, log: SendLog, item: str, languages: list[str]) -> None:
    """A sending that stopped halfway on another backend goes on only there: that backend alone knows who has
    the message. BackendUnavailable before anything is done."""
    for lang in languages:
        begun = log.started(item, lang)
        if begun is not None and begun.status == "sending" and begun.backend != backend.name:
            raise BackendUnavailable(
                say("nl_partly_sent", item=item, lang=lang, backend=begun.backend, campaign=begun.campaign, at=begun.at)
            )


def announce(
    backend: Backend,
    data: SiteData,
    settings: Settings,
    log: SendLog,
    item: str,
    today: dt.date,
    *,
    send: bool = False,
    schedule: dt.datetime | None = None,
    test_to: list[str] | None = None,
    resend: bool = False,
    dry_run: bool = False,
    steps: Callable[[str], Steps] | None = None,
) -> list[Message]:
    """`steps(lang)` is the progress display of the sending in that language."""
    if schedule is not None and not hasattr(backend, "schedule"):
        raise BackendUnavailable(say("nl_no_schedule", backend=backend.name))
    if not (resend or test_to):
        _refuse_partly_sent(backend, log, item, list(data.languages))
    report: list[Message] = []
    refused: list[Refusal] = []
    deferred: list[Refusal] = []
    for lang in data.languages:
        mail = render_email(announcement(data, item, lang, settings.site_url, today), settings)
        if test_to:
            paths = [] if dry_run else backend.send_test(mail, test_to)
            report.append(
                say("nl_test", item=item, lang=lang, paths=", ".join(str(p) for p in paths))
                if paths
                else say("nl_test_sent", item=item, lang=lang, addresses=", ".join(test_to))
            )
            continue
        delivered = None if resend else _sent_before(backend, log, item, lang, dry_run)
        if delivered is not None:
            report.append(say("nl_already_sent_by", item=item, lang=lang, at=delivered.at, backend=delivered.backend))
            continue
        last = log.latest(item, lang, backend.name)
        campaign = _existing_draft(backend, last, item, lang)  # only reads: a dry run asks too
        if dry_run:
            report.append(
                say("nl_resumed", item=item, lang=lang, campaign=campaign)
                if campaign
                else say("nl_would_create", item=item, lang=lang)
            )
            if send:
                n = sum(1 for m in backend.members().values() if m.status == "subscribed" and m.language == lang)
                report.append(say("nl_would_send", item=item, lang=lang, n=n))
            continue
        if campaign is None:
            campaign = backend.create_campaign(item, mail)
            log.record(item, lang, backend.name, campaign, "created")
            report.append(say("nl_created", item=item, lang=lang, campaign=campaign))
        else:
            report.append(say("nl_resumed", item=item, lang=lang, campaign=campaign))
        if schedule is not None:
            backend.schedule(campaign, schedule)  # type: ignore[attr-defined]
            log.record(item, lang, backend.name, campaign, "scheduled")
            report.append(
                say(
                    "nl_scheduled", item=item, lang=lang, campaign=campaign, when=schedule.strftime("%Y-%m-%d %H:%M %Z")
                )
            )
        elif send:
            if last is None or (last.campaign, last.status) != (campaign, "sending"):
                log.record(item, lang, backend.name, campaign, "sending")
            result = backend.send(campaign, lang, steps(lang) if steps else None)
            if not result.deferred:  # else the campaign stays `created`: a run again sends to the deferred only
                log.record(item, lang, backend.name, campaign, "sent", recipients=result.count)
            report.append(say("nl_sent", item=item, lang=lang, campaign=campaign, n=result.count))
            refused += result.refused
            deferred += result.deferred
    if dry_run:
        report.append(say("nl_dry_run"))
    if refused:
        report.append(say("nl_refused_total", n=len(refused)))
        report += [say("nl_refused", email=r.email, reason=r.reason) for r in refused]
    if deferred:
        report.append(say("nl_deferred_total", n=len(deferred)))
        report += [say("nl_refused", email=r.email, reason=r.reason) for r in deferred]
    return report


def status(backend: Backend, log: SendLog) -> list[Message]:
    counts = Counter((member.status, member.language) for member in backend.members().values())
    report = [say("nl_audience", backend=backend.name)]
    report += [say("nl_audience_line", status=s, lang=lang, n=n) for (s, lang), n in sorted(counts.items())] or [
        say("nl_none")
    ]
    report.append(say("nl_log"))
    entries = [e for e in log.entries if e.backend == backend.name]
    report += [
        say(
            "nl_log_line",
            at=e.at,
            item=e.item,
            lang=e.language,
            status=e.status,
            campaign=e.campaign,
            recipients=f" ({e.recipients})" if e.recipients is not None else "",
        )
        for e in entries
    ] or [say("nl_none")]
    return report
