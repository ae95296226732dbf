"""A text in the site's languages: the original, with optional translations, and its one fallback rule."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from .messages import template


class Text(BaseModel):
    """`{<language>: text}` for the site's languages; the original (the first) is required. A plain string in
    the YAML is the same in every language. The languages come from the validation context (`languages`)."""

    model_config = ConfigDict(frozen=True)

    texts: dict[str, str]  # by language; the first is the original
    plain: bool = False  # written once for every language (a name, a place)

    @model_validator(mode="before")
    @classmethod
    def _from_yaml(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, str):
            if not value:
                raise PydanticCustomError("empty_text", template("empty_text"))
            value = {"texts": {"": value}, "plain": True}
        elif isinstance(value, dict) and "texts" not in value:
            value = {"texts": _ordered(value, info)}
        return value

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        """In the YAML a text is either a plain string or a mapping of language codes to strings."""
        mapping = {"type": "object", "additionalProperties": {"type": "string", "minLength": 1}, "minProperties": 1}
        return {"anyOf": [{"type": "string", "minLength": 1}, mapping]}

    @property
    def neutral(self) -> bool:
        return self.plain

    @property
    def original(self) -> str:
        return next(iter(self.texts.values()))

    def get(self, lang: str) -> tuple[str, str]:
        """The string for `lang`, and the language it is in ("" when the same in every language)."""
        if self.plain:
            return self.original, ""
        if lang in self.texts:
            return self.texts[lang], lang
        first = next(iter(self.texts))
        return self.texts[first], first

    def has(self, lang: str) -> bool:
        return self.plain or lang in self.texts

    def __str__(self) -> str:
        return self.original


def _ordered(value: dict[Any, Any], info: ValidationInfo) -> dict[str, Any]:
    """The mapping with the original first; an unknown language or a missing original is an error."""
    languages: tuple[str, ...] = tuple((info.context or {}).get("languages") or ())
    if not languages:
        return {str(k): v for k, v in value.items()}
    cut = [str(k) for k, v in value.items() if v is None and k not in languages]
    if cut:  # `{et: a, b}`: a text cut at a comma inside {...}
        raise PydanticCustomError("comma_cut", template("comma_cut"), {"key": cut[0]})
    unknown = [str(k) for k in value if k not in languages]
    if unknown:
        near = difflib.get_close_matches(unknown[0], languages, n=1, cutoff=0.5)
        kind = "unknown_language_near" if near else "unknown_language"
        context = {"key": unknown[0], "known": ", ".join(languages), "near": near[0] if near else ""}
        raise PydanticCustomError(kind, template(kind), context)
    if languages[0] not in value or value[languages[0]] is None:
        raise PydanticCustomError("missing_original", template("missing_original"), {"lang": languages[0]})
    ordered = {lang: value[lang] for lang in languages if value.get(lang) is not None}
    for lang, text in ordered.items():
        if not isinstance(text, str):
            raise PydanticCustomError("text_not_string", template("text_not_string"), {"lang": lang})
        if not text:
            raise PydanticCustomError("empty_text", template("empty_text"), {"lang": lang})
    return ordered
