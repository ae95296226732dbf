"""Publications: the project's studies, reports, guides and training materials (data/publications.yaml)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import Field

from ..fields import Id, Url
from ..models import Strict
from ..text import Text
from .base import Kind


class Publication(Strict):
    id: Id
    title: Text
    type: Literal["study", "report", "guide", "training_material"]
    year: int | None = Field(default=None, ge=1900, le=2100)  # none: not known yet (one in preparation)
    status: Literal["published", "in_preparation"] = "published"
    authors: list[str] = Field(default_factory=list)
    publisher: str | None = None
    url: Url | None = None
    summary: Text | None = None


def newest_first(items: Sequence[Publication]) -> list[Publication]:
    """The newest first, those without a year (in preparation) on top; in a year, those in preparation first."""
    return sorted(items, key=lambda p: (p.year or 9999, p.status == "in_preparation"), reverse=True)


WORDS = {
    "et": {
        "none": "Väljaandeid veel pole.",
        "type": "Liik",
        "year": "Aasta",
        "status": "Seis",
        "authors": "Autorid",
        "publisher": "Väljaandja",
        "open": "Ava väljaanne",
        "in_preparation": "valmimas",
        "type_study": "uuring",
        "type_report": "aruanne",
        "type_guide": "juhendmaterjal",
        "type_training_material": "koolitusmaterjal",
    },
    "en": {
        "none": "No publications yet.",
        "type": "Type",
        "year": "Year",
        "status": "Status",
        "authors": "Authors",
        "publisher": "Publisher",
        "open": "Open the publication",
        "in_preparation": "in preparation",
        "type_study": "study",
        "type_report": "report",
        "type_guide": "guide",
        "type_training_material": "training material",
    },
    "ru": {
        "none": "Публикаций пока нет.",
        "type": "Вид",
        "year": "Год",
        "status": "Статус",
        "authors": "Авторы",
        "publisher": "Издатель",
        "open": "Открыть публикацию",
        "in_preparation": "готовится",
        "type_study": "исследование",
        "type_report": "отчёт",
        "type_guide": "методическое пособие",
        "type_training_material": "учебный материал",
    },
    "nb": {
        "none": "Ingen publikasjoner ennå.",
        "type": "Type",
        "year": "År",
        "status": "Status",
        "authors": "Forfattere",
        "publisher": "Utgiver",
        "open": "Åpne publikasjonen",
        "in_preparation": "under arbeid",
        "type_study": "studie",
        "type_report": "rapport",
        "type_guide": "veileder",
        "type_training_material": "opplæringsmateriell",
    },
}

KIND = Kind(
    name="publications",
    model=Publication,
    template="publications.md.j2",
    title=("Väljaanded", "Publications"),
    hint={
        "en": "a list of publications, each starting with '- id:'",
        "et": "väljaannete loend, iga väljaanne algab reaga '- id:'",
        "ru": "список публикаций, каждая начинается строкой '- id:'",
    },
    counted={
        "et": {"one": "{n} väljaanne", "other": "{n} väljaannet"},
        "en": {"one": "{n} publication", "other": "{n} publications"},
        "ru": {"one": "{n} публикация", "few": "{n} публикации", "many": "{n} публикаций", "other": "{n} публикации"},
    },
    words=WORDS,
    order=newest_first,
)
