"""The smtp backend against a real SMTP server (aiosmtpd) on 127.0.0.1: delivery, retries, refusals, settings,
a dropped connection, a kill mid-send and two runs at once."""

from __future__ import annotations

import asyncio
import email
import email.policy
import os
import signal
import socket
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from conftest import BIN, Project
from inprocess import projectsite
from test_newsletter import CSV
from tls_ca import certificates


class Mailbox:
    """Keeps what the server accepted. On purpose it can: refuse the next recipients (`refuse`), refuse given
    addresses for good (`refuse_address`), answer DATA with a reply (`data_reply`), drop the connection
    instead of accepting a message (`drop_at`), kill a client after its Nth message (`kill_after`) and
    hold every message until released (`hold`)."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []
        self.raw: list[bytes] = []  # each accepted message as it came, for a parser stricter than the one above
        self.refuse: list[str] = []
        self.refuse_address: dict[str, str] = {}
        self.data_reply: str | None = None
        self.drop_at: set[int] = set()  # numbers of the DATA commands answered by dropping the connection
        self.data_count = 0
        self.kill_after: tuple[int, int] | None = None  # (n, pid)
        self.hold: threading.Event | None = None
        self.received = threading.Event()
        self.quits = 0

    async def handle_QUIT(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.quits += 1
        return "221 Bye"

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if self.refuse:
            return self.refuse.pop(0)
        if address in self.refuse_address:
            return self.refuse_address[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.data_count += 1
        if self.data_count in self.drop_at:
            assert server.transport is not None
            server.transport.close()  # gone without a reply: the message was not taken
            return "421 gone"
        if self.data_reply:
            return self.data_reply
        assert isinstance(envelope.content, bytes)  # aiosmtpd's default: the message as it came, undecoded
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), message))
        self.raw.append(envelope.original_content or envelope.content)
        self.received.set()
        while self.hold is not None and not self.hold.is_set():
            await asyncio.sleep(0.02)
        if self.kill_after and len(self.messages) == self.kill_after[0]:
            os.kill(self.kill_after[1], signal.SIGKILL)  # the worst moment: taken, and the client never knows
        return "250 Message accepted"

    def recipients(self) -> list[str]:
        return sorted(to[0] for to, _ in self.messages)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(box: Mailbox, **options: Any) -> tuple[Controller, int]:
    """A server that takes mail only after STARTTLS, with a certificate of the test CA (unless `tls_context`)."""
    port = free_port()
    options = {"tls_context": certificates().server.server_context(), "require_starttls": True, **options}
    controller = Controller(box, hostname="127.0.0.1", port=port, **options)
    controller.start()
    return controller, port


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, int]]:
    box = Mailbox()
    controller, port = start(box, enable_SMTPUTF8=False)  # a server without SMTPUTF8, as many are
    yield box, port
    controller.stop()


def smtp_env(port: int | str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SMTP_", "MAILCHIMP_"))}
    return {
        **env,
        "PROJECTSITE_TODAY": "2022-06-01",
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(port),
        "PROJECTSITE_BACKOFF": "0.001",
        "SMTP_CA_FILE": str(certificates().ca_file),
        **extra,
    }


def command(project: Project, *args: str) -> list[str]:
    return [str(BIN / "projectsite"), "newsletter", *args, "--root", str(project.root), "--lang", "en"]


def run(project: Project, port: int | str, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return projectsite(command(project, *args)[1:], env=smtp_env(port, **extra))


def statuses(project: Project) -> dict[str, str]:
    db = sqlite3.connect(project.root / "outbox" / "audience.sqlite")
    return dict(db.execute("SELECT email, status FROM members"))


@pytest.fixture
def smtp_audience(project: Project, mailbox: tuple[Mailbox, int]) -> Project:
    project.write("subscribers.csv", CSV)
    assert run(project, mailbox[1], "sync", str(project.root / "subscribers.csv")).returncode == 0
    return project


def estonian_audience(project: Project, port: int, n: int) -> list[str]:
    """n subscribed readers of Estonian; their addresses."""
    addresses = [f"lugeja{i:03d}@example.ee" for i in range(n)]
    project.write("many.csv", "email,language,consent_at\n" + "".join(f"{a},et,2024-01-01T10:00\n" for a in addresses))
    assert run(project, port, "sync", str(project.root / "many.csv")).returncode == 0
    return addresses


def test_smtp_is_chosen_when_smtp_host_is_set_and_delivers_each_language(
    smtp_audience: Project, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    result = run(smtp_audience, port, "announce", "event:ringsoit-2022", "--send")
    assert result.returncode == 0, result.stdout + result.stderr
    delivered = {tuple(to): message for to, message in box.messages}
    assert set(delivered) == {("mari@example.ee",), ("john@example.com",)}
    assert delivered[("mari@example.ee",)]["Subject"] == "LÕIM: LÕIM projekti ringsõit Võru maakonnas"
    assert delivered[("john@example.com",)]["List-Unsubscribe"].strip().startswith("<mailto:lota.vana@vorumaa.ee?")


def test_a_send_ends_its_session_with_quit(smtp_audience: Project, mailbox: tuple[Mailbox, int]) -> None:
    box, port = mailbox
    result = run(smtp_audience, port, "announce", "event:ringsoit-2022", "--send")
    assert result.returncode == 0 and len(box.messages) == 2, result.stdout + result.stderr
    assert box.quits == 2  # one session per language, each ended with QUIT


def test_a_passing_refusal_is_retried(smtp_audience: Project, mailbox: tuple[Mailbox, int]) -> None:
    box, port = mailbox
    box.refuse = ["451 4.3.0 Try again later"]
    result = run(smtp_audience, port, "announce", "event:ringsoit-2022", "--send")
    assert result.returncode == 0, result.stdout
    assert len(box.messages) == 2


def test_an_address_refused_for_good_is_reported_cleaned_and_the_others_get_theirs(
    project: Project, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    addresses = estonian_audience(project, port, 4)
    box.refuse_address = {addresses[1]: "550 5.1.1 Mailbox unavailable"}
    result = run(project, port, "announce", "event:ringsoit-2022", "--send")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stdout + result.stderr
    assert box.recipients() == [addresses[0], addresses[2], addresses[3]]
    assert result.stdout.splitlines()[-2:] == [
        "1 address(es) refused for good, marked cleaned and left out of every later sending:",
        f"  {addresses[1]}: the mail server refused this address for good (550 5.1.1 Mailbox unavailable)",
    ]
    assert statuses(project)[addresses[1]] == "cleaned"


def test_a_refused_address_does_not_block_a_rerun_of_another_item(
    project: Project, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    addresses = estonian_audience(project, port, 3)
    box.refuse_address = {addresses[0]: "550 5.1.1 Mailbox unavailable"}
    run(project, port, "announce", "event:ringsoit-2022", "--send")
    box.messages.clear()
    result = run(project, port, "announce", "event:avaseminar-2022", "--send", "--resend")
    assert result.returncode == 0 and box.recipients() == addresses[1:] and "refused" not in result.stdout


def test_a_refusal_of_the_message_itself_stops_in_plain_words_and_loses_nothing(
    smtp_audience: Project, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    box.data_reply = "554 5.6.0 Message rejected"
    failed = run(smtp_audience, port, "announce", "event:ringsoit-2022", "--send")
    assert failed.returncode == 2 and "Traceback" not in failed.stderr
    assert failed.stdout.strip().endswith(
        "the mail server refused the message (554 5.6.0 Message rejected); "
        "nothing more was sent, run again when it is fixed"
    )
    box.data_reply = None
    again = run(smtp_audience, port, "announce", "event:ringsoit-2022", "--send")
    assert again.returncode == 0 and "created earlier and not sent yet" in again.stdout
    assert box.recipients() == ["john@example.com", "mari@example.ee"]


def add_member(project: Project, address: str) -> None:
    db = sqlite3.connect(project.root / "outbox" / "audience.sqlite")
    with db:
        db.execute(
            "INSERT INTO members (email, name, language, status, tags) VALUES (?, '', 'et', 'subscribed', '')",
            (address,),
        )


def test_a_non_ascii_local_part_without_smtputf8_is_one_refusal(
    smtp_audience: Project, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    add_member(smtp_audience, "jüri@example.ee")
    result = run(smtp_audience, port, "announce", "event:ringsoit-2022", "--send")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stdout + result.stderr
    assert box.recipients() == ["john@example.com", "mari@example.ee"]
    assert (
        "  jüri@example.ee: the mail server cannot take letters beyond ASCII before the @ (it lacks SMTPUTF8)"
        in result.stdout.splitlines()
    )
    assert statuses(smtp_audience)["jüri@example.ee"] == "cleaned"


def test_a_server_with_smtputf8_takes_a_non_ascii_local_part(project: Project) -> None:
    box = Mailbox()
    controller, port = start(box, enable_SMTPUTF8=True)
    try:
        assert (
            run(
                project,
                port,
                "sync",
                str(project.write("one.csv", "email,consent_at\nmari@example.ee,2024-01-01T10:00\n")),
            ).returncode
            == 0
        )
        add_member(project, "jüri@example.ee")
        result = run(project, port, "announce", "event:ringsoit-2022", "--send")
    finally:
        controller.stop()
    assert result.returncode == 0, result.stdout + result.stderr
    assert box.recipients() == ["jüri@example.ee", "mari@example.ee"]


def test_a_connection_dropped_mid_send_is_made_again_and_nobody_is_missed_or_doubled(
    project: Project, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    addresses = estonian_audience(project, port, 4)
    box.drop_at = {2}
    result = run(project, port, "announce", "event:ringsoit-2022", "--send")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stdout + result.stderr
    assert box.data_count == len(addresses) + 1  # the dropped one came again, on a new connection
    assert box.recipients() == addresses


@pytest.mark.parametrize("port", ["smtp", "70000", "-1", "2.5"])
def test_a_bad_smtp_port_is_told_before_anything_is_done(smtp_audience: Project, port: str) -> None:
    result = run(smtp_audience, port, "announce", "event:ringsoit-2022", "--send")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stdout.strip() == f"SMTP_PORT must be a port number from 1 to 65535, found '{port}'"
    assert not (smtp_audience.root / "data" / "newsletter-log.yaml").exists()


def test_a_host_that_does_not_resolve_is_told_in_plain_words(
    smtp_audience: Project, mailbox: tuple[Mailbox, int]
) -> None:
    result = run(
        smtp_audience, mailbox[1], "announce", "event:ringsoit-2022", "--send", SMTP_HOST="no-such-host.invalid"
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "the mail server 'no-such-host.invalid' (SMTP_HOST) was not found" in result.stdout


def test_a_login_to_a_server_without_auth_is_told_in_plain_words(
    smtp_audience: Project, mailbox: tuple[Mailbox, int]
) -> None:
    box = Mailbox()
    controller, port = start(box, auth_exclude_mechanism=["LOGIN", "PLAIN"])  # no AUTH even after STARTTLS
    try:
        result = run(
            smtp_audience, port, "announce", "event:ringsoit-2022", "--send", SMTP_USER="lota", SMTP_PASSWORD="x"
        )
    finally:
        controller.stop()
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "the mail server 127.0.0.1 takes no login (it offers no AUTH)" in result.stdout and box.messages == []


def test_the_smtp_backend_without_a_server_says_what_it_needs(project: Project) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMTP_")}
    result = projectsite(
        ["newsletter", "status", "--backend", "smtp", "--root", str(project.root), "--lang", "en"], env=env
    )
    assert result.returncode == 2 and "needs SMTP_HOST" in result.stdout


def test_a_kill_mid_send_sends_again_at_most_the_one_message_in_flight(
    project: Project, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    addresses = estonian_audience(project, port, 6)
    killed = subprocess.Popen(
        command(project, "announce", "event:ringsoit-2022", "--send"),
        env=smtp_env(port),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    box.kill_after = (3, killed.pid)
    assert killed.wait(timeout=60) == -signal.SIGKILL
    assert len(box.messages) == 3
    again = run(project, port, "announce", "event:ringsoit-2022", "--send")
    assert again.returncode == 0, again.stdout + again.stderr
    got = box.recipients()
    assert sorted(set(got)) == addresses
    assert len(got) == len(addresses) + 1 and got.count(box.messages[2][0][0]) == 2  # only the one in flight


def test_a_second_announce_while_one_sends_refuses_and_sends_nothing(
    project: Project, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    addresses = estonian_audience(project, port, 3)
    box.hold = threading.Event()
    first = subprocess.Popen(
        command(project, "announce", "event:ringsoit-2022", "--send"),
        env=smtp_env(port),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert box.received.wait(timeout=60)  # the first run is sending now, holding the lock
        second = run(project, port, "announce", "event:ringsoit-2022", "--send")
    finally:
        box.hold.set()
    out, err = first.communicate(timeout=60)
    assert first.returncode == 0, out + err
    assert second.returncode == 2 and "Traceback" not in second.stderr
    assert second.stdout.strip() == (
        f"another announce is running (process {first.pid} holds outbox/send.lock); "
        "nothing was sent: wait until it ends, then run again"
    )
    assert box.recipients() == addresses


def test_an_item_sent_by_another_backend_is_not_sent_again(
    smtp_audience: Project, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    log = smtp_audience.root / "data" / "newsletter-log.yaml"
    log.write_text(
        "".join(
            f"- item: event:ringsoit-2022\n  language: {lang}\n  backend: mailchimp\n  campaign: c0001\n"
            f"  status: sent\n  at: '2022-06-01T10:00:00+00:00'\n  recipients: 1\n"
            for lang in ("et", "en")
        ),
        encoding="utf-8",
    )
    result = run(smtp_audience, port, "announce", "event:ringsoit-2022", "--send")
    assert result.returncode == 0 and box.messages == []
    assert (
        "event:ringsoit-2022 (et) was sent at 2022-06-01T10:00:00+00:00 by mailchimp; not sending it again"
        in result.stdout
    )
    resent = run(smtp_audience, port, "announce", "event:ringsoit-2022", "--send", "--resend")
    assert resent.returncode == 0 and box.recipients() == ["john@example.com", "mari@example.ee"]
