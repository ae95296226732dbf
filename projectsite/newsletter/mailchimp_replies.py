"""Mailchimp's replies, believed only once validated: the few fields projectsite reads, with their types.

A reply that is cut off, is no JSON (an HTML page of a proxy), or lacks a field or has one of the wrong type,
is a BackendFailure in plain words: never an empty audience, never a traceback. Fields that are not read are
let through unchecked (Mailchimp adds fields without notice).
"""

from __future__ import annotations

from typing import Any, Literal, TypeVar
from urllib.parse import urlsplit

import requests
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..messages import say
from .backends_base import BackendFailure


class _Reply(BaseModel):
    model_config = ConfigDict(strict=True, frozen=True, extra="ignore")


class Nothing(_Reply):
    """A reply whose body is not read (204 No Content, or the content just set)."""


class Tag(_Reply):
    name: str


class MemberReply(_Reply):
    email_address: str = Field(min_length=3)
    status: Literal["subscribed", "unsubscribed", "cleaned", "pending", "transactional", "archived"]
    language: str = ""
    tags: list[Tag] = []
    merge_fields: dict[str, Any] = {}


class Page(_Reply):
    members: list[MemberReply]
    total_items: int = Field(ge=0)


class BatchError(_Reply):
    email_address: str = ""
    error: str = ""


class Batch(_Reply):
    errors: list[BatchError] = []


class CampaignSettings(_Reply):
    title: str = ""


class CampaignFound(_Reply):
    id: str = Field(min_length=1)
    status: str = ""
    settings: CampaignSettings = CampaignSettings()


class Campaigns(_Reply):
    campaigns: list[CampaignFound]


class Recipients(_Reply):
    recipient_count: int = Field(default=0, ge=0)  # a field Mailchimp may leave out: then nobody is counted


class CampaignStatus(_Reply):
    status: str
    recipients: Recipients = Recipients()


R = TypeVar("R", bound=_Reply)


def _request(response: requests.Response) -> str:
    """'GET /3.0/lists/…/members': the request in the words of the API, without its query."""
    path = urlsplit(response.url).path
    return f"{response.request.method} {path}"


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" if where else str(first["msg"])


def believed(response: requests.Response, reply: type[R]) -> R:
    """The reply of a successful call as `reply`, or a BackendFailure saying why it can't be believed."""
    if reply is Nothing:
        return reply()
    kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if kind not in ("application/json", "application/problem+json"):
        error = f"{response.status_code} with {kind or 'no Content-Type'}, not JSON"
        raise BackendFailure(say("nl_mailchimp_unreadable", request=_request(response), error=error))
    try:
        return reply.model_validate_json(response.content)
    except ValidationError as error:
        raise BackendFailure(
            say("nl_mailchimp_unreadable", request=_request(response), error=_first_error(error)[:300])
        ) from None
