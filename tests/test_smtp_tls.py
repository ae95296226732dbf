"""STARTTLS with the certificate and the host name checked, against aiosmtpd on 127.0.0.1: a certificate of a CA
nobody trusts, or for another host name, is refused before the password leaves; SMTP_CA_FILE makes a private CA
trusted; a server without STARTTLS is refused unless SMTP_ALLOW_PLAIN=1 and it is on this machine."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest
from aiosmtpd.smtp import AuthResult, LoginPassword
from conftest import Project
from test_newsletter_smtp import Mailbox, estonian_audience, run, start
from tls_ca import Certificate, certificates

ITEM = "event:ringsoit-2022"
Server = tuple["Mailbox", "Logins", int]  # what a server fixture gives: its mailbox, its logins and its port


class Logins:
    """Every login the server was given (user, password); all are accepted."""

    def __init__(self) -> None:
        self.given: list[tuple[str, str]] = []

    def __call__(
        self, server: object, session: object, envelope: object, mechanism: str, auth_data: object
    ) -> AuthResult:
        if isinstance(auth_data, LoginPassword):
            self.given.append((auth_data.login.decode(), auth_data.password.decode()))
        return AuthResult(success=True)


@pytest.fixture
def audience(project: Project) -> Project:
    """Two readers, synced into the local audience (sync sends nothing, so any port will do)."""
    estonian_audience(project, 9, 2)
    return project


def serving_with(certificate: Certificate | None) -> Iterator[tuple[Mailbox, Logins, int]]:
    box, logins = Mailbox(), Logins()
    tls = certificate.server_context() if certificate else None
    controller, port = start(box, authenticator=logins, require_starttls=certificate is not None, tls_context=tls)
    try:
        yield box, logins, port
    finally:
        controller.stop()


@pytest.fixture
def unknown_ca() -> Iterator[tuple[Mailbox, Logins, int]]:
    yield from serving_with(certificates().unknown_ca)


@pytest.fixture
def other_host() -> Iterator[tuple[Mailbox, Logins, int]]:
    yield from serving_with(certificates().other_host)


@pytest.fixture
def private_ca() -> Iterator[tuple[Mailbox, Logins, int]]:
    yield from serving_with(certificates().server)


@pytest.fixture
def no_tls() -> Iterator[tuple[Mailbox, Logins, int]]:
    yield from serving_with(None)


def send(project: Project, port: int, **extra: str) -> subprocess.CompletedProcess[str]:
    return run(project, port, "announce", ITEM, "--send", SMTP_USER="lota", SMTP_PASSWORD="secret-word", **extra)


def test_a_certificate_of_an_unknown_ca_is_refused_before_the_password_leaves(
    audience: Project, unknown_ca: Server
) -> None:
    box, logins, port = unknown_ca
    result = send(audience, port)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stdout + result.stderr
    assert result.stdout.startswith("the mail server 127.0.0.1 showed a certificate that can't be trusted (")
    assert "unable to get local issuer certificate" in result.stdout and "SMTP_CA_FILE" in result.stdout
    assert logins.given == [] and box.messages == []


def test_a_certificate_for_another_host_name_is_refused(audience: Project, other_host: Server) -> None:
    box, logins, port = other_host
    result = send(audience, port)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stdout + result.stderr
    assert (
        "showed a certificate that can't be trusted (IP address mismatch, certificate is not valid for '127.0.0.1'"
        in result.stdout
    )
    assert logins.given == [] and box.messages == []


def test_without_smtp_ca_file_the_private_ca_is_not_trusted(audience: Project, private_ca: Server) -> None:
    box, logins, port = private_ca
    result = send(audience, port, SMTP_CA_FILE="")
    assert result.returncode == 2 and "can't be trusted" in result.stdout
    assert logins.given == [] and box.messages == []


def test_smtp_ca_file_makes_a_private_ca_trusted_and_the_login_goes_encrypted(
    audience: Project, private_ca: Server
) -> None:
    box, logins, port = private_ca
    result = send(audience, port)
    assert result.returncode == 0, result.stdout + result.stderr
    assert logins.given == [("lota", "secret-word")] and len(box.messages) == 2


def test_an_unreadable_smtp_ca_file_is_told_before_anything_is_done(audience: Project, private_ca: Server) -> None:
    box, _logins, port = private_ca
    result = send(audience, port, SMTP_CA_FILE=str(audience.root / "no-such-ca.pem"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stdout.startswith(f"SMTP_CA_FILE '{audience.root / 'no-such-ca.pem'}' can't be read")
    assert box.messages == [] and not (audience.root / "data" / "newsletter-log.yaml").exists()


def test_a_server_without_starttls_is_refused_even_without_a_login(audience: Project, no_tls: Server) -> None:
    box, _logins, port = no_tls
    result = run(audience, port, "announce", ITEM, "--send")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stdout.startswith("the mail server 127.0.0.1 offers no STARTTLS: nothing is sent unencrypted")
    assert box.messages == []


def test_smtp_allow_plain_lets_a_server_on_this_machine_go_without_starttls(audience: Project, no_tls: Server) -> None:
    box, _logins, port = no_tls
    result = run(audience, port, "announce", ITEM, "--send", SMTP_ALLOW_PLAIN="1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(box.messages) == 2


def test_smtp_allow_plain_is_refused_for_a_server_elsewhere(audience: Project) -> None:
    result = run(audience, 25, "announce", ITEM, "--send", SMTP_ALLOW_PLAIN="1", SMTP_HOST="mail.example.org")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stdout.strip() == (
        "SMTP_ALLOW_PLAIN=1 is only for a mail server on this machine (127.0.0.1, ::1, localhost), "
        "not mail.example.org; nothing was sent"
    )
