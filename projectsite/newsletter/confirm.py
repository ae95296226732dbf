"""`confirm`: a request to confirm, in each pending person's language, through the backend's own sender.

With the outbox and SMTP the e-mail is built like an announcement (`outbox.message`) and leaves through the
backend's `delivery()`; its .eml is kept in outbox/confirmations/ under a running number (never a name made
from the address), and the time of asking is recorded, so a second run asks nobody twice unless `again`.
Mailchimp sends its own confirmation e-mail (double opt-in) when a member is set to `pending`: there each
pending member is set to `pending` once more. An address the server refuses for good (5xx) is marked `cleaned`
and one it keeps deferring (4xx) is left to a run again; the others are asked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from html import escape
from pathlib import Path

from .. import links
from ..messages import Message, say
from ..progress import Advance, Steps
from .audience import Member, SyncPlan
from .backends_base import Deferred, Refusal, Refused
from .email import Email
from .membership import ListBackend
from .outbox import keep, message
from .settings import Settings
from .store import now


def confirmation_email(lang: str, settings: Settings) -> Email:
    """Subject, text and HTML of the request, in `lang`: how to confirm (a reply, or the form) and what not
    confirming means."""
    form = links.language_root(settings.site_url, lang, settings.languages.original) + "newsletter/"
    words = {"sender": settings.from_name, "form": form, "organisation": settings.organisation}
    paragraphs = [say(k, **words).text(lang) for k in ("nl_confirm_hello", "nl_confirm_how", "nl_confirm_else")]
    html = "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs).replace(
        escape(form), f'<a href="{escape(form)}">{escape(form)}</a>'
    )
    return Email(
        lang,
        say("nl_confirm_subject", **words).text(lang),
        f'<!doctype html>\n<html lang="{lang}">\n<head><meta charset="utf-8"></head>\n<body>\n{html}</body>\n</html>\n',
        "\n\n".join(paragraphs) + "\n",
    )


def _ask_by_email(
    backend: ListBackend, people: list[Member], settings: Settings, folder: Path, advance: Advance
) -> tuple[list[Refusal], list[Refusal]]:
    """Asks each person; one refused for good (5xx) is marked `cleaned`, one deferred (a lasting 4xx) stays
    not asked (a run again asks them), and the others are asked. Those refused, and those deferred."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    number = 0
    refused: list[Refusal] = []
    deferred: list[Refusal] = []
    with backend.delivery() as deliver:  # type: ignore[attr-defined]
        for person in people:
            email = message(confirmation_email(person.language, settings), settings, person.email)
            try:
                deliver(email)
            except Refused as refusal:
                backend.apply(SyncPlan(update=[replace(person, status="cleaned")]))
                refused.append(Refusal(person.email, refusal.message))
            except Deferred as later:
                deferred.append(Refusal(person.email, later.message))
            else:
                number = keep(folder, stamp, number + 1, email)
                backend.apply(SyncPlan(update=[replace(person, asked_at=now())]))
            advance(1)
    return refused, deferred


def _failed(refused: list[Refusal], deferred: list[Refusal]) -> list[Message]:
    report: list[Message] = []
    for total, failures in (("nl_confirm_refused_total", refused), ("nl_deferred_total", deferred)):
        if failures:
            report.append(say(total, n=len(failures)))
            report += [say("nl_refused", email=f.email, reason=f.reason) for f in failures]
    return report


def confirm(
    backend: ListBackend, settings: Settings, outbox: Path, *, again: bool, dry_run: bool, steps: Steps
) -> list[Message]:
    waiting = sorted((m for m in backend.members().values() if m.status == "pending"), key=lambda m: m.email)
    people = [m for m in waiting if again or not m.asked_at]
    asked_before = len(waiting) - len(people)
    if dry_run:
        return [say("nl_would_confirm", n=len(people), before=asked_before), say("nl_dry_run")]
    with steps(len(people)) as advance:
        if hasattr(backend, "delivery"):
            refused, deferred = _ask_by_email(backend, people, settings, outbox / "confirmations", advance)
            asked = len(people) - len(refused) - len(deferred)
            return [say("nl_confirmed", n=asked, before=asked_before), *_failed(refused, deferred)]
        backend.apply(SyncPlan(update=people), advance)
    return [say("nl_confirmed_mailchimp", n=len(people))]
