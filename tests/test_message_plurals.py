"""Counts in the editor's messages take the plural form CLDR gives the number in the message's language."""

from __future__ import annotations

import pytest

from projectsite.messages import count, say


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "1 событие"), (2, "2 события"), (5, "5 событий"), (21, "21 событие"), (0, "0 событий")],
)
def test_russian_counts_take_their_three_forms(n: int, expected: str) -> None:
    assert count(n, "events").text("ru") == expected


@pytest.mark.parametrize(("n", "expected"), [(1, "1 event"), (2, "2 events"), (0, "0 events")])
def test_english_counts_take_one_and_other(n: int, expected: str) -> None:
    assert count(n, "events").text("en") == expected


@pytest.mark.parametrize(("n", "expected"), [(1, "1 sündmus"), (3, "3 sündmust")])
def test_estonian_counts_take_one_and_other(n: int, expected: str) -> None:
    assert count(n, "events").text("et") == expected


def test_a_language_without_the_messages_counts_in_english() -> None:
    assert count(3, "pages").text("nb") == "3 pages"


def test_a_count_inside_a_message_takes_the_messages_language() -> None:
    assert say("counts", errors=count(3, "error"), warnings=count(1, "warning")).text("ru") == (
        "3 ошибки, 1 предупреждение."
    )
