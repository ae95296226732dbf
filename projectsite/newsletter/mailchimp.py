"""The Mailchimp backend, through the official `mailchimp-marketing` client. For now it syncs the audience;
announcing through Mailchimp is not built yet.

MAILCHIMP_API_KEY and MAILCHIMP_LIST_ID choose it; MAILCHIMP_API_URL replaces the API's base address (tests,
proxies). The key is never printed: messages carry the service's title and detail only. Throttling (429),
the service's own failures (5xx), time-outs and dropped connections are retried with backoff; any other
refusal stops the run in the service's words, and what was done before it stays done.
"""
from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import requests
from mailchimp_marketing import Client
from mailchimp_marketing.api_client import ApiClientError

from ..messages import say
from .audience import Member, SyncPlan
from .backends_base import BackendFailure, BackendUnavailable
from .email import Email

PAGE = 1000   # the most members Mailchimp returns in one page
BATCH = 500   # the most members one batch request may carry
RETRIES = 4
FIELDS = ["members.email_address", "members.status", "members.language", "members.tags",
          "members.merge_fields", "total_items"]


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


class MailchimpBackend:
    name = "mailchimp"

    def __init__(self) -> None:
        key = os.environ["MAILCHIMP_API_KEY"]
        self.list_id = os.environ["MAILCHIMP_LIST_ID"]
        self.client = Client()
        self.client.set_config({"api_key": key, "server": key.rsplit("-", 1)[-1] if "-" in key else "us1",
                                "timeout": 30})
        if os.environ.get("MAILCHIMP_API_URL"):
            self.client.api_client.host = os.environ["MAILCHIMP_API_URL"].rstrip("/")

    def _call(self, action: Callable[[], Any]) -> Any:
        for attempt in range(RETRIES + 1):
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
            passing = status is None or status == 429 or status >= 500
            if not passing:
                raise BackendFailure(say("nl_mailchimp_refused", status=status, title=title, detail=detail))
            if attempt < RETRIES:
                time.sleep(0.2 * 2 ** attempt)
        raise BackendFailure(say("nl_mailchimp_failed", title=title, detail=detail))

    def members(self) -> dict[str, Member]:
        found: dict[str, Member] = {}
        offset, total = 0, 1
        while offset < total:
            page = self._call(lambda: self.client.lists.get_list_members_info(
                self.list_id, count=PAGE, offset=offset, fields=FIELDS))
            total = int(page.get("total_items", 0))
            for m in page.get("members", []):
                email = m["email_address"].lower()
                found[email] = Member(email, (m.get("merge_fields") or {}).get("FNAME", ""), m.get("language") or "et",
                                      m["status"], tuple(sorted(t["name"] for t in m.get("tags") or [])))
            if not page.get("members"):
                break
            offset += PAGE
        return found

    def apply(self, plan: SyncPlan) -> None:
        """Batches of 500; `status` is the planned one, never a return to `subscribed` (the plan leaves those out)."""
        changes = plan.changes
        rejected: list[str] = []
        for start in range(0, len(changes), BATCH):
            body = {"update_existing": True, "members": [
                {"email_address": m.email, "status": m.status, "language": m.language,
                 "merge_fields": {"FNAME": m.name}, "tags": list(m.tags)} for m in changes[start:start + BATCH]]}
            reply = self._call(lambda: self.client.lists.batch_list_members(self.list_id, body))
            rejected += [f"{e.get('email_address')}: {e.get('error')}" for e in reply.get("errors", [])]
        if rejected:
            raise BackendFailure(say("nl_mailchimp_rejected", n=len(rejected), first=rejected[0]))

    def _not_yet(self, *args: Any) -> Any:
        raise BackendUnavailable(say("nl_mailchimp_announce"))

    create_campaign: Callable[[str, Email], str] = _not_yet  # type: ignore[assignment]
    send: Callable[[str, str], int] = _not_yet  # type: ignore[assignment]
    send_test: Callable[[Email, list[str]], list[Path]] = _not_yet  # type: ignore[assignment]
