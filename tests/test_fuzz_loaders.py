"""Generated text, structures and bytes: the loader answers with problems or a valid model, never an exception."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from projectsite.calendar import CalendarSet
from projectsite.feeds import build_feed
from projectsite.load import SiteData, load_data_file
from projectsite.models import DATA_FILES
from projectsite.problems import Problem
from projectsite.render import Renderer
from projectsite.rules import RULES
from projectsite.validate import validate_parsed
from projectsite.yamlfile import SyntaxProblem, parse

FAST = settings(
    max_examples=150, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow]
)

# YAML's own punctuation, indentation, line breaks and a few letters: text that reaches deep into the parser.
YAML_ALPHABET = st.sampled_from(
    list(":-[]{},'\"#&*!|>%@`?~<=\\ \n\t\r") + list("ab0419.eõ") + ["\x00", "\x85", "\ufeff"]
)
yaml_like = st.text(YAML_ALPHABET, max_size=80)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(
        [
            "2022-06-14",
            "2022-06-14 13:30",
            "2024-03-31 03:30",
            "9999-12-31",
            "0001-01-01",
            "14:00",
            "030",
            "https://x.ee",
        ]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
EVENT_KEYS = [
    "id",
    "title",
    "start",
    "end",
    "location",
    "summary",
    "agenda",
    "registration",
    "capacity",
    "tags",
    "published",
    "et",
    "en",
    "url",
    "deadline",
    "time",
    "item",
]
event_like = st.dictionaries(st.sampled_from(EVENT_KEYS), values, max_size=8)


def outcome(text: str, name: str) -> tuple[Any, list[Problem]]:
    """Parse and validate `text` as the data file `name`; a SyntaxProblem becomes its one problem."""
    try:
        parsed = parse(text)
    except SyntaxProblem as exc:
        return None, [Problem(f"data/{name}.yaml", exc.line, "", exc.message)]
    return validate_parsed(parsed, DATA_FILES[name], f"data/{name}.yaml", name, RULES.get(name))


def assert_problems_or_model(value: Any, problems: list[Problem]) -> None:
    for problem in problems:
        assert problem.text("en") and problem.text("et")  # every message renders in both languages
        assert "should" not in problem.text("et"), problem.text("et")  # no parser's or pydantic's English
        assert problem.line is None or problem.line >= 1
    assert value is not None or any(p.severity == "error" for p in problems) or value == []


@FAST
@given(yaml_like)
def test_any_yaml_like_text_gives_problems_or_a_model(text: str) -> None:
    for name in DATA_FILES:
        assert_problems_or_model(*outcome(text, name))


@settings(FAST, max_examples=80)
@given(st.lists(event_like, max_size=3))
def test_any_structure_of_event_fields_gives_problems_or_events(entries: list[dict[str, Any]]) -> None:
    text = yaml.safe_dump(entries, allow_unicode=True)
    value, problems = outcome(text, "events")
    assert_problems_or_model(value, problems)
    for event in value or []:
        assert isinstance(event.start, dt.date)


@FAST
@given(values)
def test_any_structure_in_any_data_file_gives_problems_or_a_model(data: Any) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    for name in DATA_FILES:
        assert_problems_or_model(*outcome(text, name))


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(st.binary(max_size=200))
def test_any_bytes_in_a_data_file_give_problems_or_a_model(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "data").mkdir()
        (root / "data" / "media.yaml").write_bytes(data)
        assert_problems_or_model(*load_data_file(root, "media"))


# Events close to valid, with any text and dates up to the calendar's edges: what validation lets through must
# make a page, a feed and a calendar.
days = st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(dt.date.isoformat)
times = st.builds(lambda d, h, m: f"{d} {h:02}:{m:02}", days, st.integers(0, 23), st.integers(0, 59))
dst_nights = st.sampled_from(["2024-03-31 03:00", "2024-03-31 03:59", "2024-10-27 03:30", "2024-10-27 04:00"])
whens = st.one_of(days, times, dst_nights)
texts = st.one_of(
    st.text(min_size=1, max_size=30),
    st.fixed_dictionaries({"et": st.text(min_size=1, max_size=30)}, optional={"en": st.text(min_size=1, max_size=30)}),
)
near_valid_event = st.fixed_dictionaries(
    {"id": st.from_regex(r"\A[a-z0-9]{1,8}\Z"), "title": texts, "start": whens},
    optional={
        "end": whens,
        "location": texts,
        "summary": texts,
        "tags": st.lists(st.text(max_size=10), max_size=3),
        "agenda": st.lists(st.fixed_dictionaries({"time": st.text(max_size=8), "item": texts}), max_size=2),
        "registration": st.fixed_dictionaries({"url": st.just("https://forms.gle/x")}, optional={"deadline": whens}),
    },
)


@settings(
    max_examples=120, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.lists(near_valid_event, min_size=1, max_size=3, unique_by=lambda e: str(e["id"])))  # an id is a str
def test_valid_events_make_pages_feeds_and_calendars(entries: list[dict[str, Any]]) -> None:
    value, problems = outcome(yaml.safe_dump(entries, allow_unicode=True), "events")
    assert_problems_or_model(value, problems)
    if value is None:
        return
    data, today = SiteData(events=value), dt.date(2024, 6, 1)
    for lang in ("et", "en"):
        renderer = Renderer(data, lang, today, "https://example.ee/")
        assert renderer.marker("events", None, "events/")
        for event in value:
            assert renderer.marker("event", event.id, f"events/{event.id}/")
        assert build_feed(data, lang, "https://example.ee/", "LÕIM", "Uudised", today).startswith(b"<?xml")
        assert (
            CalendarSet.of(value, lang, "https://example.ee/", today, "et")
            .calendar("LÕIM")
            .startswith(b"BEGIN:VCALENDAR")
        )
