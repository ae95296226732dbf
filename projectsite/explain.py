"""Pydantic's validation errors in the plain words of an editor, with the nearest known key suggested."""
from __future__ import annotations

import difflib
import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from .problems import Path
from .text import Text

FIELD_KIND = {
    Text: "text: plain words, or Estonian and English as 'et:' and 'en:' lines",
}


def describe(value: Any) -> str:
    """What the editor wrote, named in words."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"'{value}'" if len(value) < 60 else f"'{value[:57]}...'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return type(value).__name__


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


def _unknown_key(root: Any, loc: Path) -> str:
    key = str(loc[-1])
    model = type_at(root, loc[:-1])
    known = list(model.model_fields) if isinstance(model, type) and issubclass(model, BaseModel) else []
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return f"unknown field '{key}': did you mean '{close[0]}'?"
    if " " in key.strip() or model is Text:
        return (f"'{key}' reads as a field name: a text inside {{...}} was cut at a comma; "
                "put the text in quotes, or write it on its own line")
    return f"unknown field '{key}': known fields are: {', '.join(known)}"


def _expected(root: Any, loc: Path, default: str) -> str:
    tp = type_at(root, loc)
    return FIELD_KIND.get(tp, default)


def message(root: Any, error: ErrorDetails) -> str:
    """One pydantic error as one plain sentence."""
    kind, loc, value = error["type"], tuple(error["loc"]), error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        if loc and loc[-1] == "et":
            return "the Estonian text (et:) is missing; Estonian is required, English optional"
        return f"the required field '{loc[-1]}' is missing" if loc else "a required field is missing"
    if kind == "extra_forbidden":
        return _unknown_key(root, loc)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected {_expected(root, loc, 'a group of fields (name: value lines)')}, found {describe(value)}"
    if kind == "list_type":
        return f"expected a list (lines starting with '- '), found {describe(value)}"
    if kind in ("string_type", "string_sub_type"):
        return f"expected text, found {describe(value)}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, found {describe(value)}"
    if kind == "greater_than":
        return f"must be more than {ctx.get('gt')}, found {describe(value)}"
    if kind == "greater_than_equal":
        return f"must be {ctx.get('ge')} or more, found {describe(value)}"
    if kind == "string_too_short":
        return "is empty; write some text or remove the line"
    if kind == "too_short":
        return "needs at least one entry"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected')}, found {describe(value)}"
    return error["msg"]
