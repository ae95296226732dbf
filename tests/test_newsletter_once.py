"""Exactly once on the outbox backend: the send log validated when read and never losing an entry, two runs
at once, and a run killed mid-send."""

from __future__ import annotations

import email
import email.policy
import os
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest
from conftest import BIN, Project
from test_newsletter import audience, newsletter, sent_files  # noqa: F401 (a fixture)

from projectsite.newsletter.sendlog import SendLog, SendLogInvalid

ITEM = "event:ringsoit-2022"
ENTRY = "- item: event:ringsoit-2022\n  language: {lang}\n  backend: outbox\n  campaign: c1\n  status: {status}\n  at: '2022-06-01T10:00:00+00:00'\n"


def log_path(project: Project) -> Path:
    return project.root / "data" / "newsletter-log.yaml"


def recipients(project: Project) -> Counter[str]:
    """How many .eml files each address got, across every campaign."""
    return Counter(
        str(email.message_from_bytes(p.read_bytes(), policy=email.policy.default)["To"]) for p in sent_files(project)
    )


@pytest.mark.parametrize(
    "log, line, words",
    [
        (
            ENTRY.format(lang="et", status="sent")
            + "<<<<<<< HEAD\n"
            + ENTRY.format(lang="en", status="sent")
            + "=======\n>>>>>>> other\n",
            7,
            "a merge conflict marker",
        ),
        (ENTRY.format(lang="et", status="snet"), 5, "status: expected created, sent, scheduled, sending, found 'snet'"),
        (
            ENTRY.format(lang="et", status="sent").replace("'2022-06-01T10:00:00+00:00'", "yesterday"),
            6,
            "at: expected a time like 2022-06-01T10:00:00+00:00, found 'yesterday'",
        ),
        (
            ENTRY.format(lang="Eesti", status="sent"),
            2,
            "language: expected a language code like et, en or ru, found 'Eesti'",
        ),
        (
            ENTRY.format(lang="et", status="sent").replace("  campaign: c1\n", ""),
            1,
            "the required field 'campaign' is missing",
        ),
        (ENTRY.format(lang="et", status="sent") + "  sent_by: me\n", 7, "unknown field 'sent_by'"),
        ("- item: event:ringsoit-2022\n  language: [et\n", 2, "not readable as YAML (the bracket [ on this line"),
        ("item: event:ringsoit-2022\n", 1, "expected a list of entries"),
    ],
)
def test_a_hand_edited_log_is_a_message_with_its_line_and_nothing_is_sent(
    audience: Project,  # noqa: F811
    log: str,
    line: int,
    words: str,
) -> None:
    log_path(audience).write_text(log, encoding="utf-8")
    result = newsletter(audience, "announce", ITEM, "--send")
    assert result.returncode == 1 and "Traceback" not in result.stderr and result.stderr == ""
    first, fix = result.stdout.splitlines()
    assert first.startswith(f"data/newsletter-log.yaml:{line}:") and words in first
    assert fix.startswith("the send log was changed by hand or by a merge; nothing was sent")
    assert sent_files(audience) == [] and log_path(audience).read_text(encoding="utf-8") == log


def test_status_reports_a_broken_log_too(audience: Project) -> None:  # noqa: F811
    log_path(audience).write_text(ENTRY.format(lang="et", status="sent") + "=======\n", encoding="utf-8")
    result = newsletter(audience, "status")
    assert result.returncode == 1 and result.stdout.startswith("data/newsletter-log.yaml:7: a merge conflict marker")


def test_aliases_in_the_log_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "log.yaml"
    path.write_text("- &a {item: 'event:x'}\n- *a\n", encoding="utf-8")
    with pytest.raises(SendLogInvalid, match="anchors and aliases"):
        SendLog(path, "log.yaml")


def test_the_log_reads_values_as_written_not_as_yaml_1_1_guesses(tmp_path: Path) -> None:
    path = tmp_path / "log.yaml"
    path.write_text(
        "- item: event:x\n  language: en\n  backend: mailchimp\n  campaign: 0300\n  status: sent\n"
        "  at: 2022-06-01T10:00:00+00:00\n  recipients: 12\n",
        encoding="utf-8",
    )
    entry = SendLog(path, "log.yaml").entries[0]
    assert (entry.campaign, entry.at, entry.recipients) == ("0300", "2022-06-01T10:00:00+00:00", 12)


def test_an_entry_written_by_another_run_since_reading_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "newsletter-log.yaml"
    mine, theirs = SendLog(path), SendLog(path)
    theirs.record("event:a", "et", "outbox", "c1", "sent", recipients=3)
    mine.record("event:b", "et", "outbox", "c2", "created")
    assert [(e.item, e.status) for e in SendLog(path).entries] == [("event:a", "sent"), ("event:b", "created")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newsletter-log.yaml"]  # no temporary file left


def test_a_hand_removed_sent_entry_sends_nobody_twice(audience: Project) -> None:  # noqa: F811
    newsletter(audience, "announce", ITEM, "--send")
    text = log_path(audience).read_text(encoding="utf-8")
    log_path(audience).write_text(text.replace("status: sent", "status: created"), encoding="utf-8")
    again = newsletter(audience, "announce", ITEM, "--send")
    assert again.returncode == 0 and recipients(audience) == Counter({"mari@example.ee": 1, "john@example.com": 1})


def many_readers(project: Project, n: int) -> list[str]:
    addresses = [f"lugeja{i:04d}@example.ee" for i in range(n)]
    project.write("many.csv", "email,language,consent_at\n" + "".join(f"{a},et,2024-01-01T10:00\n" for a in addresses))
    assert newsletter(project, "sync", str(project.root / "many.csv")).returncode == 0
    return addresses


def announce_process(project: Project) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SMTP_", "MAILCHIMP_"))}
    return subprocess.Popen(
        [
            str(BIN / "projectsite"),
            "newsletter",
            "announce",
            ITEM,
            "--send",
            "--root",
            str(project.root),
            "--lang",
            "en",
        ],
        env={**env, "PROJECTSITE_TODAY": "2022-06-01"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_runs_started_together_send_each_reader_one_message(project: Project) -> None:
    addresses = many_readers(project, 300)
    runs = [announce_process(project), announce_process(project)]
    results = [(r.wait(timeout=120), *r.communicate()) for r in runs]
    assert all("Traceback" not in err for _, _, err in results)
    assert sorted(code for code, _, _ in results) in ([0, 0], [0, 2])
    assert recipients(project) == Counter(dict.fromkeys(addresses, 1))
    sent = [e for e in SendLog(log_path(project)).entries if e.status == "sent"]
    assert sorted(e.language for e in sent) == ["en", "et"]  # one sending per language, none lost, none twice


def test_a_run_killed_mid_send_goes_on_without_a_duplicate(project: Project) -> None:
    addresses = many_readers(project, 200)
    killed = announce_process(project)
    deadline = time.monotonic() + 60
    while len(sent_files(project)) < 50 and time.monotonic() < deadline:
        time.sleep(0.01)
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=30)
    assert 50 <= len(sent_files(project)) < len(addresses)  # killed mid-send, for real
    again = newsletter(project, "announce", ITEM, "--send")
    assert again.returncode == 0, again.stdout + again.stderr
    assert recipients(project) == Counter(dict.fromkeys(addresses, 1))
