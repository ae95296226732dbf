"""Fuzz: any bytes as a subscribers' CSV, any text as an address: a result or a message, never an exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from projectsite.languages import Languages
from projectsite.newsletter.address import BadAddress, normalise
from projectsite.newsletter.audience import read_csv
from projectsite.newsletter.csvfile import Unreadable

FUZZ = settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
PIECES = st.sampled_from(
    [
        "email",
        "name",
        "language",
        "tags",
        "consent_at",
        ",",
        ";",
        "\t",
        "\n",
        "\r\n",
        '"',
        "mari@example.ee",
        "õnne@näide.ee",
        "\ufeff",
        "\u200b",
        "et",
        "en",
        "2024-01-05T10:00",
    ]
)


@FUZZ
@given(st.one_of(st.binary(max_size=400), st.lists(PIECES, max_size=40).map(lambda p: "".join(p).encode())))
def test_any_bytes_are_rows_or_messages(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.csv"
        path.write_bytes(data)
        try:
            subscribers, problems = read_csv(path, Languages(("et", "en")), "windows-1257")
        except Unreadable as unreadable:
            assert unreadable.problem.message.text("et") and unreadable.problem.message.text("en")
            return
    for person in subscribers:
        assert normalise(person.email) == person.email and person.language in ("et", "en")
    assert all(p.message.text("et") for p in problems)


@FUZZ
@given(st.text(max_size=300))
def test_any_text_is_an_address_in_one_form_or_a_message(text: str) -> None:
    try:
        address = normalise(text)
    except BadAddress as bad:
        assert "\x1b" not in bad.message.text("en")
        return
    assert normalise(address) == address and len(address.encode()) <= 254
