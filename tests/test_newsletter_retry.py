"""The one retry policy of the backends: passing failures are tried again with a backoff that tests shorten."""

from __future__ import annotations

import itertools
import time

import pytest

from projectsite.messages import say
from projectsite.newsletter.backends_base import RETRIES, BackendFailure, Passing, backoff, retrying


def failing(calls: list[float]) -> None:
    calls.append(time.monotonic())
    raise Passing(say("nl_smtp_failed", error="dropped"))


def test_a_passing_failure_is_tried_again_then_given_up_in_plain_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROJECTSITE_BACKOFF", "0")
    calls: list[float] = []
    with pytest.raises(BackendFailure, match="did not answer after several tries"):
        retrying(lambda: failing(calls))
    assert len(calls) == RETRIES + 1 == 5  # the README's 'tried five times in all'


def test_the_backoff_doubles_from_the_base_the_environment_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROJECTSITE_BACKOFF", "0.01")
    calls: list[float] = []
    with pytest.raises(BackendFailure):
        retrying(lambda: failing(calls))
    waits = [later - earlier for earlier, later in itertools.pairwise(calls)]
    assert 0.15 <= sum(waits) < 1.0  # 0.01 + 0.02 + 0.04 + 0.08, not the 3 s of the default


@pytest.mark.parametrize("value, expected", [(None, 0.2), ("0.05", 0.05), ("soon", 0.2), ("-1", 0.0)])
def test_the_backoff_base_is_read_safely(monkeypatch: pytest.MonkeyPatch, value: str | None, expected: float) -> None:
    if value is None:
        monkeypatch.delenv("PROJECTSITE_BACKOFF", raising=False)
    else:
        monkeypatch.setenv("PROJECTSITE_BACKOFF", value)
    assert backoff() == expected
