"""The list managed with commands: unsubscribe, subscribe --consent, confirm and the pending list, on the local
audience, over SMTP (aiosmtpd on loopback) and on Mailchimp (the loopback fake)."""

from __future__ import annotations

import email
import email.policy
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_mailchimp import FakeMailchimp, Json
from mails import body
from newsletter_cli import make_root, newsletter, statuses
from test_newsletter_smtp import Mailbox, start
from tls_ca import certificates


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_root(tmp_path)


def times(root: Path, column: str) -> dict[str, str]:
    return dict(sqlite3.connect(root / "outbox" / "audience.sqlite").execute(f"SELECT email, {column} FROM members"))


def synced(root: Path, rows: str) -> Path:
    (root / "s.csv").write_text("email,language,consent_at\n" + rows, encoding="utf-8")
    assert newsletter(root, "sync", str(root / "s.csv")).returncode == 0
    return root


PEOPLE = "mari@example.ee,et,2024-01-05T10:00\npeeter@example.ee,et,\njohn@example.com,en,\n"


def test_unsubscribe_records_the_time_and_says_in_one_line_what_changed(root: Path) -> None:
    synced(root, PEOPLE)
    with sqlite3.connect(root / "outbox" / "audience.sqlite") as db:
        db.execute("UPDATE members SET since = '2020-01-01T00:00:00+00:00'")
    result = newsletter(root, "unsubscribe", "MARI@example.ee", "peeter@example.ee")
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 1
    assert result.stdout.startswith("2 unsubscribed at ") and "0 of them not on the list before" in result.stdout
    assert statuses(root) == {
        "mari@example.ee": "unsubscribed",
        "peeter@example.ee": "unsubscribed",
        "john@example.com": "pending",
    }
    assert (
        times(root, "since")["mari@example.ee"] > "2020-01-02"
        and times(root, "since")["john@example.com"] < "2020-01-02"
    )


def test_a_sync_that_changes_only_the_language_keeps_since_when_someone_is_pending(root: Path) -> None:
    synced(root, PEOPLE)
    with sqlite3.connect(root / "outbox" / "audience.sqlite") as db:
        db.execute("UPDATE members SET since = '2020-01-01T00:00:00+00:00'")
    synced(root, "john@example.com,et,\n")
    assert times(root, "since")["john@example.com"] == "2020-01-01T00:00:00+00:00"


def test_an_unsubscribed_person_is_not_subscribed_by_a_later_sync(root: Path) -> None:
    newsletter(root, "unsubscribe", "never@example.ee")  # asked before they were ever on the list
    synced(root, "never@example.ee,et,2024-01-05T10:00\n")
    assert statuses(root) == {"never@example.ee": "unsubscribed"}


def test_unsubscribe_reads_addresses_from_a_file(root: Path) -> None:
    synced(root, PEOPLE)
    (root / "off.txt").write_text(
        "# replies of March\nmari@example.ee\n\njohn@example.com\nnot-an-address\n", encoding="utf-8"
    )
    result = newsletter(root, "unsubscribe", "--from", str(root / "off.txt"))
    assert "'not-an-address' is not an e-mail address" in result.stdout and "1 not an address" in result.stdout
    assert result.returncode == 1  # the others are done; the exit says that one line was not
    assert statuses(root)["mari@example.ee"] == statuses(root)["john@example.com"] == "unsubscribed"


def test_unsubscribe_from_a_csv_takes_its_email_column(root: Path) -> None:
    synced(root, PEOPLE)
    (root / "off.csv").write_text("name;E-mail\nMari;mari@example.ee\n", encoding="utf-8")
    newsletter(root, "unsubscribe", "--from", str(root / "off.csv"))
    assert statuses(root)["mari@example.ee"] == "unsubscribed" and statuses(root)["peeter@example.ee"] == "pending"


def test_unsubscribe_from_a_missing_file_is_a_message(root: Path) -> None:
    result = newsletter(root, "unsubscribe", "--from", str(root / "nowhere.txt"))
    assert result.returncode == 1 and "there is no such file" in result.stdout and result.stderr == ""


def test_unsubscribe_without_an_address_says_how(root: Path) -> None:
    result = newsletter(root, "unsubscribe")
    assert result.returncode == 1 and "no address given" in result.stdout


def test_subscribe_with_consent_records_the_reply_of_a_pending_person(root: Path) -> None:
    synced(root, PEOPLE)
    result = newsletter(root, "subscribe", "peeter@example.ee", "--consent")
    assert result.stdout.strip() == "1 subscribed, 0 pending their confirmation, 0 unchanged, 0 left out."
    assert (
        statuses(root)["peeter@example.ee"] == "subscribed" and times(root, "consent_at")["peeter@example.ee"] > "2026"
    )


def test_subscribe_without_consent_adds_a_pending_person(root: Path) -> None:
    newsletter(root, "subscribe", "uus@example.ee", "--language", "en")
    assert statuses(root) == {"uus@example.ee": "pending"}


def test_subscribe_never_brings_back_who_left_unless_they_asked(root: Path) -> None:
    synced(root, PEOPLE)
    newsletter(root, "unsubscribe", "mari@example.ee")
    refused = newsletter(root, "subscribe", "mari@example.ee", "--consent")
    assert "mari@example.ee: unsubscribed since" in refused.stdout and "add --consent --rejoin" in refused.stdout
    assert statuses(root)["mari@example.ee"] == "unsubscribed"
    newsletter(root, "subscribe", "mari@example.ee", "--consent", "--rejoin")
    assert statuses(root)["mari@example.ee"] == "subscribed"


