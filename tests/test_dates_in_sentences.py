"""Dates inside sentences take the case the sentence needs in Estonian, and read plainly in English."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import Project
from pages import article, soup, text

from projectsite import dates
from projectsite.models import Event
from projectsite.views import registration_line

MONTHS_ET = [
    "jaanuar",
    "veebruar",
    "märts",
    "aprill",
    "mai",
    "juuni",
    "juuli",
    "august",
    "september",
    "oktoober",
    "november",
    "detsember",
]
GENITIVE_ET = [
    "jaanuari",
    "veebruari",
    "märtsi",
    "aprilli",
    "mai",
    "juuni",
    "juuli",
    "augusti",
    "septembri",
    "oktoobri",
    "novembri",
    "detsembri",
]


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_takes_the_adessive_terminative_and_elative(month: int) -> None:
    day = dt.date(2023, month, 5)
    stem = GENITIVE_ET[month - 1]
    assert dates.adessive(day, "et") == f"5. {stem}l 2023"
    assert dates.terminative(day, "et") == f"5. {stem}ni 2023"
    assert dates.elative(day, "et") == f"5. {stem}st 2023"


def test_the_nominative_stays_babels_month_name() -> None:
    assert [dates.format_day(dt.date(2023, m, 1), "et").split()[1] for m in range(1, 13)] == MONTHS_ET


def test_a_time_of_day_follows_the_inflected_date() -> None:
    assert dates.terminative(dt.datetime(2027, 3, 8, 16, 0), "et") == "8. märtsini 2027 kell 16:00"
    assert dates.terminative(dt.datetime(2027, 3, 8, 16, 0), "en") == "8 March 2027 at 16:00"


def test_english_dates_do_not_change_with_the_sentence() -> None:
    day = dt.date(2022, 8, 18)
    assert dates.adessive(day, "en") == dates.terminative(day, "en") == dates.elative(day, "en") == "18 August 2022"


EVENTS = """
- id: seminar
  title: {et: Seminar, en: Seminar}
  start: 2027-03-20 10:00
  registration: {url: "https://forms.gle/seminar", deadline: 2027-03-08}
- id: tour
  title: {et: Ringsõit, en: Tour}
  start: 2022-08-24 08:00
  registration: {url: "https://forms.gle/tour", deadline: 2022-08-18}
"""


@pytest.fixture
def sentences_site(project: Project) -> Project:
    project.replace_events(EVENTS)
    result = project.build(today="2027-03-01")
    assert result.returncode == 0, result.stderr
    return project


@pytest.mark.parametrize(
    ("rel", "sentence"),
    [
        ("events/seminar/", "Registreerimine on avatud kuni 8. märtsini 2027."),
        ("en/events/seminar/", "Registration is open until 8 March 2027."),
        ("events/tour/", "Registreerimine lõppes 18. augustil 2022."),
        ("en/events/tour/", "Registration closed on 18 August 2022."),
    ],
)
def test_event_page_registration_sentence(sentences_site: Project, rel: str, sentence: str) -> None:
    assert sentence in text(article(soup(sentences_site.root / "site", rel)))


@pytest.mark.parametrize(
    ("lang", "today", "line"),
    [
        ("et", dt.date(2022, 8, 1), "(registreerimine on avatud kuni 18. augustini 2022)"),
        ("en", dt.date(2022, 8, 1), "(registration is open until 18 August 2022)"),
        ("et", dt.date(2022, 9, 1), "Registreerimine lõppes 18. augustil 2022."),
        ("en", dt.date(2022, 9, 1), "Registration closed on 18 August 2022."),
    ],
)
def test_feeds_and_calendars_registration_line(lang: str, today: dt.date, line: str) -> None:
    event = Event.model_validate(
        {
            "id": "tour",
            "title": "Ringsõit",
            "start": dt.datetime(2022, 8, 24, 8),
            "registration": {"url": "https://forms.gle/tour", "deadline": dt.date(2022, 8, 18)},
        }
    )
    assert line in registration_line(event, lang, today)
