"""The smtp backend against a real SMTP server (aiosmtpd) on 127.0.0.1: delivery, retries, refusals."""
from __future__ import annotations

import email
import email.policy
import os
import socket
import subprocess
from collections.abc import Iterator

import pytest
from aiosmtpd.controller import Controller

from conftest import BIN, Project
from test_newsletter import CSV


class Mailbox:
    """Keeps what the server accepted; can refuse the next recipients with a given reply."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []
        self.refuse: list[str] = []

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802 (aiosmtpd's name)
        if self.refuse:
            return self.refuse.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, int]]:
    box, port = Mailbox(), free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    yield box, port
    controller.stop()


def run(project: Project, port: int, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PROJECTSITE_TODAY": "2022-06-01", "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(port)}
    return subprocess.run([str(BIN / "projectsite"), "newsletter", *args, "--root", str(project.root), "--lang", "en"],
                          capture_output=True, text=True, env=env)


@pytest.fixture
def smtp_audience(project: Project, mailbox: tuple[Mailbox, int]) -> Project:
    project.write("subscribers.csv", CSV)
    assert run(project, mailbox[1], "sync", str(project.root / "subscribers.csv")).returncode == 0
    return project


def test_smtp_is_chosen_when_smtp_host_is_set_and_delivers_each_language(smtp_audience: Project,
                                                                         mailbox: tuple[Mailbox, int]) -> None:
    box, port = mailbox
    result = run(smtp_audience, port, "announce", "event:ringsoit-2022", "--send")
    assert result.returncode == 0, result.stdout + result.stderr
    delivered = {tuple(to): message for to, message in box.messages}
    assert set(delivered) == {("mari@example.ee",), ("john@example.com",)}
    assert delivered[("mari@example.ee",)]["Subject"] == "LÕIM: LÕIM projekti ringsõit Võru maakonnas"
    assert delivered[("john@example.com",)]["List-Unsubscribe"].strip().startswith("<mailto:lota.vana@vorumaa.ee?")


def test_a_passing_refusal_is_retried(smtp_audience: Project, mailbox: tuple[Mailbox, int]) -> None:
    box, port = mailbox
    box.refuse = ["451 4.3.0 Try again later"]
    result = run(smtp_audience, port, "announce", "event:ringsoit-2022", "--send")
    assert result.returncode == 0, result.stdout
    assert len(box.messages) == 2


def test_a_lasting_refusal_stops_in_plain_words_and_loses_nothing(smtp_audience: Project,
                                                                 mailbox: tuple[Mailbox, int]) -> None:
    box, port = mailbox
    box.refuse = ["550 5.1.1 Mailbox unavailable"]
    failed = run(smtp_audience, port, "announce", "event:ringsoit-2022", "--send")
    assert failed.returncode == 2 and "Traceback" not in failed.stderr
    assert failed.stdout.strip().endswith("the mail server refused the message (550 5.1.1 Mailbox unavailable); "
                                          "nothing more was sent, run again when it is fixed")
    again = run(smtp_audience, port, "announce", "event:ringsoit-2022", "--send")
    assert again.returncode == 0 and "created earlier and not sent yet" in again.stdout
    assert sorted(to[0] for to, _ in box.messages) == ["john@example.com", "mari@example.ee"]


def test_the_smtp_backend_without_a_server_says_what_it_needs(project: Project) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMTP_")}
    result = subprocess.run([str(BIN / "projectsite"), "newsletter", "status", "--backend", "smtp", "--root",
                             str(project.root), "--lang", "en"], capture_output=True, text=True, env=env)
    assert result.returncode == 2 and "needs SMTP_HOST" in result.stdout
