"""Address normalisation against every invisible code point: a default-ignorable one (Unicode's property) is
removed, white space or a blank symbol inside the address refuses it; never a second form of one person."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from newsletter_cli import make_root, newsletter, statuses

from projectsite.newsletter.address import BadAddress, normalise

FUZZ = settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
INVISIBLE_IN_ISSUE = [
    "\u034f",  # combining grapheme joiner
    "\ufe0f",  # variation selector 16
    "\U000e0100",  # variation selector 17
    "\u115f",  # Hangul choseong filler
    "\u1160",  # Hangul jungseong filler
    "\u3164",  # Hangul filler
    "\uffa0",  # halfwidth Hangul filler
    "\u2800",  # braille pattern blank
    "\u200b",  # zero width space
    "\u00ad",  # soft hyphen
    "\U000e0041",  # tag latin capital letter a
    "\u00a0",  # no-break space
    "\u3000",  # ideographic space
]
PROPERTY = regex.compile(r"[\p{Default_Ignorable_Code_Point}\p{White_Space}]")
INVISIBLE = st.one_of(
    st.sampled_from(INVISIBLE_IN_ISSUE), st.characters(codec="utf-8").filter(lambda c: PROPERTY.match(c) is not None)
)
ADDRESSES = st.one_of(
    st.emails(),
    st.sampled_from(["mari@example.ee", "õnne@näide.ee", "jüri.tamm@example.com", "ülle+uudised@kool.ee"]),
)


def the_same_or_refused(original: str, changed: str) -> bool:
    try:
        return normalise(changed) == normalise(original)
    except BadAddress:
        return True


@FUZZ
@given(ADDRESSES, INVISIBLE, st.integers(min_value=0))
@example("mari@example.ee", "\u034f", 4)
@example("mari@example.ee", "\u2800", 4)
def test_an_inserted_invisible_code_point_gives_the_same_address_or_a_refusal(
    address: str, invisible: str, where: int
) -> None:
    try:
        normalise(address)
    except BadAddress:
        assume(False)
    at = where % (len(address) + 1)
    assert the_same_or_refused(address, address[:at] + invisible + address[at:])


@pytest.mark.parametrize("invisible", INVISIBLE_IN_ISSUE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE_IN_ISSUE])
def test_an_unsubscribed_person_written_with_an_invisible_character_stays_unsubscribed(
    tmp_path: Path, invisible: str
) -> None:
    root = make_root(tmp_path)
    assert newsletter(root, "unsubscribe", "mari@example.ee").returncode == 0
    (root / "again.csv").write_text(
        f"email,consent_at\nmar{invisible}i@example.ee,2024-01-01T10:00\n", encoding="utf-8"
    )
    result = newsletter(root, "sync", str(root / "again.csv"))
    assert "Traceback" not in result.stderr
    assert statuses(root) == {"mari@example.ee": "unsubscribed"}


def test_a_refused_address_shows_its_invisible_character_escaped() -> None:
    with pytest.raises(BadAddress) as refused:
        normalise("mari\u2800@example.ee")
    assert "mari\\u2800@example.ee" in refused.value.message.text("en")
