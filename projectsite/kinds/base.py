"""What a kind of data is, as one registered unit: its data file and marker, its model, its template, and its
words (for the pages, the JSON Schema and the editor's messages), in every language the engine speaks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel


def as_written(items: Sequence[Any]) -> list[Any]:
    """The items in the data file's order."""
    return list(items)


@dataclass(frozen=True)
class Kind:
    """One kind of data: `data/<name>.yaml` holds a list of `model`, and `<!-- projectsite:<name> -->` shows
    it through `template` (projectsite/templates/, replaceable by a site: ENGINE.md, "The site's own
    templates"). A kind's items go to its pages; the feeds, calendars and JSON-LD are the events' and news'."""

    name: str
    model: type[BaseModel]
    template: str
    # The JSON Schema's title of the file, in its two languages (Estonian, English) as all the schema's help is.
    title: tuple[str, str]
    # The hint when the file is empty: {language: text}.
    hint: dict[str, str]
    # The editor's count in `check`'s summary: {language: {CLDR plural form: "{n} …"}} (messages.count).
    counted: dict[str, dict[str, str]]
    # The template's words (`K` in it), in each language of the engine's catalogues (projectsite/locales/).
    words: dict[str, dict[str, str]]
    order: Callable[[Sequence[Any]], list[Any]] = field(default=as_written)
