"""A Mailchimp-compatible server on 127.0.0.1 for the endpoints projectsite uses, faithful to the documented API:
Basic auth with the API key, GET /lists/{id}/members (paged, at most 1000), POST /lists/{id} (batch of at most
500 members, `update_existing`), campaigns (create, content, send, schedule on the quarter hour, test, get,
list, delete), errors as application/problem+json, 429 past 10 simultaneous connections, and failures injected
on purpose (`fail_next`, or `fail_paths` for requests whose path ends so; `raw_next` for replies as they are,
such as cut-off JSON or an HTML page; `silence` for a service that accepts and never answers). `running(prefix)`
serves the API under a path of the test's choosing."""

from __future__ import annotations

import base64
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

from loopback import serving

# A JSON object, as Mailchimp sends and takes it.
Json = dict[str, Any]

STATUSES = {"subscribed", "unsubscribed", "cleaned", "pending", "transactional", "archived"}


class FakeMailchimp:
    def __init__(self, key: str = "0123456789abcdef-us1", list_id: str = "a1b2c3") -> None:
        self.key, self.list_id = key, list_id
        self.members: dict[str, Json] = {}
        self.requests: list[tuple[str, str]] = []
        self.fail_next: list[int] = []  # statuses to answer with, one per coming request
        self.fail_paths: dict[str, list[int]] = {}  # path ending → statuses, one per matching request
        self.campaigns: dict[str, Json] = {}
        self.tests: list[Json] = []
        self.raw_next: list[tuple[int, str, bytes]] = []  # (status, Content-Type, body), one per coming request
        self.silence: threading.Event | None = None  # when given, every request waits for it without an answer
        self.counts_recipients = True  # False: a campaign's recipient_count is left out, as a field may be
        self.active = 0
        self.lock = threading.Lock()

    # ------------------------------------------------------------- the endpoints
    def handle(self, method: str, path: str, query: dict[str, list[str]], body: Json | None) -> tuple[int, Json | None]:
        if path.startswith("/3.0/campaigns"):
            return self.campaign(method, path, query, body or {})
        members = re.fullmatch(r"/3\.0/lists/([^/]+)/members", path)
        batch = re.fullmatch(r"/3\.0/lists/([^/]+)", path)
        match = members or batch
        if match is None or match.group(1) != self.list_id:
            return problem(404, "Resource Not Found", "The requested resource could not be found.")
        if members and method == "GET":
            count = min(int(query.get("count", ["10"])[0]), 1000)
            offset = int(query.get("offset", ["0"])[0])
            page = list(self.members.values())[offset : offset + count]
            return 200, {"members": page, "total_items": len(self.members), "list_id": self.list_id}
        if batch and method == "POST":
            return self.batch(body or {})
        return problem(405, "Method Not Allowed", f"{method} is not allowed on {path}.")

    def batch(self, body: Json) -> tuple[int, Json]:
        given = body.get("members")
        if not isinstance(given, list) or len(given) > 500:
            return problem(
                400,
                "Invalid Resource",
                "The resource submitted could not be validated: members must be an array of at most 500 items.",
            )
        created, updated, errors = [], [], []
        for m in given:
            email, status = str(m.get("email_address", "")).lower(), m.get("status")
            if "@" not in email or status not in STATUSES:
                errors.append({"email_address": email, "error": "Invalid member", "error_code": "ERROR_GENERIC"})
                continue
            record = {
                "email_address": email,
                "status": status,
                "language": m.get("language", ""),
                "merge_fields": m.get("merge_fields", {}),
                "tags": [{"id": i, "name": t} for i, t in enumerate(m.get("tags", []))],
            }
            if email in self.members:
                if not body.get("update_existing"):
                    errors.append(
                        {
                            "email_address": email,
                            "error": f"{email} is already a list member.",
                            "error_code": "ERROR_CONTACT_EXISTS",
                        }
                    )
                    continue
                self.members[email].update(record)
                updated.append(record)
            else:
                self.members[email] = record
                created.append(record)
        return 200, {
            "new_members": created,
            "updated_members": updated,
            "errors": errors,
            "total_created": len(created),
            "total_updated": len(updated),
            "error_count": len(errors),
        }

    def campaign(self, method: str, path: str, query: dict[str, list[str]], body: Json) -> tuple[int, Json | None]:
        if path == "/3.0/campaigns" and method == "POST":
            recipients = body.get("recipients") or {}
            if recipients.get("list_id") != self.list_id or body.get("type") != "regular":
                return problem(400, "Invalid Resource", "The resource submitted could not be validated.")
            found = {
                "id": f"c{len(self.campaigns) + 1:04d}",
                "type": "regular",
                "status": "save",
                "recipients": {**recipients, "recipient_count": 0},
                "settings": body.get("settings", {}),
                "content": None,
            }
            self.campaigns[found["id"]] = found
            return 200, found
        if path == "/3.0/campaigns" and method == "GET":
            wanted = query.get("status", [None])[0]
            chosen = [c for c in self.campaigns.values() if wanted in (None, c["status"])]
            return 200, {"campaigns": chosen, "total_items": len(chosen)}
        match = re.fullmatch(r"/3\.0/campaigns/([^/]+)(/content|/actions/send|/actions/schedule|/actions/test)?", path)
        if match is None or match.group(1) not in self.campaigns:
            return problem(404, "Resource Not Found", "The requested resource could not be found.")
        found, action = self.campaigns[match.group(1)], match.group(2)
        if action is None and method == "GET":
            if not self.counts_recipients:
                return 200, {
                    **found,
                    "recipients": {k: v for k, v in found["recipients"].items() if k != "recipient_count"},
                }
            return 200, found
        if action is None and method == "DELETE":
            del self.campaigns[found["id"]]
            return 204, None
        if action == "/content" and method == "PUT":
            found["content"] = {"html": body.get("html"), "plain_text": body.get("plain_text")}
            return 200, found["content"]
        if action == "/actions/test" and method == "POST":
            self.tests.append({"campaign": found["id"], **body})
            return 204, None
        if found["content"] is None or found["status"] not in ("save", "schedule"):
            return problem(400, "Bad Request", "Your Campaign is not ready to send.")
        if action == "/actions/schedule" and method == "POST":
            when = str(body.get("schedule_time", ""))
            if not re.match(r"\d{4}-\d{2}-\d{2}T\d{2}:(00|15|30|45)", when):
                return problem(
                    400, "Invalid Resource", "Schedule time must be on the quarter-hour (:00, :15, :30, :45)."
                )
            found.update(status="schedule", send_time=when)
            return 204, None
        if action == "/actions/send" and method == "POST":
            language = found["recipients"].get("segment_opts", {}).get("conditions", [{}])[0].get("value")
            found["status"] = "sent"
            found["recipients"]["recipient_count"] = sum(
                1 for m in self.members.values() if m["status"] == "subscribed" and m["language"] == language
            )
            return 204, None
        return problem(405, "Method Not Allowed", f"{method} is not allowed on {path}.")

    # ------------------------------------------------------------- the server
    def authorized(self, header: str | None) -> bool:
        if not header or not header.startswith("Basic "):
            return False
        _, _, password = base64.b64decode(header[6:]).decode().partition(":")
        return password == self.key

    @contextmanager
    def running(self, prefix: str = "") -> Iterator[str]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _raw(self) -> bool:
                """A reply injected as it is (or none at all, while `silence` holds): whether one was."""
                if fake.silence is not None:
                    fake.silence.wait(timeout=120)
                    return True
                with fake.lock:
                    if not fake.raw_next:
                        return False
                    status, kind, body = fake.raw_next.pop(0)
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return True

            def _serve(self, method: str) -> None:
                if not self.path.startswith(prefix + "/"):
                    self.send_error(404)
                    return
                self.path = self.path.removeprefix(prefix)
                if self._raw():
                    return
                with fake.lock:
                    fake.active += 1
                    crowded = fake.active > 10
                    injected = fake.fail_next.pop(0) if fake.fail_next else None
                    for ending, statuses in fake.fail_paths.items():
                        if injected is None and urlsplit(self.path).path.endswith(ending) and statuses:
                            injected = statuses.pop(0)
                try:
                    parts = urlsplit(self.path)
                    fake.requests.append((method, parts.path))
                    length = int(self.headers.get("Content-Length") or 0)
                    body = json.loads(self.rfile.read(length) or b"null") if length else None
                    payload: Json | None
                    if crowded:
                        status, payload = problem(
                            429, "Too Many Requests", "You have exceeded the limit of 10 simultaneous connections."
                        )
                    elif injected:
                        status, payload = problem(injected, "Injected failure", "A failure the test asked for.")
                    elif not fake.authorized(self.headers.get("Authorization")):
                        status, payload = problem(
                            401,
                            "API Key Invalid",
                            "Your API key may be invalid, or you've attempted to access the wrong datacenter.",
                        )
                    else:
                        status, payload = fake.handle(method, parts.path, parse_qs(parts.query), body)
                    if payload is None:  # 204: no content at all
                        self.send_response(status)
                        self.end_headers()
                        return
                    data = json.dumps(payload).encode()
                    self.send_response(status)
                    self.send_header(
                        "Content-Type",
                        "application/json; charset=utf-8"
                        if status < 400
                        else "application/problem+json; charset=utf-8",
                    )
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                finally:
                    with fake.lock:
                        fake.active -= 1

            def do_GET(self) -> None:
                self._serve("GET")

            def do_POST(self) -> None:
                self._serve("POST")

            def do_PUT(self) -> None:
                self._serve("PUT")

            def do_DELETE(self) -> None:
                self._serve("DELETE")

        with serving(Handler) as port:
            try:
                yield f"http://127.0.0.1:{port}{prefix}/3.0"
            finally:
                if fake.silence is not None:
                    fake.silence.set()


def problem(status: int, title: str, detail: str) -> tuple[int, Json]:
    return status, {
        "type": "https://mailchimp.com/developer/marketing/docs/errors/",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": "00000000-0000-0000-0000-000000000000",
    }