def test_status_lists_who_is_pending_and_since_when(root: Path) -> None:
    synced(root, PEOPLE)
    lines = newsletter(root, "status").stdout.splitlines()
    start = lines.index("Pending their confirmation (2):")
    assert [line.split(",")[0] for line in lines[start + 1 :]] == [
        "  john@example.com (en)",
        "  peeter@example.ee (et)",
    ]
    assert all(" pending since 20" in line and "not asked to confirm yet" in line for line in lines[start + 1 :])


def outbox_confirmations(root: Path) -> list[email.message.EmailMessage]:
    return [
        email.message_from_bytes(p.read_bytes(), policy=email.policy.default)
        for p in sorted((root / "outbox" / "confirmations").glob("*.eml"))
    ]


def test_confirm_asks_each_pending_person_in_their_language_and_says_how(root: Path) -> None:
    synced(root, PEOPLE)
    result = newsletter(root, "confirm")
    assert result.stdout.startswith("Asked 2 pending people to confirm, each in their language")
    mails = {m["To"]: m for m in outbox_confirmations(root)}
    assert set(mails) == {"peeter@example.ee", "john@example.com"}
    john, peeter = mails["john@example.com"], mails["peeter@example.ee"]
    assert john["Content-Language"] == "en" and peeter["Content-Language"] == "et"
    assert "reply to this e-mail with the word YES" in body(john, "plain")
    assert "https://example.org/en/newsletter/" in body(john, "html")
    assert "vasta sellele kirjale sõnaga JAH" in body(peeter, "plain")
    assert "asked to confirm 20" in newsletter(root, "status").stdout


def test_confirm_asks_nobody_twice_unless_again(root: Path) -> None:
    synced(root, PEOPLE)
    newsletter(root, "confirm")
    second = newsletter(root, "confirm")
    assert second.stdout.startswith("Asked 0 pending people") and "2 asked before were not asked again" in second.stdout
    newsletter(root, "confirm", "--again")
    assert len(outbox_confirmations(root)) == 4


def test_confirmation_files_are_not_named_after_addresses(root: Path) -> None:
    synced(root, "a/b@example.ee,et,\n")  # '/' is allowed before the @
    newsletter(root, "confirm")
    written = list((root / "outbox" / "confirmations").iterdir())
    assert len(written) == 1 and written[0].is_file() and "@" not in written[0].name


@pytest.fixture
def smtp_server() -> Iterator[tuple[Mailbox, int]]:
    box = Mailbox()
    controller, port = start(box)
    yield box, port
    controller.stop()


def test_confirm_goes_through_the_smtp_server(root: Path, smtp_server: tuple[Mailbox, int]) -> None:
    box, port = smtp_server
    synced(root, PEOPLE)
    result = newsletter(
        root,
        "confirm",
        env={"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(port), "SMTP_CA_FILE": str(certificates().ca_file)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(to for tos, _ in box.messages for to in tos) == ["john@example.com", "peeter@example.ee"]


@pytest.fixture
def chimp() -> Iterator[tuple[FakeMailchimp, str]]:
    fake = FakeMailchimp()
    with fake.running() as url:
        yield fake, url


def on_mailchimp(root: Path, fake: FakeMailchimp, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return newsletter(
        root,
        *args,
        env={
            "MAILCHIMP_API_KEY": fake.key,
            "MAILCHIMP_LIST_ID": fake.list_id,
            "MAILCHIMP_API_URL": url,
            "NO_PROXY": "127.0.0.1,localhost",
        },
    )


def member(email: str, status: str) -> Json:
    return {"email_address": email, "status": status, "language": "et", "merge_fields": {"FNAME": ""}, "tags": []}


def test_unsubscribe_on_mailchimp_and_no_sync_brings_them_back(root: Path, chimp: tuple[FakeMailchimp, str]) -> None:
    fake, url = chimp
    fake.members["mari@example.ee"] = member("mari@example.ee", "subscribed")
    result = on_mailchimp(root, fake, url, "unsubscribe", "Mari@Example.ee", "new@example.ee")
    assert result.returncode == 0 and result.stdout.startswith("2 unsubscribed at "), result.stdout
    assert {e: m["status"] for e, m in fake.members.items()} == {
        "mari@example.ee": "unsubscribed",
        "new@example.ee": "unsubscribed",
    }
    (root / "s.csv").write_text("email,consent_at\nnew@example.ee,2024-01-01T10:00\n", encoding="utf-8")
    on_mailchimp(root, fake, url, "sync", str(root / "s.csv"))
    assert fake.members["new@example.ee"]["status"] == "unsubscribed"


def test_confirm_on_mailchimp_sets_pending_people_pending_again(root: Path, chimp: tuple[FakeMailchimp, str]) -> None:
    fake, url = chimp
    fake.members = {
        "p@example.ee": member("p@example.ee", "pending"),
        "s@example.ee": member("s@example.ee", "subscribed"),
    }
    result = on_mailchimp(root, fake, url, "confirm")
    assert result.stdout.strip() == "Asked 1 pending people to confirm: Mailchimp sends each its confirmation e-mail."
    assert fake.requests[-1] == ("POST", "/3.0/lists/a1b2c3") and fake.members["p@example.ee"]["status"] == "pending"


def test_subscribe_with_consent_on_mailchimp(root: Path, chimp: tuple[FakeMailchimp, str]) -> None:
    fake, url = chimp
    fake.members = {"p@example.ee": member("p@example.ee", "pending")}
    on_mailchimp(root, fake, url, "subscribe", "p@example.ee", "--consent")
    assert fake.members["p@example.ee"]["status"] == "subscribed"
