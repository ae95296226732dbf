"""The Mailchimp backend, through the official `mailchimp-marketing` client: the audience, and one campaign per
item and language, segmented to the members whose `language` is that language.

MAILCHIMP_API_KEY and MAILCHIMP_LIST_ID choose it; MAILCHIMP_API_URL replaces the API's base address (tests,
proxies), used as given (the client library would replace the word "server" anywhere in it: `_Transport` does
not). Every reply is validated (mailchimp_replies.py) before it is believed: a cut-off, non-JSON or misshapen
body stops the run in plain words, never read as an empty audience. Each call has a total deadline
(backends_base.Deadline), retries included. The key is never printed: messages carry the service's title and detail only. Throttling (429),
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
from urllib.parse import quote, urlsplit

import requests
from mailchimp_marketing import Client
from mailchimp_marketing.api_client import ApiClient

from ..messages import Message, say
from ..progress import Steps
from .audience import Member, SyncPlan
from .backends_base import BackendFailure, BackendUnavailable, Deadline, Passing, SendResult, retrying
from .email import Email
from .mailchimp_replies import Batch, CampaignFound, Campaigns, CampaignStatus, Nothing, Page, R, believed
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


def _problem(response: requests.Response) -> tuple[str, str]:
    """Title and detail of a failed call (problem+json), or the status's reason when the body is no such thing."""
    try:
        body = json.loads(response.content)
    except ValueError:
        body = None
    if not isinstance(body, dict):
        return response.reason or "error", ""
    return str(body.get("title") or response.reason or "error")[:300], str(body.get("detail") or "")[:300]


