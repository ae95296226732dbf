"""Pydantic's validation errors in the plain words of an editor, with the nearest known key suggested."""

from __future__ import annotations

import difflib
import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from .fields import FIELD_ERRORS
from .messages import Message, say
from .problems import Path
from .text import Text

FIELD_KIND = {Text: "a_text_kind"}


def describe(value: Any) -> Message:
    """What the editor wrote, named in words."""
    if value is None:
        return say("nothing")
    if isinstance(value, bool):
        return say("yes_no", value=str(value).lower())
    if isinstance(value, (int, float)):
        return say("number", value=value)
    if isinstance(value, str):
        return say("quoted", value=value if len(value) < 60 else value[:57] + "...")
    if isinstance(value, list):
        return say("a_list")
    if isinstance(value, dict):
        return say("a_group")
    return say("quoted", value=type(value).__name__)


def _unwrap(tp: Any) -> Any:
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin in (Union, types.UnionType):
            options = [a for a in get_args(tp) if a is not type(None)]
            if len(options) != 1:
                return tp
            tp = options[0]
        else:
            return tp


def type_at(root: Any, path: Path) -> Any:
    """The declared type of the field at `path` below `root` (None when the path leaves the models)."""
    tp = _unwrap(root)
    for part in path:
        if tp is Text:  # below a text: one language's string
            return str
        if get_origin(tp) is list:
            tp = _unwrap(get_args(tp)[0])
        elif isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(part, str):
            field = tp.model_fields.get(part)
            if field is None:
                return None
            tp = _unwrap(field.annotation)
        else:
            return None
    return tp


def _unknown_key(root: Any, loc: Path) -> Message:
    key = str(loc[-1])
    model = type_at(root, loc[:-1])
    known = list(model.model_fields) if isinstance(model, type) and issubclass(model, BaseModel) else []
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return say("unknown_near", key=key, near=close[0])
    if " " in key.strip() or model is Text:
        return say("comma_cut", key=key)
    return say("unknown_known", key=key, known=", ".join(known))


def _expected(root: Any, loc: Path, default: str) -> Message:
    return say(FIELD_KIND.get(type_at(root, loc), default))


def message(root: Any, error: ErrorDetails) -> Message:
    """One pydantic error as one plain sentence."""
    kind, loc, value = error["type"], tuple(error["loc"]), error.get("input")
    ctx = error.get("ctx") or {}
    found = describe(value)
    if kind in FIELD_ERRORS:  # the field types' own errors
        return say(kind, **ctx)
    if kind == "missing":
        return say("missing", field=loc[-1] if loc else "?")
    if kind == "extra_forbidden":
        return _unknown_key(root, loc)
    simple = {
        "list_type": "expected_list",
        "string_type": "expected_text",
        "string_sub_type": "expected_text",
        "int_type": "expected_int",
        "int_parsing": "expected_int",
        "int_from_float": "expected_int",
        "float_type": "expected_number",
        "float_parsing": "expected_number",
        "finite_number": "expected_number",
        "decimal_type": "expected_number",
        "decimal_parsing": "expected_number",
        "bool_type": "expected_yes_no",
        "bool_parsing": "expected_yes_no",
    }
    if kind in simple:
        return say(simple[kind], found=found)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return say("expected", kind=_expected(root, loc, "a_group_kind"), found=found)
    if kind in ("greater_than", "greater_than_equal"):
        limit = ctx.get("gt", ctx.get("ge"))
        return say("more_than" if kind == "greater_than" else "at_least", limit=limit, found=found)
    if kind in ("less_than", "less_than_equal"):
        return say("at_most", limit=ctx.get("lt", ctx.get("le")), found=found)
    if kind == "string_too_short":
        return say("empty_text")
    if kind == "too_short":
        return say("needs_entry")
    if kind == "literal_error":
        return say("one_of", expected=ctx.get("expected"), found=found)
    return say("not_accepted", found=found)  # never pydantic's English words
