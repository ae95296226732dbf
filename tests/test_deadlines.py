"""Every network call has a total deadline, retries included: a mail server that accepts the connection and
never answers is given up within it, by name (Mailchimp's silence: test_mailchimp_replies.py)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
from conftest import Project
from test_newsletter_smtp import estonian_audience, run

from projectsite.messages import say
from projectsite.newsletter.backends_base import DEADLINE, BackendFailure, Deadline, Passing, retrying, total_deadline


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A TCP server on 127.0.0.1 that accepts every connection and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    listener.close()


def test_a_silent_mail_server_is_given_up_within_the_deadline_by_name(project: Project, silent_server: int) -> None:
    estonian_audience(project, silent_server, 2)  # sync sends nothing
    started = time.monotonic()
    result = run(project, silent_server, "announce", "event:ringsoit-2022", "--send", PROJECTSITE_DEADLINE="1.5")
    took = time.monotonic() - started
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stdout + result.stderr
    assert f"the mail server 127.0.0.1:{silent_server} did not answer within 1.5 seconds (" in result.stdout
    assert took < 6, took


def test_the_default_total_deadline_is_at_most_30_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROJECTSITE_DEADLINE", raising=False)
    assert total_deadline() == DEADLINE <= 30
    assert 29 < Deadline.start().left() <= 30


@pytest.mark.parametrize("value", ["0", "-5", "inf", "nan", "soon"])
def test_a_deadline_setting_that_is_no_positive_number_keeps_the_default(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROJECTSITE_DEADLINE", value)
    assert total_deadline() == DEADLINE


def test_retries_stop_at_the_deadline_instead_of_waiting_past_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROJECTSITE_DEADLINE", "0.3")
    monkeypatch.setenv("PROJECTSITE_BACKOFF", "0.2")  # 0.2 + 0.4 + 0.8 + 1.6 s of waits without a deadline
    calls: list[float] = []

    def silent() -> None:
        calls.append(time.monotonic())
        raise Passing(say("nl_smtp_failed", error="timed out"), "timed out")

    started = time.monotonic()
    with pytest.raises(BackendFailure) as failure:
        retrying(
            silent, Deadline.start(), lambda last: say("nl_smtp_deadline", server="s", seconds="0.3", error=last.detail)
        )
    assert time.monotonic() - started < 0.35 and len(calls) == 2
    assert str(failure.value.message) == (
        "the mail server s did not answer within 0.3 seconds (timed out); what was sent is recorded, run again to go on"
    )
