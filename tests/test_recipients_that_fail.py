"""Recipients that fail, against aiosmtpd on 127.0.0.1: one that answers 4xx every time is deferred and reported,
the others are reached, and a run again tries it (and nobody already sent); one refused for good (5xx) to a
confirmation request is marked `cleaned`, and the others are asked."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import Project
from test_newsletter_smtp import Mailbox, estonian_audience, run, start, statuses

ITEM = "event:ringsoit-2022"
LATER = "451 4.7.1 Greylisted, try again later"


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, int]]:
    box = Mailbox()
    controller, port = start(box)
    yield box, port
    controller.stop()


def test_a_recipient_deferred_every_time_is_reported_and_the_others_are_reached(
    project: Project, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    addresses = estonian_audience(project, port, 4)
    box.refuse_address = {addresses[1]: LATER}
    result = run(project, port, "announce", ITEM, "--send")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stdout + result.stderr
    assert box.recipients() == [addresses[0], addresses[2], addresses[3]]
    assert result.stdout.splitlines()[-2:] == [
        "1 address(es) deferred: their mail server asked to try again later; a run again tries them, "
        "and nobody already sent:",
        f"  {addresses[1]}: the mail server asked to try again later ({LATER})",
    ]
    assert statuses(project)[addresses[1]] == "subscribed"


def test_a_run_again_sends_to_the_deferred_recipient_only(project: Project, mailbox: tuple[Mailbox, int]) -> None:
    box, port = mailbox
    addresses = estonian_audience(project, port, 4)
    box.refuse_address = {addresses[1]: LATER}
    run(project, port, "announce", ITEM, "--send")
    still = run(project, port, "announce", ITEM, "--send")  # still deferred: nobody else is sent twice
    assert still.returncode == 0 and "1 address(es) deferred" in still.stdout
    box.refuse_address = {}
    again = run(project, port, "announce", ITEM, "--send")
    assert again.returncode == 0, again.stdout + again.stderr
    assert box.recipients() == addresses  # each exactly once
    done = run(project, port, "announce", ITEM, "--send")
    assert "not sending it again" in done.stdout and box.recipients() == addresses


def pending(project: Project, port: int, n: int) -> list[str]:
    """n people who have not confirmed yet (no consent_at)."""
    addresses = [f"ootel{i}@example.ee" for i in range(n)]
    project.write("pending.csv", "email,language\n" + "".join(f"{a},et\n" for a in addresses))
    assert run(project, port, "sync", str(project.root / "pending.csv")).returncode == 0
    return addresses


def test_a_confirmation_refused_for_good_marks_that_address_and_the_others_are_asked(
    project: Project, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    addresses = pending(project, port, 3)
    box.refuse_address = {addresses[0]: "550 5.1.1 No such user"}
    result = run(project, port, "confirm")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stdout + result.stderr
    assert box.recipients() == addresses[1:]
    assert result.stdout.splitlines()[-2:] == [
        "1 address(es) refused for good, marked cleaned and not asked:",
        f"  {addresses[0]}: the mail server refused this address for good (550 5.1.1 No such user)",
    ]
    assert statuses(project) == {addresses[0]: "cleaned", addresses[1]: "pending", addresses[2]: "pending"}


@pytest.mark.parametrize("runs", [1, 2])
def test_a_deferred_confirmation_is_asked_by_a_run_again_and_nobody_twice(
    project: Project, mailbox: tuple[Mailbox, int], runs: int
) -> None:
    box, port = mailbox
    addresses = pending(project, port, 3)
    box.refuse_address = {addresses[2]: LATER}
    for _ in range(runs):
        result = run(project, port, "confirm")
        assert result.returncode == 0 and "1 address(es) deferred" in result.stdout, result.stdout + result.stderr
    box.refuse_address = {}
    assert run(project, port, "confirm").returncode == 0
    assert box.recipients() == addresses


def test_a_test_e_mail_to_a_deferred_address_is_a_message(project: Project, mailbox: tuple[Mailbox, int]) -> None:
    box, port = mailbox
    box.refuse_address = {"proov@example.ee": LATER}
    result = run(project, port, "announce", ITEM, "--test-to", "proov@example.ee")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stdout + result.stderr
    assert result.stdout.strip().endswith(f"the mail server asked to try again later ({LATER})")
