"""Which backend a command uses: --backend, else Mailchimp or SMTP when configured, else the outbox."""

from __future__ import annotations

import os
from pathlib import Path

from ..messages import say
from .backends_base import BackendUnavailable
from .outbox import OutboxBackend
from .settings import Settings
from .smtp import SmtpBackend

BACKENDS = ("outbox", "smtp", "mailchimp")


def chosen(explicit: str | None) -> str:
    if explicit:
        return explicit
    if os.environ.get("MAILCHIMP_API_KEY") and os.environ.get("MAILCHIMP_LIST_ID"):
        return "mailchimp"
    if os.environ.get("SMTP_HOST"):
        return "smtp"
    return "outbox"


def backend(explicit: str | None, root: Path, settings: Settings) -> OutboxBackend:
    name = chosen(explicit)
    if name == "smtp":
        if not os.environ.get("SMTP_HOST"):
            raise BackendUnavailable(say("nl_smtp_unset"))
        return SmtpBackend(root, settings)
    if name == "mailchimp":
        if not (os.environ.get("MAILCHIMP_API_KEY") and os.environ.get("MAILCHIMP_LIST_ID")):
            raise BackendUnavailable(say("nl_mailchimp_unset"))
        try:  # the extra `mailchimp`: a site that sends otherwise does without the client library
            from .mailchimp import MailchimpBackend
        except ImportError:
            raise BackendUnavailable(say("nl_mailchimp_missing")) from None
        return MailchimpBackend(settings)  # type: ignore[return-value]
    return OutboxBackend(root, settings)
