"""The kinds of data registered as one unit each (base.Kind): adding a kind is adding its module here and its
template in projectsite/templates/. Events, trainings, media and the team came before the registry and keep
their own code paths (models.DATA_FILES, render.Renderer.marker)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..messages import add_texts
from ..models import DATA_FILES as FIRST_KINDS
from . import publications
from .base import Kind

KINDS: dict[str, Kind] = {kind.name: kind for kind in (publications.KIND,)}


def _list_of(model: type[BaseModel]) -> Any:
    return list[model]  # type: ignore[valid-type]  # a type made at run time, for pydantic


def _texts_of(kind: Kind) -> None:
    """The kind's words in the editor's messages: the hint for an empty file, and the counts."""
    add_texts(f"hint_{kind.name}", kind.hint)
    for lang, forms in kind.counted.items():
        for form, text in forms.items():
            add_texts(f"n_{kind.name}_{form}", {lang: text})


# Every data file the site may have, and the type of its top-level list.
DATA_FILES: dict[str, Any] = {**FIRST_KINDS, **{kind.name: _list_of(kind.model) for kind in KINDS.values()}}
for registered in KINDS.values():
    _texts_of(registered)

__all__ = ["DATA_FILES", "KINDS", "Kind"]
