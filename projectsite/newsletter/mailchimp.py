"""The Mailchimp backend, through the official `mailchimp-marketing` client: the audience, and one campaign per
item and language, segmented to the members whose `language` is that language.

MAILCHIMP_API_KEY and MAILCHIMP_LIST_ID choose it; MAILCHIMP_API_URL replaces the API's base address (tests,
proxies). The key is never printed: messages carry the service's title and detail only. Throttling (429),
the service's own failures (5xx), time-outs and dropped connections are retried with backoff; any other
refusal stops the run in the service's words, and what was done before it stays done.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
from mailchimp_marketing import Client
from mailchimp_marketing.api_client import ApiClientError

from ..messages import say
from ..progress import Steps
from .audience import Member, SyncPlan
from .backends_base import BackendFailure, BackendUnavailable, Passing, SendResult, retrying
from .email import Email
from .settings import Settings

PAGE = 1000  # the most members Mailchimp returns in one page
BATCH = 500  # the most members one batch request may carry
FIELDS = [
    "members.email_address",
    "members.status",
    "members.language",
    "members.tags",
    "members.merge_fields",
    "total_items",
]


def _problem(error: ApiClientError) -> tuple[int | None, str, str]:
    """Status, title and detail of a failed call (problem+json arrives as text, plain JSON as a dict)."""
    body = error.text
    if isinstance(body, str):
        try:
            body = json.loads(body)
        except ValueError:
            body = {"title": body}
    if not isinstance(body, dict):
        body = {"title": str(body)}
    return error.status_code, str(body.get("title") or "error"), str(body.get("detail") or "")


def checked_environment() -> tuple[str, str, str]:
    """MAILCHIMP_API_KEY, MAILCHIMP_LIST_ID and MAILCHIMP_API_URL, checked before any request: the key ends in its
    data center ('-us21') unless the address is given, the list id is letters and digits, the address is http(s)."""
    key = os.environ.get("MAILCHIMP_API_KEY", "").strip()
    list_id = os.environ.get("MAILCHIMP_LIST_ID", "").strip()
    url = os.environ.get("MAILCHIMP_API_URL", "").strip()
    if not re.fullmatch(r"[0-9A-Za-z]+(-[a-z]{2,4}[0-9]{1,3})?", key) or ("-" not in key and not url):
        raise BackendUnavailable(say("nl_mailchimp_bad_key"))
    if not re.fullmatch(r"[0-9A-Za-z_-]{1,64}", list_id):
        raise BackendUnavailable(say("nl_mailchimp_bad_list", value=list_id))
    parts = urlsplit(url)
    if url and (parts.scheme not in ("http", "https") or not parts.netloc or not url.isascii()):
        raise BackendUnavailable(say("nl_mailchimp_bad_url", value=url))
    return key, list_id, url


class MailchimpBackend:
    name = "mailchimp"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        key, self.list_id, url = checked_environment()
        self.client = Client()
        self.client.set_config(
            {"api_key": key, "server": key.rsplit("-", 1)[-1] if "-" in key else "us1", "timeout": 30}
        )
        if url:
            self.client.api_client.host = url.rstrip("/")

    def _call(self, action: Callable[[], Any]) -> Any:
        return retrying(lambda: self._once(action))

    @staticmethod
    def _once(action: Callable[[], Any]) -> Any:
        """One call: its result, or its failure as Passing (tried again) or BackendFailure (stop)."""
        try:
            result = action()
        except ApiClientError as error:
            status, title, detail = _problem(error)
        else:
            if not isinstance(result, requests.Response):
                return result
            if result.ok:  # a success with an empty body
                return {}
            status, title, detail = result.status_code, result.reason or "error", ""
        if status is None or status == 429 or status >= 500:
            raise Passing(say("nl_mailchimp_failed", title=title, detail=detail))
        raise BackendFailure(say("nl_mailchimp_refused", status=status, title=title, detail=detail))

    def members(self) -> dict[str, Member]:
        found: dict[str, Member] = {}
        offset, total = 0, 1
        while offset < total:
            page = self._call(
                functools.partial(
                    self.client.lists.get_list_members_info, self.list_id, count=PAGE, offset=offset, fields=FIELDS
                )
            )
            total = int(page.get("total_items", 0))
            for m in page.get("members", []):
                email = m["email_address"].lower()
                found[email] = Member(
                    email,
                    (m.get("merge_fields") or {}).get("FNAME", ""),
                    m.get("language") or self.settings.languages.original,
                    m["status"],
                    tuple(sorted(t["name"] for t in m.get("tags") or [])),
                )
            if not page.get("members"):
                break
            offset += PAGE
        return found

    def apply(self, plan: SyncPlan, advance: Callable[[int], None] | None = None) -> None:
        """Batches of 500; `status` is the planned one, never a return to `subscribed` (the plan leaves those out)."""
        changes = plan.changes
        rejected: list[str] = []
        for start in range(0, len(changes), BATCH):
            body = {
                "update_existing": True,
                "members": [
                    {
                        "email_address": m.email,
                        "status": m.status,
                        "language": m.language,
                        "merge_fields": {"FNAME": m.name},
                        "tags": list(m.tags),
                    }
                    for m in changes[start : start + BATCH]
                ],
            }
            reply = self._call(functools.partial(self.client.lists.batch_list_members, self.list_id, body))
            rejected += [f"{e.get('email_address')}: {e.get('error')}" for e in reply.get("errors", [])]
            if advance is not None:
                advance(len(changes[start : start + BATCH]))
        if rejected:
            raise BackendFailure(say("nl_mailchimp_rejected", n=len(rejected), first=rejected[0]))

    @staticmethod
    def _title(item: str, lang: str) -> str:
        return f"{item} ({lang})"

    def find_draft(self, item: str, lang: str) -> str | None:
        """A campaign of this item and language created but not sent (a run that stopped right after creating it)."""
        found = self._call(
            lambda: self.client.campaigns.list(
                status="save", count=1000, fields=["campaigns.id", "campaigns.settings.title"]
            )
        )
        return next(
            (
                c["id"]
                for c in found.get("campaigns", [])
                if c.get("settings", {}).get("title") == self._title(item, lang)
            ),
            None,
        )

    def find_sent(self, item: str, lang: str) -> str | None:
        """A campaign of this item and language that Mailchimp sends, sent or scheduled (for a log that lost it)."""
        found = self._call(
            lambda: self.client.campaigns.list(
                count=1000, fields=["campaigns.id", "campaigns.status", "campaigns.settings.title"]
            )
        )
        return next(
            (
                c["id"]
                for c in found.get("campaigns", [])
                if c.get("status") in ("sending", "sent", "schedule")
                and c.get("settings", {}).get("title") == self._title(item, lang)
            ),
            None,
        )

    def create_campaign(self, item: str, mail: Email) -> str:
        segment = {
            "match": "all",
            "conditions": [{"condition_type": "Language", "field": "language", "op": "is", "value": mail.lang}],
        }
        campaign = self._call(
            lambda: self.client.campaigns.create(
                {
                    "type": "regular",
                    "recipients": {"list_id": self.list_id, "segment_opts": segment},
                    "settings": {
                        "subject_line": mail.subject,
                        "title": self._title(item, mail.lang),
                        "from_name": self.settings.from_name,
                        "reply_to": self.settings.reply_to,
                    },
                }
            )
        )
        self._call(
            lambda: self.client.campaigns.set_content(campaign["id"], {"html": mail.html, "plain_text": mail.text})
        )
        return str(campaign["id"])

    def _status(self, campaign: str) -> dict[str, Any]:
        status: dict[str, Any] = self._call(
            lambda: self.client.campaigns.get(campaign, fields=["status", "recipients.recipient_count"])
        )
        return status

    def send(self, campaign: str, lang: str, steps: Steps | None = None) -> SendResult:
        """Sends unless Mailchimp already sends it (a retried run, or a log that still says `created`,
        must not send twice). One request: Mailchimp delivers, so there is no progress to show."""
        if self._status(campaign).get("status") not in ("sending", "sent"):
            self._call(lambda: self.client.campaigns.send(campaign))
        return SendResult(int(self._status(campaign).get("recipients", {}).get("recipient_count", 0)))

    def schedule(self, campaign: str, when: dt.datetime) -> None:
        when_utc = when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")
        self._call(lambda: self.client.campaigns.schedule(campaign, {"schedule_time": when_utc}))

    def send_test(self, mail: Email, addresses: list[str]) -> list[Path]:
        """A throwaway draft sends the test e-mails and is removed."""
        campaign = self.create_campaign(f"test {dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}", mail)
        try:
            self._call(
                lambda: self.client.campaigns.send_test_email(campaign, {"test_emails": addresses, "send_type": "html"})
            )
        finally:
            self._call(lambda: self.client.campaigns.remove(campaign))
        return []
