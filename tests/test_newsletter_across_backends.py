"""Exactly once across backends: a sending that stopped halfway on one backend (killed) is never started again on
another, which can't know who already has it; it goes on only where it began. Real SMTP (aiosmtpd), the
Mailchimp-compatible fake server, and real processes killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Iterator

import pytest
from conftest import Project
from fake_mailchimp import FakeMailchimp
from inprocess import projectsite
from test_newsletter_once import announce_process, many_readers, recipients
from test_newsletter_smtp import Mailbox, command, estonian_audience, smtp_env, start
from test_newsletter_smtp import run as on_smtp

ITEM = "event:ringsoit-2022"


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, int]]:
    box = Mailbox()
    controller, port = start(box, enable_SMTPUTF8=False)
    yield box, port
    controller.stop()


@pytest.fixture
def mailchimp() -> Iterator[tuple[FakeMailchimp, str]]:
    fake = FakeMailchimp()
    with fake.running() as url:
        yield fake, url


def on_mailchimp(
    project: Project, mailchimp: tuple[FakeMailchimp, str], *args: str
) -> subprocess.CompletedProcess[str]:
    fake, url = mailchimp
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SMTP_", "MAILCHIMP_"))}
    env = {
        **clean,
        "MAILCHIMP_API_KEY": fake.key,
        "MAILCHIMP_LIST_ID": fake.list_id,
        "MAILCHIMP_API_URL": url,
        "NO_PROXY": "127.0.0.1,localhost",
        "PROJECTSITE_TODAY": "2022-06-01",
        "PROJECTSITE_BACKOFF": "0.001",
    }
    return projectsite(["newsletter", *args, "--root", str(project.root), "--lang", "en"], env=env)


def partly(backend: str, lang: str = "et") -> str:
    return f"{ITEM} ({lang}) was being sent by {backend} (campaign "


def test_a_sending_killed_halfway_on_smtp_is_not_started_again_on_mailchimp(
    project: Project, mailbox: tuple[Mailbox, int], mailchimp: tuple[FakeMailchimp, str]
) -> None:
    box, port = mailbox
    addresses = estonian_audience(project, port, 6)
    assert on_mailchimp(project, mailchimp, "sync", str(project.root / "many.csv")).returncode == 0
    killed = subprocess.Popen(
        command(project, "announce", ITEM, "--send"),
        env=smtp_env(port),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    box.kill_after = (3, killed.pid)
    assert killed.wait(timeout=60) == -signal.SIGKILL and len(box.messages) == 3
    elsewhere = on_mailchimp(project, mailchimp, "announce", ITEM, "--send")
    assert elsewhere.returncode == 2 and elsewhere.stdout.startswith(partly("smtp")), elsewhere.stdout
    assert mailchimp[0].campaigns == {}  # nothing made, nothing sent
    again = on_smtp(project, port, "announce", ITEM, "--send")
    assert again.returncode == 0, again.stdout + again.stderr
    got = box.recipients()
    assert sorted(set(got)) == addresses and len(got) == len(addresses) + 1  # only the one in flight twice
    later = on_mailchimp(project, mailchimp, "announce", ITEM, "--send")
    assert later.returncode == 0 and f"{ITEM} (et) was sent at" in later.stdout and mailchimp[0].campaigns == {}


def test_a_sending_killed_halfway_on_the_outbox_is_not_started_again_on_smtp(
    project: Project, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    addresses = many_readers(project, 200)
    killed = announce_process(project)
    deadline = time.monotonic() + 60
    while len(list((project.root / "outbox" / "campaigns").glob("*/sent/*.eml"))) < 50:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=30)
    elsewhere = on_smtp(project, port, "announce", ITEM, "--send")
    assert elsewhere.returncode == 2 and elsewhere.stdout.startswith(partly("outbox")), elsewhere.stdout
    assert box.messages == []
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SMTP_", "MAILCHIMP_"))}
    again = projectsite(
        ["newsletter", "announce", ITEM, "--send", "--root", str(project.root), "--lang", "en"],
        env={**clean, "PROJECTSITE_TODAY": "2022-06-01"},
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert recipients(project) == Counter(dict.fromkeys(addresses, 1))


def test_a_mailchimp_sending_the_log_saw_begin_is_not_repeated_by_smtp(
    project: Project, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    estonian_audience(project, port, 3)
    entry = (
        "- item: event:ringsoit-2022\n  language: et\n  backend: mailchimp\n  campaign: c0001\n  status: {status}\n"
        "  at: '2022-06-01T10:00:00+00:00'\n"
    )
    log = project.root / "data" / "newsletter-log.yaml"
    log.write_text(entry.format(status="created") + entry.format(status="sending"), encoding="utf-8")
    result = on_smtp(project, port, "announce", ITEM, "--send")
    assert result.returncode == 2 and result.stdout.startswith(partly("mailchimp")) and box.messages == []
    assert "--backend mailchimp to reach only those still without it" in result.stdout
    resent = on_smtp(project, port, "announce", ITEM, "--send", "--resend")
    assert resent.returncode == 0 and len(box.messages) == 3  # --resend: the editor's choice, to everyone


def test_the_log_records_the_start_of_a_sending_before_its_end(project: Project, mailbox: tuple[Mailbox, int]) -> None:
    port = mailbox[1]
    estonian_audience(project, port, 2)
    assert on_smtp(project, port, "announce", ITEM, "--send").returncode == 0
    text = (project.root / "data" / "newsletter-log.yaml").read_text(encoding="utf-8")
    statuses = [line.split(": ")[1] for line in text.splitlines() if line.strip().startswith("status:")]
    assert statuses == ["created", "sending", "sent"] * 2
