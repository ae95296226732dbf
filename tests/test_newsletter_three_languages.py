"""The newsletter on a site in three languages (Estonian, English, Russian): the send log takes every language
of the site, so an item is sent once in each and never again."""

from __future__ import annotations

import email
import email.policy
from collections import Counter
from pathlib import Path

import pytest
from newsletter_cli import newsletter

from projectsite.cli import main
from projectsite.newsletter.sendlog import SendLog

ITEM = "event:example-seminar"
TODAY = {"PROJECTSITE_TODAY": "2026-01-01"}
READERS = {"mari@example.ee": "et", "john@example.com": "en", "ivan@example.org": "ru"}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "kolm"
    assert main(["new", str(root), "--languages", "et,en,ru", "--lang", "en"]) == 0
    rows = "".join(f"{address},{lang},2024-01-01T10:00\n" for address, lang in READERS.items())
    (root / "readers.csv").write_text("email,language,consent_at\n" + rows, encoding="utf-8")
    assert newsletter(root, "sync", str(root / "readers.csv")).returncode == 0
    return root


def received(root: Path) -> Counter[tuple[str, str]]:
    """(address, Content-Language) of every .eml file the outbox wrote."""
    found: Counter[tuple[str, str]] = Counter()
    for path in (root / "outbox" / "campaigns").glob("*/sent/*.eml"):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        found[(str(message["To"]), str(message["Content-Language"]))] += 1
    return found


def test_a_sending_on_three_languages_is_logged_in_each(site: Path) -> None:
    result = newsletter(site, "announce", ITEM, "--send", env=TODAY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert received(site) == Counter({(a, lang): 1 for a, lang in READERS.items()})
    sent = [e.language for e in SendLog(site / "data" / "newsletter-log.yaml").entries if e.status == "sent"]
    assert sorted(sent) == ["en", "et", "ru"]


def test_a_second_announce_on_three_languages_sends_nobody_twice(site: Path) -> None:
    newsletter(site, "announce", ITEM, "--send", env=TODAY)
    again = newsletter(site, "announce", ITEM, "--send", env=TODAY)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "event:example-seminar (ru) was sent at" in again.stdout
    assert received(site) == Counter({(a, lang): 1 for a, lang in READERS.items()})


def test_status_reads_a_log_with_a_third_language(site: Path) -> None:
    newsletter(site, "announce", ITEM, "--send", env=TODAY)
    result = newsletter(site, "status")
    assert result.returncode == 0 and f"{ITEM} (ru) sent" in result.stdout


def test_a_language_code_that_is_no_code_is_still_refused(tmp_path: Path) -> None:
    log = tmp_path / "data" / "newsletter-log.yaml"
    log.parent.mkdir()
    log.write_text(
        "- item: event:x\n  language: 'ru; rm'\n  backend: outbox\n  campaign: c1\n  status: sent\n"
        "  at: '2022-06-01T10:00:00+00:00'\n",
        encoding="utf-8",
    )
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nsite_url: https://example.org/\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    result = newsletter(tmp_path, "status")
    assert result.returncode == 1 and "language: expected a language code" in result.stdout
