"""The newsletter on the embedded outbox backend: sync rules, announcements, never twice, resuming."""

from __future__ import annotations

import email
import email.policy
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from conftest import Project
from inprocess import projectsite
from mails import body

CSV = """Email,NAME,Language,Consent_At,Tags
mari@example.ee,Mari,et,2024-01-05T10:00,õpetaja;võru
john@example.com,John,en,2024-01-06T09:00,
MARI@example.ee,Mari Teine,et,,
bad-address,X,et,,
kati@example.ee,Kati,fi,,
peeter@example.ee,Peeter,et,,
"""


def newsletter(project: Project, *args: str, today: str = "2022-06-01") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PROJECTSITE_TODAY": today}
    for name in ("MAILCHIMP_API_KEY", "MAILCHIMP_LIST_ID", "SMTP_HOST"):
        env.pop(name, None)
    return projectsite(["newsletter", *args, "--root", str(project.root), "--lang", "en"], env=env, cwd=project.root)


@pytest.fixture
def audience(project: Project) -> Project:
    project.write("subscribers.csv", CSV)
    assert newsletter(project, "sync", str(project.root / "subscribers.csv")).returncode == 0
    return project


def members(project: Project) -> dict[str, tuple[str, str, str]]:
    db = sqlite3.connect(project.root / "outbox" / "audience.sqlite")
    return {r[0]: (r[1], r[2], r[3]) for r in db.execute("SELECT email, status, language, tags FROM members")}


def sent_files(project: Project) -> list[Path]:
    return sorted((project.root / "outbox" / "campaigns").glob("*/sent/*.eml"))


def test_sync_reports_bad_rows_with_their_line_and_reads_the_rest(project: Project) -> None:
    project.write("subscribers.csv", CSV)
    lines = newsletter(project, "sync", str(project.root / "subscribers.csv")).stdout.splitlines()
    assert lines[:3] == [
        "subscribers.csv:5: email: 'bad-address' is not an e-mail address (like name@example.ee)",
        "subscribers.csv:6: language: must be one of 'et', 'en', found 'fi'",
        "2 row(s) skipped; the rest was read.",
    ]
    assert lines[3] == "3 added (2 subscribed, 1 pending their confirmation), 0 updated, 0 unchanged, 0 skipped."


def test_consent_makes_a_subscriber_and_its_absence_a_pending_one(audience: Project) -> None:
    assert members(audience) == {
        "mari@example.ee": ("subscribed", "et", "võru;õpetaja"),
        "john@example.com": ("subscribed", "en", ""),
        "peeter@example.ee": ("pending", "et", ""),
    }


def test_a_second_sync_of_the_same_file_changes_nothing(audience: Project) -> None:
    result = newsletter(audience, "sync", str(audience.root / "subscribers.csv"))
    assert "The audience already matches the file: nothing to change." in result.stdout


def test_a_dry_run_changes_nothing(project: Project) -> None:
    project.write("subscribers.csv", CSV)
    result = newsletter(project, "sync", str(project.root / "subscribers.csv"), "--dry-run")
    assert result.stdout.splitlines()[-1] == "Dry run: nothing was changed."
    assert members(project) == {}


def test_an_unsubscribed_person_is_never_subscribed_again(audience: Project) -> None:
    db = sqlite3.connect(audience.root / "outbox" / "audience.sqlite")
    with db:
        db.execute("UPDATE members SET status = 'unsubscribed' WHERE email = 'mari@example.ee'")
    result = newsletter(audience, "sync", str(audience.root / "subscribers.csv"))
    assert "mari@example.ee: unsubscribed, left as it is (never subscribed again)" in result.stdout
    assert members(audience)["mari@example.ee"][0] == "unsubscribed"


def test_language_and_tags_of_existing_members_follow_the_file(audience: Project) -> None:
    audience.write("more.csv", "email,language,tags\njohn@example.com,et,lapsevanem\n")
    newsletter(audience, "sync", str(audience.root / "more.csv"))
    assert members(audience)["john@example.com"] == ("subscribed", "et", "lapsevanem")


def test_announce_without_send_makes_drafts_only(audience: Project) -> None:
    result = newsletter(audience, "announce", "event:ringsoit-2022")
    assert result.returncode == 0 and "draft" in result.stdout
    assert sent_files(audience) == []
    assert len(list((audience.root / "outbox" / "campaigns").iterdir())) == 2


def test_each_subscriber_gets_the_announcement_in_their_language(audience: Project) -> None:
    newsletter(audience, "announce", "event:ringsoit-2022", "--send")
    messages = [email.message_from_bytes(p.read_bytes(), policy=email.policy.default) for p in sent_files(audience)]
    files = {str(m["To"]): m for m in messages}  # files are numbered, never named by the address
    assert sorted(files) == ["john@example.com", "mari@example.ee"] and len(messages) == 2  # not the pending Peeter
    mari, john = files["mari@example.ee"], files["john@example.com"]
    assert mari["Subject"] == "LÕIM: LÕIM projekti ringsõit Võru maakonnas" and mari["Content-Language"] == "et"
    assert john["Subject"] == "LÕIM: LÕIM study tour of Võru County"
    html = body(john, "html")
    assert "Register for the event" in html and "*|UNSUB|*" not in html


