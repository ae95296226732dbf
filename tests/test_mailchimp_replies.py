"""Mailchimp's replies believed only once validated, its address used as given, and a silent Mailchimp given up
within the deadline: against the fake server, answering as a broken proxy or service would."""

from __future__ import annotations

import json
import subprocess
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import Project
from fake_mailchimp import FakeMailchimp
from test_newsletter_mailchimp import sync

Chimp = tuple[FakeMailchimp, str]  # the fake and its address

MARI: dict[str, Any] = {
    "email_address": "mari@example.ee",
    "status": "unsubscribed",
    "language": "et",
    "merge_fields": {"FNAME": "Mari"},
    "tags": [],
}


@pytest.fixture
def mailchimp() -> Iterator[tuple[FakeMailchimp, str]]:
    """Mailchimp with one member who left: a sync that believes an empty audience would subscribe her again."""
    fake = FakeMailchimp()
    fake.members["mari@example.ee"] = dict(MARI)
    with fake.running() as url:
        yield fake, url


def page(members: list[dict[str, Any]]) -> bytes:
    return json.dumps({"members": members, "total_items": len(members), "list_id": "a1b2c3"}).encode()


def refused_and_nothing_changed(result: subprocess.CompletedProcess[str], fake: FakeMailchimp) -> None:
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stdout + result.stderr
    assert fake.members == {"mari@example.ee": MARI}
    assert [method for method, _ in fake.requests if method != "GET"] == []


def test_a_cut_off_audience_is_an_error_never_an_empty_audience(project: Project, mailchimp: Chimp) -> None:
    fake, url = mailchimp
    fake.raw_next = [(200, "application/json; charset=utf-8", page([MARI])[:40])]
    result = sync(project, fake, url)
    refused_and_nothing_changed(result, fake)
    assert result.stdout.startswith(
        "Mailchimp's reply to GET /3.0/lists/a1b2c3/members can't be believed (Invalid JSON: EOF while parsing"
    )


def test_an_html_page_with_200_is_an_error_in_plain_words(project: Project, mailchimp: Chimp) -> None:
    fake, url = mailchimp
    fake.raw_next = [(200, "text/html; charset=utf-8", b"<html><body>Welcome to the hotel Wi-Fi</body></html>")]
    result = sync(project, fake, url)
    refused_and_nothing_changed(result, fake)
    assert "can't be believed (200 with text/html, not JSON)" in result.stdout


def test_a_reply_of_the_wrong_shape_is_an_error_naming_the_field(project: Project, mailchimp: Chimp) -> None:
    fake, url = mailchimp
    fake.raw_next = [(200, "application/json", json.dumps({"members": [MARI], "total_items": "many"}).encode())]
    result = sync(project, fake, url)
    refused_and_nothing_changed(result, fake)
    assert "can't be believed (total_items: Input should be a valid integer)" in result.stdout


def test_a_member_with_an_unknown_status_is_not_believed(project: Project, mailchimp: Chimp) -> None:
    fake, url = mailchimp
    fake.raw_next = [(200, "application/json", page([{**MARI, "status": 7}]))]
    result = sync(project, fake, url)
    refused_and_nothing_changed(result, fake)
    assert "can't be believed (members.0.status: " in result.stdout


def test_an_api_address_with_server_in_its_path_is_used_as_given(project: Project) -> None:
    fake = FakeMailchimp()
    with fake.running(prefix="/mailchimp-server/proxy") as url:
        result = sync(project, fake, url)
    assert result.returncode == 0, result.stdout + result.stderr
    assert set(fake.members) == {"mari@example.ee", "john@example.com", "peeter@example.ee"}


def test_a_silent_mailchimp_is_given_up_within_the_deadline_by_name(
    project: Project, mailchimp: Chimp, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake, url = mailchimp

    fake.silence = threading.Event()
    monkeypatch.setenv("PROJECTSITE_DEADLINE", "1.5")
    started = time.monotonic()
    result = sync(project, fake, url)
    took = time.monotonic() - started
    refused_and_nothing_changed(result, fake)
    assert result.stdout.startswith(f"Mailchimp ({url}) did not answer within 1.5 seconds (")
    assert took < 6, took
