"""The audience's lock between real processes: a command that changes the audience or sends (sync, unsubscribe,
subscribe, confirm, announce) refuses at once while another holds it, naming it, and changes nothing; nothing
is lost and nobody is asked twice. The holder is a real `projectsite` process stopped (SIGSTOP) while it holds
the lock, or killed (SIGKILL) there."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from conftest import BIN, Project
from newsletter_cli import make_root, newsletter, statuses

MANY = 20000  # rows: a sync long enough to be stopped while it holds the lock


def write_readers(root: Path, n: int, consent: bool = True) -> Path:
    """A CSV of n new readers (mari@example.ee among them), with consent or pending."""
    when = "2024-01-01T10:00" if consent else ""
    rows = [f"lugeja{i:05d}@example.ee,et,{when}\n" for i in range(n - 1)] + [f"mari@example.ee,et,{when}\n"]
    path = root / "readers.csv"
    path.write_text("email,language,consent_at\n" + "".join(rows), encoding="utf-8")
    return path


def start(root: Path, *args: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SMTP_", "MAILCHIMP_"))}
    return subprocess.Popen(
        [str(BIN / "projectsite"), "newsletter", *args, "--root", str(root), "--lang", "en"],
        env={**env, "PROJECTSITE_TODAY": "2022-06-01"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def holding(root: Path, process: subprocess.Popen[str], command: str) -> bool:
    """Waits until the lock file names `process` running `command`; False when it never did."""
    lock, wanted = root / "outbox" / "send.lock", f"{process.pid} {command}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if lock.exists() and lock.read_text(encoding="utf-8").strip() == wanted:
            return True
        time.sleep(0.001)
    return False


@contextmanager
def stopped_holder(root: Path, command: str, *args: str) -> Iterator[subprocess.Popen[str]]:
    """`projectsite newsletter COMMAND ARGS` stopped while it holds the lock; let go (and waited for) after."""
    process = start(root, command, *args)
    try:
        assert holding(root, process, command), f"{command} never held the lock"
        process.send_signal(signal.SIGSTOP)
        assert process.poll() is None
        yield process
    finally:
        process.send_signal(signal.SIGCONT)
        process.wait(timeout=120)


def busy(command: str, pid: int, what: str = "changed") -> str:
    return (
        f"another {command} is running (process {pid} holds outbox/send.lock); "
        f"nothing was {what}: wait until it ends, then run again"
    )


def test_an_unsubscribe_during_a_sync_is_refused_and_not_lost(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    readers = write_readers(root, MANY)
    with stopped_holder(root, "sync", str(readers), "--quiet") as sync:
        during = newsletter(root, "unsubscribe", "mari@example.ee")
        assert during.returncode == 2 and during.stdout.strip() == busy("sync", sync.pid)
    assert sync.returncode == 0, sync.stderr
    assert newsletter(root, "unsubscribe", "mari@example.ee").returncode == 0
    assert newsletter(root, "sync", str(readers)).returncode == 0
    assert statuses(root)["mari@example.ee"] == "unsubscribed"


def test_a_sync_during_an_unsubscribe_from_a_long_file_is_refused(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    leaving = root / "leaving.txt"
    leaving.write_text("".join(f"lahkuja{i:05d}@example.ee\n" for i in range(MANY)), encoding="utf-8")
    readers = write_readers(root, 10)
    with stopped_holder(root, "unsubscribe", "--from", str(leaving)) as unsubscribe:
        during = newsletter(root, "sync", str(readers))
        assert during.returncode == 2 and during.stdout.strip() == busy("unsubscribe", unsubscribe.pid)
    assert unsubscribe.returncode == 0 and "mari@example.ee" not in statuses(root)


def test_two_confirm_runs_at_once_ask_nobody_twice(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    assert newsletter(root, "sync", str(write_readers(root, 400, consent=False))).returncode == 0
    with stopped_holder(root, "confirm") as first:
        second = newsletter(root, "confirm")
        assert second.returncode == 2 and second.stdout.strip() == busy("confirm", first.pid)
    asked = Counter(
        str(message_from_bytes(p.read_bytes(), policy=policy.default)["To"])
        for p in (root / "outbox" / "confirmations").glob("*.eml")
    )
    assert first.returncode == 0 and len(asked) == 400 and set(asked.values()) == {1}
    assert newsletter(root, "confirm").stdout.startswith("Asked 0 pending people")  # nor does a later run


def test_a_subscribe_during_a_confirm_is_refused(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    assert newsletter(root, "sync", str(write_readers(root, 400, consent=False))).returncode == 0
    with stopped_holder(root, "confirm") as holder:
        result = newsletter(root, "subscribe", "uus@example.ee")
        assert result.returncode == 2 and result.stdout.strip() == busy("confirm", holder.pid)
    assert "uus@example.ee" not in statuses(root)


@pytest.mark.parametrize("command", ["sync", "unsubscribe", "subscribe"])
def test_a_dry_run_changes_nothing_and_needs_no_lock(tmp_path: Path, command: str) -> None:
    root = make_root(tmp_path)
    readers = write_readers(root, MANY)
    with stopped_holder(root, "sync", str(readers), "--quiet"):
        given = [str(readers)] if command == "sync" else ["mari@example.ee"]
        result = newsletter(root, command, *given, "--dry-run")
        assert result.returncode == 0 and "is running" not in result.stdout, result.stdout
        assert result.stdout.endswith("Dry run: nothing was changed.\n")


def test_a_sync_killed_while_holding_the_lock_changes_nothing_and_frees_it(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    readers = write_readers(root, MANY)
    process = start(root, "sync", str(readers), "--quiet")
    assert holding(root, process, "sync")
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    assert newsletter(root, "unsubscribe", "mari@example.ee").returncode == 0  # the lock went with the process
    assert newsletter(root, "sync", str(readers)).returncode == 0
    found = statuses(root)
    assert len(found) == MANY and found["mari@example.ee"] == "unsubscribed"


def test_a_sync_and_an_unsubscribe_during_an_announce_are_refused(project: Project) -> None:
    root = project.root
    assert newsletter(root, "sync", str(write_readers(root, 500))).returncode == 0
    with stopped_holder(root, "announce", "event:ringsoit-2022", "--send", "--quiet") as announce:
        for during in (newsletter(root, "sync", str(root / "readers.csv")), newsletter(root, "unsubscribe", "x@y.ee")):
            assert during.returncode == 2 and during.stdout.strip() == busy("announce", announce.pid)
    assert announce.returncode == 0, announce.stderr
    assert "x@y.ee" not in statuses(root)