def test_every_message_carries_a_working_unsubscribe(audience: Project) -> None:
    newsletter(audience, "announce", "event:ringsoit-2022", "--send")
    message = email.message_from_bytes(sent_files(audience)[0].read_bytes(), policy=email.policy.default)
    unsubscribe = "mailto:lota.vana@vorumaa.ee?subject=unsubscribe%20john%40example.com"
    assert message["List-Unsubscribe"].strip() == f"<{unsubscribe}>"  # folded: a long header
    assert unsubscribe in body(message, "plain")
    assert f'href="{unsubscribe}"' in body(message, "html")


def test_the_same_item_is_never_sent_twice(audience: Project) -> None:
    newsletter(audience, "announce", "event:ringsoit-2022", "--send")
    again = newsletter(audience, "announce", "event:ringsoit-2022", "--send")
    assert "was sent at" in again.stdout and "not sending it again" in again.stdout
    assert len(list((audience.root / "outbox" / "campaigns").iterdir())) == 2


def test_resend_sends_once_more(audience: Project) -> None:
    newsletter(audience, "announce", "event:ringsoit-2022", "--send")
    result = newsletter(audience, "announce", "event:ringsoit-2022", "--send", "--resend")
    assert result.returncode == 0 and result.stderr == ""
    assert len(sent_files(audience)) == 4


def test_a_run_stopped_after_creating_the_campaign_sends_that_campaign(audience: Project) -> None:
    newsletter(audience, "announce", "event:ringsoit-2022")  # created, then "stopped" before sending
    result = newsletter(audience, "announce", "event:ringsoit-2022", "--send")
    assert "created earlier and not sent yet" in result.stdout
    assert len(list((audience.root / "outbox" / "campaigns").iterdir())) == 2 and len(sent_files(audience)) == 2


def test_a_send_stopped_halfway_resumes_without_duplicates(audience: Project) -> None:
    newsletter(audience, "announce", "event:ringsoit-2022", "--send")
    first = sent_files(audience)[0]
    written = first.read_bytes()
    log = audience.root / "data" / "newsletter-log.yaml"
    log.write_text(log.read_text(encoding="utf-8").rsplit("- item:", 1)[0], encoding="utf-8")  # forget one "sent"
    newsletter(audience, "announce", "event:ringsoit-2022", "--send")
    assert first.read_bytes() == written and len(sent_files(audience)) == 2


def test_the_send_log_is_committed_data_without_personal_data(audience: Project) -> None:
    newsletter(audience, "announce", "event:ringsoit-2022", "--send")
    log = (audience.root / "data" / "newsletter-log.yaml").read_text(encoding="utf-8")
    assert "event:ringsoit-2022" in log and "status: sent" in log and "recipients: 1" in log
    assert "@" not in log


def test_test_e_mails_go_only_to_the_given_addresses(audience: Project) -> None:
    newsletter(audience, "announce", "event:ringsoit-2022", "--test-to", "editor@example.ee")
    tests = sorted((audience.root / "outbox" / "tests").glob("*.eml"))
    assert [p.name[:3] for p in tests] == ["en-", "et-"] and sent_files(audience) == []
    assert {str(email.message_from_bytes(p.read_bytes(), policy=email.policy.default)["To"]) for p in tests} == {
        "editor@example.ee"
    }


def test_a_second_test_e_mail_in_the_same_second_keeps_the_first(audience: Project) -> None:
    for _ in range(2):  # in-process, both runs fall within one second
        newsletter(audience, "announce", "event:ringsoit-2022", "--test-to", "editor@example.ee")
    assert len(list((audience.root / "outbox" / "tests").glob("*.eml"))) == 4


def test_status_counts_the_audience_and_lists_the_announcements(audience: Project) -> None:
    newsletter(audience, "announce", "event:ringsoit-2022", "--send")
    lines = newsletter(audience, "status").stdout.splitlines()
    assert lines[:4] == ["Audience (outbox):", "  pending, et: 1", "  subscribed, en: 1", "  subscribed, et: 1"]
    assert any(line.endswith("(1)") and "event:ringsoit-2022 (et) sent" in line for line in lines)


def test_mailchimp_without_its_key_says_what_it_needs(audience: Project) -> None:
    result = newsletter(audience, "status", "--backend", "mailchimp")
    assert (
        result.returncode == 2
        and result.stdout.strip() == "the mailchimp backend needs MAILCHIMP_API_KEY and MAILCHIMP_LIST_ID"
    )


def test_announce_dry_run_touches_nothing(audience: Project) -> None:
    result = newsletter(audience, "announce", "event:ringsoit-2022", "--send", "--dry-run")
    assert (
        "would send to 1 subscriber(s)" in result.stdout
        and result.stdout.splitlines()[-1] == "Dry run: nothing was changed."
    )
    assert not (audience.root / "outbox" / "campaigns").exists()
    assert not (audience.root / "data" / "newsletter-log.yaml").exists()


def test_the_outbox_cannot_schedule_and_says_so(audience: Project) -> None:
    result = newsletter(audience, "announce", "event:ringsoit-2022", "--schedule", "2099-01-01 10:00")
    assert result.returncode == 2
    assert result.stdout.strip() == "the outbox backend sends at once and cannot schedule; scheduling needs Mailchimp"


def test_a_dry_run_tells_of_the_draft_it_would_send(audience: Project) -> None:
    newsletter(audience, "announce", "event:ringsoit-2022")
    result = newsletter(audience, "announce", "event:ringsoit-2022", "--send", "--dry-run")
    assert "created earlier and not sent yet" in result.stdout and sent_files(audience) == []