class _Transport(ApiClient):  # type: ignore[misc]
    """The client library's own calls, their address used as given and their reply handed back as it came."""

    def call_api(
        self,
        resource_path: str,
        method: str,
        path_params: Any = None,
        query_params: Any = None,
        header_params: Any = None,
        body: Any = None,
        collection_formats: Any = None,
        **kwargs: Any,
    ) -> requests.Response:
        headers = dict(
            self.parameters_to_tuples(
                self.sanitize_for_serialization({**(header_params or {}), **self.default_headers}), collection_formats
            )
        )
        for name, value in self.parameters_to_tuples(
            self.sanitize_for_serialization(path_params or {}), collection_formats
        ):
            resource_path = resource_path.replace("{" + name + "}", quote(str(value), safe=""))
        query = self.parameters_to_tuples(self.sanitize_for_serialization(query_params or {}), collection_formats)
        response: requests.Response = self.request(method, self.host + resource_path, query, headers=headers, body=body)
        return response


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
        self.transport = _Transport({"api_key": key, "server": "", "timeout": 30})
        self.transport.host = url.rstrip("/") if url else f"https://{key.rsplit('-', 1)[-1]}.api.mailchimp.com/3.0"
        self.client = Client()
        self.client.lists.api_client = self.transport  # the only two parts of the library used
        self.client.campaigns.api_client = self.transport

    def _call(self, action: Callable[[], Any], reply: type[R]) -> R:
        deadline = Deadline.start()

        def attempt() -> R:
            self.transport.timeout = deadline.left()
            return self._once(action, reply)

        def late(last: Passing) -> Message:
            seconds = f"{deadline.seconds:g}"
            return say("nl_mailchimp_deadline", url=self.transport.host, seconds=seconds, error=last.detail)

        return retrying(attempt, deadline, late)

    @staticmethod
    def _once(action: Callable[[], Any], reply: type[R]) -> R:
        """One call: its reply validated, or its failure as Passing (tried again) or BackendFailure (stop)."""
        try:
            response = action()
        except requests.RequestException as error:
            detail = f"{type(error).__name__}: {str(error)[:300]}"
            raise Passing(
                say("nl_mailchimp_failed", title=type(error).__name__, detail=str(error)[:300]), detail
            ) from None
        if response.ok:
            return believed(response, reply)
        title, detail = _problem(response)
        status = response.status_code
        if status == 429 or status >= 500:
            raise Passing(say("nl_mailchimp_failed", title=title, detail=detail), f"{status} {title}")
        raise BackendFailure(say("nl_mailchimp_refused", status=status, title=title, detail=detail))

    def members(self) -> dict[str, Member]:
        found: dict[str, Member] = {}
        offset, total = 0, 1
        while offset < total:
            page = self._call(
                functools.partial(
                    self.client.lists.get_list_members_info, self.list_id, count=PAGE, offset=offset, fields=FIELDS
                ),
                Page,
            )
            total = page.total_items
            for m in page.members:
                email = m.email_address.lower()
                found[email] = Member(
                    email,
                    str(m.merge_fields.get("FNAME") or ""),
                    m.language or self.settings.languages.original,
                    m.status,
                    tuple(sorted(t.name for t in m.tags)),
                )
            if not page.members:
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
            reply = self._call(functools.partial(self.client.lists.batch_list_members, self.list_id, body), Batch)
            rejected += [f"{e.email_address}: {e.error}" for e in reply.errors]
            if advance is not None:
                advance(len(changes[start : start + BATCH]))
        if rejected:
            raise BackendFailure(say("nl_mailchimp_rejected", n=len(rejected), first=rejected[0]))

    @staticmethod
    def _title(item: str, lang: str) -> str:
        return f"{item} ({lang})"

    def _campaigns(self, **query: Any) -> list[CampaignFound]:
        fields = ["campaigns.id", "campaigns.status", "campaigns.settings.title"]
        found = self._call(lambda: self.client.campaigns.list(count=1000, fields=fields, **query), Campaigns)
        return found.campaigns

    def find_draft(self, item: str, lang: str) -> str | None:
        """A campaign of this item and language created but not sent (a run that stopped right after creating it)."""
        title = self._title(item, lang)
        return next((c.id for c in self._campaigns(status="save") if c.settings.title == title), None)

    def find_sent(self, item: str, lang: str) -> str | None:
        """A campaign of this item and language that Mailchimp sends, sent or scheduled (for a log that lost it)."""
        title = self._title(item, lang)
        return next(
            (
                c.id
                for c in self._campaigns()
                if c.status in ("sending", "sent", "schedule") and c.settings.title == title
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
            ),
            CampaignFound,
        )
        self._call(
            lambda: self.client.campaigns.set_content(campaign.id, {"html": mail.html, "plain_text": mail.text}),
            Nothing,
        )
        return campaign.id

    def _status(self, campaign: str) -> CampaignStatus:
        return self._call(
            lambda: self.client.campaigns.get(campaign, fields=["status", "recipients.recipient_count"]),
            CampaignStatus,
        )

    def send(self, campaign: str, lang: str, steps: Steps | None = None) -> SendResult:
        """Sends unless Mailchimp already sends it (a retried run, or a log that still says `created`,
        must not send twice). One request: Mailchimp delivers, so there is no progress to show."""
        if self._status(campaign).status not in ("sending", "sent"):
            self._call(lambda: self.client.campaigns.send(campaign), Nothing)
        return SendResult(self._status(campaign).recipients.recipient_count)

    def schedule(self, campaign: str, when: dt.datetime) -> None:
        when_utc = when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")
        self._call(lambda: self.client.campaigns.schedule(campaign, {"schedule_time": when_utc}), Nothing)

    def send_test(self, mail: Email, addresses: list[str]) -> list[Path]:
        """A throwaway draft sends the test e-mails and is removed."""
        campaign = self.create_campaign(f"test {dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}", mail)
        try:
            self._call(
                lambda: self.client.campaigns.send_test_email(
                    campaign, {"test_emails": addresses, "send_type": "html"}
                ),
                Nothing,
            )
        finally:
            self._call(lambda: self.client.campaigns.remove(campaign), Nothing)
        return []
