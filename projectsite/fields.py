"""Field types of the data contract, each failing with a message an editor understands."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from babel.numbers import list_currencies
from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from . import urls
from .messages import Message, say, template

DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
MINUTE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$")
DOTTED_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})")
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CURRENCY_RE = re.compile(r"^[A-Z]{3}$")
EMAIL_RE = re.compile(r"^[^@\s<>()\[\],;:\"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


# The error types the field types raise; each is a message key of the catalogue.
FIELD_ERRORS = frozenset(
    {
        "date_dotted",
        "currency_code",
        "date_format",
        "date_type",
        "impossible_date",
        "impossible_time",
        "year_range",
        "id_format",
        "url_format",
        "url_scheme",
        "url_character",
        "email_format",
        "unknown_language",
        "unknown_language_near",
        "one_of_languages",
        "missing_original",
        "text_not_string",
        "empty_text",
        "comma_cut",
        # the site's settings (setting_fields.py)
        "currency_unknown",
        "settings_site_path",
        "settings_web_url",
        "settings_email",
        "settings_time_zone",
        "settings_encoding",
    }
)


def _fail(kind: str, **context: Any) -> PydanticCustomError:
    """An error whose type is a message key of the catalogue (explain.py renders it in either language)."""
    return PydanticCustomError(kind, template(kind), context)


def _format_error(value: str, with_time: bool) -> PydanticCustomError:
    wanted = say("form_when" if with_time else "form_day")
    dotted = DOTTED_RE.match(value)
    if dotted:
        d, m, y = dotted.groups()
        return _fail("date_dotted", value=value, wanted=wanted, fixed=f"{y}-{int(m):02}-{int(d):02}")
    return _fail("date_format", value=value, wanted=wanted)


# Years the site can count with: far from the calendar's edges (0001, 9999), where a day more or a time
# zone less overflows.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def _real_date(value: str, year: str, month: str, day: str) -> dt.date:
    try:
        found = dt.date(int(year), int(month), int(day))
    except ValueError:
        raise _fail("impossible_date", value=value) from None
    if not FIRST_YEAR <= found.year <= LAST_YEAR:
        raise _fail("year_range", value=value, first=FIRST_YEAR, last=LAST_YEAR)
    return found


def _as_written(value: Any) -> Any:
    """A date or time from an explicit YAML tag (`!!timestamp`) as the text it stands for: checked like any text."""
    if isinstance(value, dt.datetime):
        plain = value.tzinfo is None and value.second == 0 and value.microsecond == 0
        return value.strftime("%Y-%m-%d %H:%M") if plain else value.isoformat(sep=" ")
    return value.isoformat() if isinstance(value, dt.date) else value


def parse_day(value: Any) -> dt.date:
    value = _as_written(value) if not isinstance(value, dt.datetime) else value
    text = str(value).strip() if isinstance(value, (str, int)) else None
    if text is None:
        raise _fail("date_type", wanted=say("form_day"))
    match = DAY_RE.match(text)
    if not match:
        raise _format_error(text, with_time=False)
    return _real_date(text, *match.groups())


def parse_when(value: Any) -> dt.date | dt.datetime:
    """A day (all-day) or a local date-time (the site's time zone) 'YYYY-MM-DD HH:MM'."""
    value = _as_written(value)
    text = str(value).strip() if isinstance(value, (str, int)) else None
    if text is None:
        raise _fail("date_type", wanted=say("form_when"))
    match = MINUTE_RE.match(text)
    if match:
        y, mo, d, h, mi = match.groups()
        day = _real_date(text, y, mo, d)
        if int(h) > 23 or int(mi) > 59:
            raise _fail("impossible_time", value=text)
        return dt.datetime(day.year, day.month, day.day, int(h), int(mi))
    if DAY_RE.match(text):
        return parse_day(text)
    raise _format_error(text, with_time=True)


def check_id(value: Any) -> Any:
    if isinstance(value, str) and not ID_RE.match(value):
        raise _fail("id_format", value=value)
    return value


def check_currency(value: Any) -> Any:
    """An ISO 4217 code that Babel (CLDR) knows: three letters alone may be no currency ('ABC')."""
    if isinstance(value, str) and not CURRENCY_RE.match(value):
        raise _fail("currency_code", value=value)
    if isinstance(value, str) and value not in list_currencies():
        raise _fail("currency_unknown", value=value)
    return value


def check_url(value: Any) -> Any:
    """An https://, http:// or mailto: address (urls.py), in its normal form."""
    if isinstance(value, str):
        try:
            return urls.parse(value)
        except urls.Refusal as refusal:
            raise _fail(refusal.key, value=value, char=_named(refusal.char)) from None
    return value


def _named(char: str) -> Message | str:
    """A character as an editor recognises it in a message."""
    if not char:
        return ""
    if char == " ":
        return say("char_space")
    return (
        say("char_invisible", code=f"U+{ord(char):04X}")
        if char.isspace() or not char.isprintable()
        else say("quoted", value=char)
    )


def check_email(value: Any) -> Any:
    if isinstance(value, str) and not EMAIL_RE.match(value.strip()):
        raise _fail("email_format", value=value)
    return value.strip() if isinstance(value, str) else value


# Each type with the JSON Schema an editor's YAML tooling checks as they type (schema.py).
Day = Annotated[
    dt.date,
    BeforeValidator(parse_day),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "examples": ["2022-06-14"]}),
]
When = Annotated[
    dt.datetime | dt.date,
    BeforeValidator(parse_when),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$",
            "examples": ["2022-06-14", "2022-06-14 13:30"],
        }
    ),
]
Id = Annotated[
    str,
    BeforeValidator(check_id),
    WithJsonSchema({"type": "string", "pattern": ID_RE.pattern, "examples": ["avaseminar-2022"]}),
]
Currency = Annotated[
    str, BeforeValidator(check_currency), WithJsonSchema({"type": "string", "pattern": CURRENCY_RE.pattern})
]
Url = Annotated[
    str, BeforeValidator(check_url), WithJsonSchema({"type": "string", "pattern": urls.SCHEMA_PATTERN, "format": "uri"})
]
Email = Annotated[str, BeforeValidator(check_email), WithJsonSchema({"type": "string", "format": "email"})]
