"""The SMTP backend: the local audience of the outbox, and real delivery through a mail server.

Settings from the environment: SMTP_HOST, SMTP_PORT (587), SMTP_USER and SMTP_PASSWORD (optional), SMTP_CA_FILE
(a private CA's certificates, PEM) and SMTP_ALLOW_PLAIN (1: a server on this machine without STARTTLS).
Every session is encrypted with STARTTLS and the server's certificate and name are checked (the system's CAs,
or SMTP_CA_FILE) before anything is sent, the password first of all; only a server on 127.0.0.1, ::1 or
localhost may be used without it, and only when SMTP_ALLOW_PLAIN=1 says so. Each message has a total
deadline (backends_base.Deadline), retries included: a server that accepts and never answers is given up
within it, by name. Passing failures (a dropped connection, a 4xx reply) are retried with backoff on a
new connection; a 4xx to one recipient that lasts defers that recipient (a run again tries it); a lasting
refusal of one recipient (5xx to RCPT, or an address with letters beyond ASCII
before the @ when the server lacks SMTPUTF8) is that recipient's alone, and the others go on.
"""

from __future__ import annotations

import os
import re
import smtplib
import socket
import ssl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from pathlib import Path

from ..messages import Message, say
from .backends_base import (
    BackendFailure,
    BackendUnavailable,
    Deadline,
    Passing,
    PassingRecipient,
    Refused,
    T,
    retrying,
)
from .outbox import OutboxBackend
from .settings import Settings

LOCAL_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})
LOGIN_METHODS = frozenset({"CRAM-MD5", "PLAIN", "LOGIN"})  # the AUTH methods smtplib can use


def _is_local(host: str) -> bool:
    """This machine by its own name or address (never by a name that a resolver could answer otherwise)."""
    return host.lower() in LOCAL_HOSTS


def tls_context() -> ssl.SSLContext:
    """Certificates and host names checked: the system's CAs, or SMTP_CA_FILE's when it is given."""
    ca_file = os.environ.get("SMTP_CA_FILE", "").strip()
    try:
        return ssl.create_default_context(cafile=ca_file or None)
    except (OSError, ssl.SSLError, ValueError) as exc:
        error = getattr(exc, "strerror", None) or getattr(exc, "reason", None) or str(exc)
        raise BackendUnavailable(say("nl_smtp_bad_ca", file=ca_file, error=error)) from None


def plain_allowed(host: str) -> bool:
    """SMTP_ALLOW_PLAIN=1: a server on this machine may be used without STARTTLS; for any other it is refused."""
    value = os.environ.get("SMTP_ALLOW_PLAIN", "").strip()
    if value in ("", "0"):
        return False
    if value != "1":
        raise BackendUnavailable(say("nl_smtp_bad_plain", value=value))
    if not _is_local(host):
        raise BackendUnavailable(say("nl_smtp_plain_not_local", host=host))
    return True


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
        self.tls = tls_context()
        self.plain = plain_allowed(self.host)
        super().__init__(root, settings)

    def _connect(self, deadline: Deadline) -> smtplib.SMTP:
        user, password = os.environ.get("SMTP_USER"), os.environ.get("SMTP_PASSWORD")
        try:
            server = smtplib.SMTP(self.host, self.port, timeout=deadline.left())
        except (socket.gaierror, UnicodeError):
            raise BackendFailure(say("nl_smtp_unknown_host", host=self.host)) from None
        server.ehlo()
        if server.has_extn("starttls"):
            self._starttls(server)
        elif not self.plain:
            server.close()
            raise BackendFailure(say("nl_smtp_no_tls", host=self.host))
        if user:
            self._login(server, user, password or "")
        return server

    def _starttls(self, server: smtplib.SMTP) -> None:
        """Encryption with the certificate and the host name checked; a server that fails the check is told
        nothing more (no password, no message)."""
        try:
            server.starttls(context=self.tls)
        except ssl.SSLCertVerificationError as exc:
            server.close()
            error = exc.verify_message or exc.reason or str(exc)
            raise BackendFailure(say("nl_smtp_certificate", host=self.host, error=error)) from None
        server.ehlo()

    def _login(self, server: smtplib.SMTP, user: str, password: str) -> None:
        try:
            if not set(server.esmtp_features.get("auth", "").upper().split()) & LOGIN_METHODS:
                raise smtplib.SMTPNotSupportedError("no AUTH method that smtplib knows")
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
            deadline = Deadline.start()

            def attempt() -> None:
                if not connection:
                    connection.append(self._connect(deadline))
                elif connection[0].sock is not None:
                    connection[0].sock.settimeout(deadline.left())
                self._check_addresses(connection[0], email)
                try:
                    connection[0].send_message(email)
                except (OSError, smtplib.SMTPException):
                    if _broken(connection[0]):
                        _close(connection.pop())
                    raise

            self._with_retries(attempt, deadline)

        try:
            yield deliver
        finally:
            if connection:
                _close(connection[0], polite=True)

    def _with_retries(self, action: Callable[[], T], deadline: Deadline) -> T:
        def late(last: Passing) -> Message:
            server = f"{self.host}:{self.port}"
            return say("nl_smtp_deadline", server=server, seconds=f"{deadline.seconds:g}", error=last.detail)

        return retrying(lambda: _once(action), deadline, late)


def _broken(server: smtplib.SMTP) -> bool:
    """Whether the connection is lost after a failure (then the next try makes a new one)."""
    try:
        return server.noop()[0] != 250
    except (OSError, smtplib.SMTPException):
        return True


def _close(server: smtplib.SMTP, polite: bool = False) -> None:
    """QUIT when `polite`, waiting no longer than a deadline of its own; the socket is closed in any case."""
    try:
        if server.sock is not None:
            server.sock.settimeout(Deadline.start().left())
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
            raise PassingRecipient(say("nl_smtp_deferred", code=code, reply=reply), f"{code} {reply}") from None
        raise Refused(say("nl_smtp_recipient_refused", code=code, reply=reply)) from None
    except smtplib.SMTPResponseException as exc:
        code, reply = _reply(exc)
        if 400 <= code < 500:
            raise Passing(say("nl_smtp_failed", error=f"{code} {reply}"), f"{code} {reply}") from None
        raise BackendFailure(say("nl_smtp_refused", code=code, reply=reply)) from None
    except ssl.SSLError as exc:
        raise BackendFailure(say("nl_smtp_tls_failed", error=exc.reason or str(exc))) from None
    except smtplib.SMTPNotSupportedError as exc:
        raise BackendFailure(say("nl_smtp_refused", code="", reply=str(exc))) from None
    except (smtplib.SMTPServerDisconnected, OSError) as exc:
        error = str(exc) or type(exc).__name__
        raise Passing(say("nl_smtp_failed", error=error), error) from None
