"""Addresses in one form, and the sync rules that protect people, whatever form an address arrives in."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from newsletter_cli import make_root, newsletter, statuses

from projectsite.newsletter.address import BadAddress, normalise
from projectsite.newsletter.audience import Member, Subscriber, plan_sync


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_root(tmp_path)


# ------------------------------------------------------------------ one form for one address

DECOMPOSED = unicodedata.normalize("NFD", "mölder@example.ee")


@pytest.mark.parametrize(
    "written",
    [
        DECOMPOSED,
        "\u200bmölder@example.ee",
        "\ufeffmölder@example.ee",
        "möl\u200dder@example.ee",
        " MÖLDER@Example.EE ",
        "mölder@EXAMPLE.ee\u2060",
    ],
)
def test_every_form_of_an_address_is_the_same_address(written: str) -> None:
    assert normalise(written) == "mölder@example.ee"


def test_an_international_domain_is_kept_in_its_idna_form() -> None:
    assert normalise("õnne@näide.ee") == "õnne@xn--nide-loa.ee"
    assert normalise("õnne@xn--nide-loa.ee") == normalise(unicodedata.normalize("NFD", "Õnne@NÄIDE.ee"))


@pytest.mark.parametrize(
    "written",
    [
        "bad-address",
        "x@y",
        "../../x@example.ee",
        "a b@example.ee",
        "@example.ee",
        "x@localhost",
        "x@[127.0.0.1]",
        '"quoted"@example.ee',
        "x@exa mple.ee",
    ],
)
def test_what_is_not_an_address_is_refused_with_a_message(written: str) -> None:
    with pytest.raises(BadAddress) as refused:
        normalise(written)
    assert "is not an e-mail address" in refused.value.message.text("en")


def test_the_rfc_limits_hold_before_the_at_and_in_all() -> None:
    assert normalise("a" * 64 + "@example.ee")
    for too_long in (
        "a" * 65 + "@example.ee",
        "a" * 64 + "@" + ".".join(["b" * 63] * 3) + ".ee",
        "a@" + ".".join(["b" * 60] * 5) + ".ee",
        "a" * 100_000 + "@example.ee",
    ):
        with pytest.raises(BadAddress) as refused:
            normalise(too_long)
        assert "too long for an e-mail address" in refused.value.message.text("en")


def test_a_bad_value_is_quoted_short_and_without_control_characters() -> None:
    with pytest.raises(BadAddress) as refused:
        normalise("\x1b[31mred" + "x" * 500)
    text = refused.value.message.text("en")
    assert "\x1b" not in text and "\\u001b[31mred" in text and len(text) < 200


# ------------------------------------------------------------------ the sync rules


def member(status: str, tags: tuple[str, ...] = ()) -> dict[str, Member]:
    return {"mari@example.ee": Member("mari@example.ee", "Mari", "et", status, tags)}


CONSENTED = Subscriber("mari@example.ee", "Mari", "et", dt.datetime(2024, 1, 5, 10, 0))


@pytest.mark.parametrize("status", ["unsubscribed", "cleaned", "archived"])
def test_who_left_or_bounced_or_was_archived_is_never_subscribed_again(status: str) -> None:
    plan = plan_sync(member(status), [CONSENTED])
    assert plan.changes == [] and [m.status for m in plan.skipped] == [status]


def test_a_pending_member_who_gains_consent_becomes_subscribed() -> None:
    plan = plan_sync(member("pending"), [CONSENTED])
    assert [(m.email, m.status) for m in plan.update] == [("mari@example.ee", "subscribed")] and plan.add == []


def test_a_pending_member_without_consent_stays_pending() -> None:
    plan = plan_sync(member("pending"), [Subscriber("mari@example.ee", "Mari", "et")])
    assert plan.changes == [] and plan.unchanged == 1


def test_tags_from_the_file_are_added_to_the_existing_ones() -> None:
    plan = plan_sync(member("subscribed", ("õpetaja", "võru")), [Subscriber("mari@example.ee", tags=("lapsevanem",))])
    assert [m.tags for m in plan.update] == [("lapsevanem", "võru", "õpetaja")]


def test_an_unsubscribed_member_kept_in_another_form_still_counts_as_unsubscribed() -> None:
    kept = {
        "mari@example.ee": Member("mari@example.ee", "", "et", "pending"),
        "\u200bmari@example.ee": Member("\u200bmari@example.ee", "", "et", "unsubscribed"),
    }
    plan = plan_sync(kept, [CONSENTED])
    assert plan.changes == [] and [m.status for m in plan.skipped] == ["unsubscribed"]


def test_a_new_person_is_added_in_the_one_form() -> None:
    plan = plan_sync({}, [Subscriber(normalise(DECOMPOSED))])
    assert [(m.email, m.status) for m in plan.add] == [("mölder@example.ee", "pending")]


# ------------------------------------------------------------------ through the command


def test_someone_who_unsubscribed_is_not_subscribed_again_in_another_unicode_form(root: Path) -> None:
    assert newsletter(root, "unsubscribe", "mölder@example.ee").returncode == 0
    (root / "s.csv").write_text(
        f"email,consent_at\n\ufeff{DECOMPOSED},2024-01-01T10:00\n\u200bMÖLDER@example.ee,2024-01-01T10:00\n",
        encoding="utf-8",
    )
    result = newsletter(root, "sync", str(root / "s.csv"))
    assert "mölder@example.ee: unsubscribed, left as it is (never subscribed again)" in result.stdout
    assert statuses(root) == {"mölder@example.ee": "unsubscribed"}


def test_an_idn_address_from_the_csv_is_taken(root: Path) -> None:
    (root / "s.csv").write_text("email,language\nõnne@näide.ee,et\n", encoding="utf-8")
    result = newsletter(root, "sync", str(root / "s.csv"))
    assert result.returncode == 0, result.stdout
    assert statuses(root) == {"õnne@xn--nide-loa.ee": "pending"}
