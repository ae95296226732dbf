"""Bilingual text: an Estonian original with an optional English translation, and its one fallback rule."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Text(BaseModel):
    """`et` is required, `en` optional. A plain string in the YAML is the same in both languages."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    et: str = Field(min_length=1)
    en: str | None = Field(default=None, min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _plain_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"et": value, "en": value}
        return value

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        """In the YAML a text is either a plain string or the {et, en} mapping."""
        mapping = handler(core_schema)
        return {"anyOf": [{"type": "string", "minLength": 1}, mapping]}

    @property
    def neutral(self) -> bool:
        """Written once for both languages (a name, a place)."""
        return self.et == self.en

    def get(self, lang: str) -> tuple[str, str]:
        """The string for `lang`, and the language it is in ("" when the same in every language)."""
        if self.neutral:
            return self.et, ""
        if lang == "en" and self.en:
            return self.en, "en"
        return self.et, "et"

    def has(self, lang: str) -> bool:
        return self.neutral or (self.en is not None if lang == "en" else True)

    def __str__(self) -> str:
        return self.et
