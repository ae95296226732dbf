"""The SMTP backend: the local audience of the outbox, and real delivery through a mail server.

Settings from the environment: SMTP_HOST, SMTP_PORT (587), SMTP_USER and SMTP_PASSWORD (optional);
STARTTLS is used whenever the server offers it, and a password is never sent unencrypted except to a
server on this machine. Passing failures (a dropped connection, a 4xx reply) are retried with backoff.
"""
from __future__ import annotations

import ipaddress
import os
import smtplib
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.message import EmailMessage

from ..messages import say
from .backends_base import BackendFailure, Passing, T, retrying
from .outbox import OutboxBackend


def _is_local(host: str) -> bool:
    try:
        return ipaddress.ip_address(socket.gethostbyname(host)).is_loopback
    except (OSError, ValueError):
        return False


def _reply(exc: smtplib.SMTPException) -> tuple[int, str]:
    """The server's code and words, whether it refused the message or a recipient."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, reply = next(iter(exc.recipients.values()))
    else:
        code, reply = exc.smtp_code, exc.smtp_error  # type: ignore[attr-defined]
    return code, reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)


class SmtpBackend(OutboxBackend):
    name = "smtp"

    def _connect(self) -> smtplib.SMTP:
        host, port = os.environ["SMTP_HOST"], int(os.environ.get("SMTP_PORT") or 587)
        user, password = os.environ.get("SMTP_USER"), os.environ.get("SMTP_PASSWORD")
        server = smtplib.SMTP(host, port, timeout=30)
        server.ehlo()
        if server.has_extn("starttls"):
            server.starttls()
            server.ehlo()
        elif user and not _is_local(host):
            server.quit()
            raise BackendFailure(say("nl_smtp_no_tls", host=host))
        if user:
            server.login(user, password or "")
        return server

    @contextmanager
    def delivery(self) -> Iterator[Callable[[EmailMessage], None]]:
        server = [self._with_retries(self._connect)]

        def deliver(email: EmailMessage) -> None:
            def attempt() -> None:
                try:
                    server[0].send_message(email)
                except smtplib.SMTPServerDisconnected:
                    server[0] = self._connect()
                    raise
            self._with_retries(attempt)

        try:
            yield deliver
        finally:
            try:
                server[0].quit()
            except smtplib.SMTPException:
                pass

    @staticmethod
    def _with_retries(action: Callable[[], T]) -> T:
        return retrying(lambda: _once(action))


def _once(action: Callable[[], T]) -> T:
    """One attempt: its result, or its failure as Passing (tried again) or BackendFailure (stop)."""
    try:
        return action()
    except (smtplib.SMTPServerDisconnected, ConnectionError, socket.timeout) as exc:
        raise Passing(say("nl_smtp_failed", error=str(exc) or type(exc).__name__)) from None
    except (smtplib.SMTPResponseException, smtplib.SMTPRecipientsRefused) as exc:
        code, reply = _reply(exc)
        if 400 <= code < 500:
            raise Passing(say("nl_smtp_failed", error=f"{code} {reply}")) from None
        raise BackendFailure(say("nl_smtp_refused", code=code, reply=reply)) from None
