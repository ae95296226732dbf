"""The SMTP backend: the local audience of the outbox, and real delivery through a mail server.

Settings from the environment: SMTP_HOST, SMTP_PORT (587), SMTP_USER and SMTP_PASSWORD (optional);
STARTTLS is used whenever the server offers it, and a password is never sent unencrypted except to a
server on this machine. Passing failures (a dropped connection, a 4xx reply) are retried with backoff on a
new connection; a lasting refusal of one recipient (5xx to RCPT, or an address with letters beyond ASCII
before the @ when the server lacks SMTPUTF8) is that recipient's alone, and the others go on.
"""

from __future__ import annotations

import ipaddress
import os
import re
import smtplib
import socket
import ssl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from pathlib import Path

from ..messages import say
from .backends_base import BackendFailure, BackendUnavailable, Passing, Refused, T, retrying
from .outbox import OutboxBackend
from .settings import Settings


def _is_local(host: str) -> bool:
    try:
        return ipaddress.ip_address(socket.gethostbyname(host)).is_loopback
    except (OSError, ValueError, UnicodeError):
        return False


def _reply(exc: smtplib.SMTPException) -> tuple[int, str]:
    """The server's code and words, whether it refused the message or a recipient."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, reply = next(iter(exc.recipients.values()))
    else:
        code, reply = exc.smtp_code, exc.smtp_error  # type: ignore[attr-defined]
    return code, reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)


def server_address() -> tuple[str, int]:
    """SMTP_HOST and SMTP_PORT, checked before anything is done."""
    host = os.environ.get("SMTP_HOST", "").strip()
    if not host:
        raise BackendUnavailable(say("nl_smtp_unset"))
    port = os.environ.get("SMTP_PORT", "").strip() or "587"
    if not re.fullmatch(r"[0-9]{1,5}", port) or not 0 < int(port) < 65536:
        raise BackendUnavailable(say("nl_smtp_bad_port", value=port))
    return host, int(port)


class SmtpBackend(OutboxBackend):
    name = "smtp"

    def __init__(self, root: Path, settings: Settings):
        self.host, self.port = server_address()
        super().__init__(root, settings)

    def _connect(self) -> smtplib.SMTP:
        user, password = os.environ.get("SMTP_USER"), os.environ.get("SMTP_PASSWORD")
        try:
            server = smtplib.SMTP(self.host, self.port, timeout=30)
        except (socket.gaierror, UnicodeError):
            raise BackendFailure(say("nl_smtp_unknown_host", host=self.host)) from None
        server.ehlo()
        if server.has_extn("starttls"):
            server.starttls()
            server.ehlo()
        elif user and not _is_local(self.host):
            server.close()
            raise BackendFailure(say("nl_smtp_no_tls", host=self.host))
        if user:
            self._login(server, user, password or "")
        return server

    def _login(self, server: smtplib.SMTP, user: str, password: str) -> None:
        try:
            server.login(user, password)
        except smtplib.SMTPNotSupportedError:
            server.close()
            raise BackendFailure(say("nl_smtp_no_auth", host=self.host)) from None
        except smtplib.SMTPAuthenticationError as exc:
            server.close()
            code, reply = _reply(exc)
            raise BackendFailure(say("nl_smtp_login_refused", host=self.host, code=code, reply=reply)) from None
        except smtplib.SMTPException as exc:
            server.close()
            raise BackendFailure(say("nl_smtp_login_refused", host=self.host, code="", reply=str(exc))) from None

    def _check_addresses(self, server: smtplib.SMTP, email: EmailMessage) -> None:
        """Without SMTPUTF8 the server can't take an address with letters beyond ASCII before the @."""
        if server.has_extn("smtputf8"):
            return
        if not self.settings.reply_to.isascii():
            raise BackendFailure(say("nl_smtp_sender_utf8", address=self.settings.reply_to))
        if not str(email["To"]).split("@")[0].isascii():
            raise Refused(say("nl_smtp_no_utf8"))

    @contextmanager
    def delivery(self) -> Iterator[Callable[[EmailMessage], None]]:
        """Connects when the first message is to leave; a dropped connection is made again on the next try."""
        connection: list[smtplib.SMTP] = []

        def deliver(email: EmailMessage) -> None:
            def attempt() -> None:
                if not connection:
                    connection.append(self._connect())
                self._check_addresses(connection[0], email)
                try:
                    connection[0].send_message(email)
                except (OSError, smtplib.SMTPException):
                    if _broken(connection[0]):
                        _close(connection.pop())
                    raise

            self._with_retries(attempt)

        try:
            yield deliver
        finally:
            if connection:
                _close(connection[0], polite=True)

    @staticmethod
    def _with_retries(action: Callable[[], T]) -> T:
        return retrying(lambda: _once(action))


def _broken(server: smtplib.SMTP) -> bool:
    """Whether the connection is lost after a failure (then the next try makes a new one)."""
    try:
        return server.noop()[0] != 250
    except (OSError, smtplib.SMTPException):
        return True


def _close(server: smtplib.SMTP, polite: bool = False) -> None:
    try:
        if polite:
            server.quit()
        else:
            server.close()
    except (OSError, smtplib.SMTPException):
        server.close()


def _once(action: Callable[[], T]) -> T:
    """One attempt: its result, or its failure as Passing (tried again), Refused (this recipient only) or
    BackendFailure (stop)."""
    try:
        return action()
    except smtplib.SMTPRecipientsRefused as exc:
        code, reply = _reply(exc)
        if 400 <= code < 500:
            raise Passing(say("nl_smtp_failed", error=f"{code} {reply}")) from None
        raise Refused(say("nl_smtp_recipient_refused", code=code, reply=reply)) from None
    except smtplib.SMTPResponseException as exc:
        code, reply = _reply(exc)
        if 400 <= code < 500:
            raise Passing(say("nl_smtp_failed", error=f"{code} {reply}")) from None
        raise BackendFailure(say("nl_smtp_refused", code=code, reply=reply)) from None
    except ssl.SSLError as exc:
        raise BackendFailure(say("nl_smtp_tls_failed", error=exc.reason or str(exc))) from None
    except smtplib.SMTPNotSupportedError as exc:
        raise BackendFailure(say("nl_smtp_refused", code="", reply=str(exc))) from None
    except (smtplib.SMTPServerDisconnected, OSError) as exc:
        raise Passing(say("nl_smtp_failed", error=str(exc) or type(exc).__name__)) from None
