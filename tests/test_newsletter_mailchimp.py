"""The mailchimp backend, through the official client, against a Mailchimp-compatible server on loopback."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator

import pytest
from conftest import Project
from fake_mailchimp import FakeMailchimp, Json
from inprocess import projectsite
from test_newsletter import CSV


@pytest.fixture
def mailchimp() -> Iterator[tuple[FakeMailchimp, str]]:
    fake = FakeMailchimp()
    with fake.running() as url:
        yield fake, url


def run(
    project: Project, fake: FakeMailchimp, url: str, *args: str, list_id: str | None = None, key: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "MAILCHIMP_API_KEY": key or fake.key,
        "MAILCHIMP_LIST_ID": list_id or fake.list_id,
        "MAILCHIMP_API_URL": url,
        "NO_PROXY": "127.0.0.1,localhost",
        "PROJECTSITE_TODAY": "2022-06-01",
        "PROJECTSITE_BACKOFF": "0.001",
    }
    return projectsite(["newsletter", *args, "--root", str(project.root), "--lang", "en"], env=env)


def sync(project: Project, fake: FakeMailchimp, url: str, **kwargs: str) -> subprocess.CompletedProcess[str]:
    project.write("subscribers.csv", CSV)
    return run(project, fake, url, "sync", str(project.root / "subscribers.csv"), **kwargs)


def test_mailchimp_is_chosen_by_its_key_and_list_and_adds_members(
    project: Project, mailchimp: tuple[FakeMailchimp, str]
) -> None:
    fake, url = mailchimp
    result = sync(project, fake, url)
    assert result.returncode == 0, result.stdout + result.stderr
    assert {e: (m["status"], m["language"]) for e, m in fake.members.items()} == {
        "mari@example.ee": ("subscribed", "et"),
        "john@example.com": ("subscribed", "en"),
        "peeter@example.ee": ("pending", "et"),
    }
    assert fake.members["mari@example.ee"]["merge_fields"] == {"FNAME": "Mari"}
    assert fake.requests == [("GET", "/3.0/lists/a1b2c3/members"), ("POST", "/3.0/lists/a1b2c3")]


def test_a_second_sync_sends_no_changes(project: Project, mailchimp: tuple[FakeMailchimp, str]) -> None:
    fake, url = mailchimp
    sync(project, fake, url)
    fake.requests.clear()
    result = sync(project, fake, url)
    assert "nothing to change" in result.stdout and [m for m, _ in fake.requests] == ["GET"]


def test_an_unsubscribed_member_on_mailchimp_is_never_subscribed_again(
    project: Project, mailchimp: tuple[FakeMailchimp, str]
) -> None:
    fake, url = mailchimp
    fake.members["mari@example.ee"] = {
        "email_address": "mari@example.ee",
        "status": "unsubscribed",
        "language": "et",
        "merge_fields": {"FNAME": "Mari"},
        "tags": [],
    }
    result = sync(project, fake, url)
    assert "mari@example.ee: unsubscribed, left as it is (never subscribed again)" in result.stdout
    assert fake.members["mari@example.ee"]["status"] == "unsubscribed"


def test_throttling_and_failures_of_the_service_are_retried(
    project: Project, mailchimp: tuple[FakeMailchimp, str]
) -> None:
    fake, url = mailchimp
    fake.fail_next = [429, 503, 500]
    result = sync(project, fake, url)
    assert result.returncode == 0, result.stdout
    assert len(fake.members) == 3


def test_a_refusal_is_told_in_the_services_words_without_the_key(
    project: Project, mailchimp: tuple[FakeMailchimp, str]
) -> None:
    fake, url = mailchimp
    result = sync(project, fake, url, list_id="no-such-list")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stdout.strip().endswith(
        "Mailchimp refused (404 Resource Not Found): The requested resource could not be found.; nothing more was changed"
    )
    assert fake.key not in result.stdout + result.stderr


def test_a_wrong_key_is_reported_and_never_printed(project: Project, mailchimp: tuple[FakeMailchimp, str]) -> None:
    fake, url = mailchimp
    result = sync(project, fake, url, key="ffffffffffffffff-us1")
    assert result.returncode == 2 and "API Key Invalid" in result.stdout
    assert "ffffffffffffffff" not in result.stdout + result.stderr


@pytest.fixture
def synced(project: Project, mailchimp: tuple[FakeMailchimp, str]) -> Project:
    fake, url = mailchimp
    assert sync(project, fake, url).returncode == 0
    return project


def languages(fake: FakeMailchimp) -> dict[str, Json]:
    return {c["recipients"]["segment_opts"]["conditions"][0]["value"]: c for c in fake.campaigns.values()}


def test_announce_makes_one_campaign_per_language_segmented_by_language(
    synced: Project, mailchimp: tuple[FakeMailchimp, str]
) -> None:
    fake, url = mailchimp
    assert run(synced, fake, url, "announce", "event:ringsoit-2022").returncode == 0
    campaigns = languages(fake)
    assert set(campaigns) == {"et", "en"} and all(c["status"] == "save" for c in campaigns.values())
    et = campaigns["et"]
    assert et["recipients"]["segment_opts"] == {
        "match": "all",
        "conditions": [{"condition_type": "Language", "field": "language", "op": "is", "value": "et"}],
    }
    assert et["settings"] == {
        "subject_line": "LÕIM: LÕIM projekti ringsõit Võru maakonnas",
        "title": "event:ringsoit-2022 (et)",
        "from_name": "LÕIM",
        "reply_to": "lota.vana@vorumaa.ee",
    }
    assert "Registreeru sündmusele" in et["content"]["html"] and "*|UNSUB|*" in et["content"]["plain_text"]


def test_send_sends_each_language_to_its_subscribers(synced: Project, mailchimp: tuple[FakeMailchimp, str]) -> None:
    fake, url = mailchimp
    result = run(synced, fake, url, "announce", "event:ringsoit-2022", "--send")
    assert result.returncode == 0, result.stdout
    assert {lang: (c["status"], c["recipients"]["recipient_count"]) for lang, c in languages(fake).items()} == {
        "et": ("sent", 1),
        "en": ("sent", 1),
    }  # Peeter is pending


def test_mailchimp_never_sends_the_same_item_twice(synced: Project, mailchimp: tuple[FakeMailchimp, str]) -> None:
    fake, url = mailchimp
    run(synced, fake, url, "announce", "event:ringsoit-2022", "--send")
    again = run(synced, fake, url, "announce", "event:ringsoit-2022", "--send")
    assert "not sending it again" in again.stdout and len(fake.campaigns) == 2


def test_a_crash_between_creating_and_sending_sends_the_same_campaigns(
    synced: Project, mailchimp: tuple[FakeMailchimp, str]
) -> None:
    fake, url = mailchimp
    fake.fail_paths = {"/actions/send": [500] * 5}
    failed = run(synced, fake, url, "announce", "event:ringsoit-2022", "--send")
    assert failed.returncode == 2 and "did not answer after several tries" in failed.stdout
    again = run(synced, fake, url, "announce", "event:ringsoit-2022", "--send")
    assert again.returncode == 0 and "created earlier and not sent yet" in again.stdout
    assert len(fake.campaigns) == 2 and {c["status"] for c in fake.campaigns.values()} == {"sent"}


def test_a_draft_made_just_before_a_crash_is_found_on_mailchimp(
    synced: Project, mailchimp: tuple[FakeMailchimp, str]
) -> None:
    fake, url = mailchimp
    fake.campaigns["c0099"] = {
        "id": "c0099",
        "type": "regular",
        "status": "save",
        "content": {"html": "x", "plain_text": "x"},
        "settings": {"title": "event:ringsoit-2022 (et)"},
        "recipients": {
            "list_id": fake.list_id,
            "recipient_count": 0,
            "segment_opts": {
                "match": "all",
                "conditions": [{"condition_type": "Language", "field": "language", "op": "is", "value": "et"}],
            },
        },
    }
    assert run(synced, fake, url, "announce", "event:ringsoit-2022", "--send").returncode == 0
    assert len(fake.campaigns) == 2 and fake.campaigns["c0099"]["status"] == "sent"


def test_schedule_takes_tallinn_time_and_counts_as_sent(synced: Project, mailchimp: tuple[FakeMailchimp, str]) -> None:
    fake, url = mailchimp
    result = run(synced, fake, url, "announce", "event:ringsoit-2022", "--schedule", "2099-01-01 10:00")
    assert result.returncode == 0, result.stdout
    assert {c["status"] for c in fake.campaigns.values()} == {"schedule"}
    assert {c["send_time"] for c in fake.campaigns.values()} == {"2099-01-01T08:00:00+00:00"}
    assert "not sending it again" in run(synced, fake, url, "announce", "event:ringsoit-2022", "--send").stdout


def test_a_schedule_off_the_quarter_hour_is_refused_in_mailchimps_words(
    synced: Project, mailchimp: tuple[FakeMailchimp, str]
) -> None:
    fake, url = mailchimp
    result = run(synced, fake, url, "announce", "event:ringsoit-2022", "--schedule", "2099-01-01 10:07")
    assert result.returncode == 2 and "Schedule time must be on the quarter-hour" in result.stdout


def test_test_e_mails_go_through_a_draft_that_is_removed(synced: Project, mailchimp: tuple[FakeMailchimp, str]) -> None:
    fake, url = mailchimp
    result = run(synced, fake, url, "announce", "event:ringsoit-2022", "--test-to", "lota.vana@vorumaa.ee")
    assert "test e-mail sent to lota.vana@vorumaa.ee" in result.stdout
    assert [t["test_emails"] for t in fake.tests] == [["lota.vana@vorumaa.ee"]] * 2 and fake.campaigns == {}


def test_ten_thousand_subscribers_take_at_most_25_requests(
    project: Project, mailchimp: tuple[FakeMailchimp, str]
) -> None:
    fake, url = mailchimp
    rows = "".join(f"person{i}@example.ee,P{i},{'et' if i % 3 else 'en'},2024-01-01T10:00,\n" for i in range(10_000))
    project.write("many.csv", "email,name,language,consent_at,tags\n" + rows)
    result = run(project, fake, url, "sync", str(project.root / "many.csv"))
    assert result.returncode == 0, result.stdout
    assert len(fake.members) == 10_000 and len(fake.requests) <= 25


def test_a_campaign_already_sent_on_mailchimp_while_the_log_says_created_is_not_sent_again(
    synced: Project, mailchimp: tuple[FakeMailchimp, str]
) -> None:
    fake, url = mailchimp
    assert run(synced, fake, url, "announce", "event:ringsoit-2022").returncode == 0  # the drafts, logged `created`
    for campaign in fake.campaigns.values():  # sent on Mailchimp by a run killed before it could log it
        campaign["status"] = "sent"
        campaign["recipients"]["recipient_count"] = 1
    fake.requests.clear()
    result = run(synced, fake, url, "announce", "event:ringsoit-2022", "--send")
    assert result.returncode == 0, result.stdout + result.stderr
    assert [path for method, path in fake.requests if path.endswith("/actions/send")] == []
    assert "not sending it again" in result.stdout and len(fake.campaigns) == 2
    log = (synced.root / "data" / "newsletter-log.yaml").read_text(encoding="utf-8")
    assert log.count("status: created") == 2 and log.count("status: sent") == 2


def test_a_send_whose_count_mailchimp_leaves_out_is_logged_with_no_recipients(
    synced: Project, mailchimp: tuple[FakeMailchimp, str]
) -> None:
    fake, url = mailchimp
    fake.counts_recipients = False
    result = run(synced, fake, url, "announce", "event:ringsoit-2022", "--send")
    assert result.returncode == 0, result.stdout + result.stderr
    log = (synced.root / "data" / "newsletter-log.yaml").read_text(encoding="utf-8")
    assert log.count("status: sent") == 2 and log.count("recipients: 0") == 2 and "recipients: 1" not in log


def test_an_item_sent_by_mailchimp_is_not_sent_again_by_the_outbox(
    synced: Project, mailchimp: tuple[FakeMailchimp, str]
) -> None:
    fake, url = mailchimp
    assert run(synced, fake, url, "announce", "event:ringsoit-2022", "--send").returncode == 0
    result = run(synced, fake, url, "announce", "event:ringsoit-2022", "--send", "--backend", "outbox")
    assert result.returncode == 0 and "by mailchimp; not sending it again" in result.stdout
    assert not (synced.root / "outbox" / "campaigns").exists()


def test_a_sending_the_log_lost_is_found_on_mailchimp_and_not_repeated(
    synced: Project, mailchimp: tuple[FakeMailchimp, str]
) -> None:
    fake, url = mailchimp
    assert run(synced, fake, url, "announce", "event:ringsoit-2022", "--send").returncode == 0
    log = synced.root / "data" / "newsletter-log.yaml"
    log.write_text("", encoding="utf-8")  # every entry removed by hand
    fake.requests.clear()
    result = run(synced, fake, url, "announce", "event:ringsoit-2022", "--send")
    assert result.returncode == 0 and "not sending it again" in result.stdout, result.stdout + result.stderr
    assert len(fake.campaigns) == 2 and [p for m, p in fake.requests if m == "POST"] == []
    assert log.read_text(encoding="utf-8").count("status: sent") == 2  # written back
