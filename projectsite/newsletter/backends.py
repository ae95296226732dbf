"""Which backend a command uses: --backend, else Mailchimp or SMTP when configured, else the outbox."""
from __future__ import annotations

import os
from pathlib import Path

from ..messages import Message, say
from .outbox import OutboxBackend
from .settings import Settings

BACKENDS = ("outbox", "smtp", "mailchimp")


class BackendUnavailable(Exception):
    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


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
    if name != "outbox":
        raise BackendUnavailable(say("nl_backend_missing", backend=name))
    return OutboxBackend(root, settings)
