"""The types of the site's settings that become markup, requests or e-mail headers: each refuses what would."""

from __future__ import annotations

import codecs
import re
import zoneinfo
from functools import cache
from typing import Annotated, Any

from email_validator import EmailNotValidError, validate_email
from pydantic import BeforeValidator, WithJsonSchema

from . import urls
from .fields import _fail

# A file of the site: a relative path of plain segments (no scheme, no host, no '..', no query).
_SITE_PATH = re.compile(r"^(?!/)(?!.*(?:^|/)\.\.?(?:/|$))[A-Za-z0-9._~/-]+$")


def check_site_path(value: Any) -> Any:
    """A path inside the site (`assets/logo.svg`): never another host, which every page would then load."""
    if isinstance(value, str) and not _SITE_PATH.match(value.strip()):
        raise _fail("settings_site_path", value=value)
    return value.strip() if isinstance(value, str) else value


def check_web_url(value: Any) -> Any:
    """An https:// or http:// address (urls.py's rules), or nothing."""
    if isinstance(value, str):
        if not value.strip():
            return ""
        try:
            normal = urls.parse(value)
        except urls.Refusal:
            normal = ""
        if not normal.startswith(("https://", "http://")):
            raise _fail("settings_web_url", value=value)
        return normal
    return value


def check_settings_email(value: Any) -> Any:
    """A bare address (no display name, no line break, no comma): it goes into From, Reply-To and links."""
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return ""
        if any(char in text for char in ',;<>"\r\n') or any(char.isspace() for char in text):
            raise _fail("settings_email", value=value)
        try:
            return validate_email(text, check_deliverability=False).normalized
        except EmailNotValidError:
            raise _fail("settings_email", value=value) from None
    return value


@cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def check_time_zone(value: Any) -> Any:
    if isinstance(value, str) and value not in _zones():
        raise _fail("settings_time_zone", value=value)
    return value


def check_encoding(value: Any) -> Any:
    if isinstance(value, str):
        try:
            codecs.lookup(value)
        except LookupError:
            raise _fail("settings_encoding", value=value) from None
    return value


SitePath = Annotated[
    str, BeforeValidator(check_site_path), WithJsonSchema({"type": "string", "pattern": _SITE_PATH.pattern})
]
WebUrl = Annotated[
    str, BeforeValidator(check_web_url), WithJsonSchema({"type": "string", "pattern": "^https?://", "format": "uri"})
]
SettingsEmail = Annotated[
    str, BeforeValidator(check_settings_email), WithJsonSchema({"type": "string", "format": "email"})
]
TimeZone = Annotated[
    str, BeforeValidator(check_time_zone), WithJsonSchema({"type": "string", "examples": ["Europe/Tallinn"]})
]
Encoding = Annotated[
    str, BeforeValidator(check_encoding), WithJsonSchema({"type": "string", "examples": ["windows-1257"]})
]
