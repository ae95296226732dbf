"""The data contract: what the editor may write in data/*.yaml and in a news post's front matter."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, NonNegativeFloat, PositiveInt, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from .fields import Day, Email, Id, Url, When
from .messages import template
from .text import Text


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TimedItem(Strict):
    """One line of an agenda or a daily schedule."""

    time: str
    item: Text


class Registration(Strict):
    url: Url
    deadline: When | None = None


class Event(Strict):
    id: Id
    title: Text
    start: When | None = None  # left out while the date is not known
    year: int | None = Field(default=None, ge=1900, le=2999)  # without a start: the year, when that is known
    end: When | None = None
    location: Text | None = None
    summary: Text | None = None
    agenda: list[TimedItem] = []
    registration: Registration | None = None
    capacity: PositiveInt | None = None
    tags: list[str] = []
    published: Day | None = Field(default=None, description="When the event was announced (feeds).")
    status: Literal["scheduled", "cancelled", "postponed"] = "scheduled"
    previous_start: When | None = None  # a postponed event's original start; `start` is then its new one


class Hours(Strict):
    """Academic hours; halves occur ('2,5 tundi iseseisvat tööd')."""

    contact: NonNegativeFloat
    independent: NonNegativeFloat = 0

    @property
    def total(self) -> float:
        return self.contact + self.independent


class Period(Strict):
    start: Day
    end: Day


class Module(Strict):
    id: Id
    date: Day
    title: Text
    trainers: list[str] = Field(default=[], min_length=1)  # left out when the programme names none; never empty
    hours: Hours | None = None
    goals: Text | None = None


class Training(Strict):
    id: Id
    title: Text
    period: Period
    volume: Hours | None = None  # none when the programme does not give its hours
    venue: Text | None = None
    target_group: Text | None = None
    goal: Text | None = None
    completion: Text | None = None
    outcomes: list[Text] = []
    trainers: list[str] = []
    registration_url: Url | None = None
    daily_schedule: list[TimedItem] = []
    modules: list[Module] = []


class MediaItem(Strict):
    date: Day
    title: Text
    outlet: str
    url: Url | None = None
    language: str | None = None  # the article's language, one of the site's; none: the site's original language

    @field_validator("language")
    @classmethod
    def _a_site_language(cls, value: str | None, info: ValidationInfo) -> str | None:
        languages = tuple((info.context or {}).get("languages") or ())
        if value is not None and languages and value not in languages:
            expected = ", ".join(f"'{code}'" for code in languages)
            raise PydanticCustomError(
                "one_of_languages", template("one_of_languages"), {"expected": expected, "found": value}
            )
        return value


class TeamMember(Strict):
    name: str
    role: Text
    email: Email | None = None
    phone: str | None = None


class NewsFrontMatter(Strict):
    """The front matter of a news post (plus the MkDocs/Material keys a page may carry)."""

    date: Day
    title: str = Field(min_length=1)
    summary: str | None = None
    description: str | None = None
    hide: list[str] = []
    search: dict[str, bool] = {}


class NewsPost(BaseModel):
    """A news post as the site knows it: its front matter, its language and its address."""

    model_config = ConfigDict(frozen=True)

    slug: str
    lang: str
    date: dt.date
    title: str
    summary: str | None = None
    src: str = Field(description="The file, relative to the project root.")


# Each data file: its name (without .yaml) and the type of its top-level list.
DATA_FILES: dict[str, type] = {
    "events": list[Event],
    "trainings": list[Training],
    "media": list[MediaItem],
    "team": list[TeamMember],
}
