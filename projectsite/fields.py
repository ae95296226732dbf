"""Field types of the data contract, each failing with a message an editor understands."""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
MINUTE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$")
DOTTED_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})")
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
EMAIL_RE = re.compile(r"^[^@\s<>()\[\],;:\"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


def _fail(kind: str, message: str, **context: Any) -> PydanticCustomError:
    return PydanticCustomError(kind, message, context)


def _format_hint(value: str, with_time: bool) -> str:
    wanted = "YYYY-MM-DD or YYYY-MM-DD HH:MM" if with_time else "YYYY-MM-DD"
    dotted = DOTTED_RE.match(value)
    if dotted:
        d, m, y = dotted.groups()
        return f"'{value}' is written day.month.year; write dates as {wanted}, here {y}-{int(m):02}-{int(d):02}"
    return f"'{value}' is not a date in the form {wanted} (for example 2022-06-14)"


def _real_date(value: str, year: str, month: str, day: str) -> dt.date:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        raise _fail("impossible_date", "'{value}' is not a real date: no such day in the calendar", value=value)


def parse_day(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    text = str(value).strip() if isinstance(value, (str, int)) else None
    if text is None:
        raise _fail("date_type", "expected a date in the form YYYY-MM-DD")
    match = DAY_RE.match(text)
    if not match:
        raise _fail("date_format", "{hint}", hint=_format_hint(text, with_time=False))
    return _real_date(text, *match.groups())


def parse_when(value: Any) -> dt.date | dt.datetime:
    """A day (all-day) or a local Tallinn date-time 'YYYY-MM-DD HH:MM'."""
    if isinstance(value, dt.date):
        return value
    text = str(value).strip() if isinstance(value, (str, int)) else None
    if text is None:
        raise _fail("date_type", "expected a date (YYYY-MM-DD) or a date and time (YYYY-MM-DD HH:MM)")
    match = MINUTE_RE.match(text)
    if match:
        y, mo, d, h, mi = match.groups()
        day = _real_date(text, y, mo, d)
        if int(h) > 23 or int(mi) > 59:
            raise _fail("impossible_time", "'{value}' is not a real time of day", value=text)
        return dt.datetime(day.year, day.month, day.day, int(h), int(mi))
    if DAY_RE.match(text):
        return parse_day(text)
    raise _fail("date_format", "{hint}", hint=_format_hint(text, with_time=True))


def check_id(value: Any) -> Any:
    if isinstance(value, str) and not ID_RE.match(value):
        raise _fail("id_format", "'{value}' is not a usable id: use lowercase letters, digits and '-' "
                    "(for example opening-seminar-2022)", value=value)
    return value


def check_url(value: Any) -> Any:
    if isinstance(value, str):
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or "." not in parts.netloc or " " in value.strip():
            raise _fail("url_format", "'{value}' is not a web address: it must start with https:// "
                        "and name a site, like https://www.example.ee/page", value=value)
        return value.strip()
    return value


def check_email(value: Any) -> Any:
    if isinstance(value, str) and not EMAIL_RE.match(value.strip()):
        raise _fail("email_format", "'{value}' is not an e-mail address (like name@example.ee)", value=value)
    return value.strip() if isinstance(value, str) else value


Day = Annotated[dt.date, BeforeValidator(parse_day)]
When = Annotated[dt.datetime | dt.date, BeforeValidator(parse_when)]
Id = Annotated[str, BeforeValidator(check_id)]
Url = Annotated[str, BeforeValidator(check_url)]
Email = Annotated[str, BeforeValidator(check_email)]
