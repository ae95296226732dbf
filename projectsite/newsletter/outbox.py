"""The embedded default backend: the audience in a local SQLite file, each e-mail an .eml file in outbox/."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from html import escape
from pathlib import Path

from ..progress import Steps, no_progress
from .audience import Member, SyncPlan
from .backends_base import BackendFailure, Deferred, Refusal, Refused, SendResult
from .email import MAILCHIMP_UNSUBSCRIBE, Email, header_text, mail_policy, unsubscribe_address
from .journal import DeliveryJournal
from .settings import Settings
from .store import LocalAudience


def message(mail: Email, settings: Settings, to: str) -> EmailMessage:
    """The e-mail to one recipient; every header is one line whatever the data or the settings hold."""
    to, reply_to = header_text(to), header_text(settings.reply_to)
    unsubscribe = unsubscribe_address(settings.reply_to, to)
    out = EmailMessage(policy=mail_policy())  # List-Unsubscribe as RFC 2369 writes it, whatever its length
    local, _, domain = reply_to.rpartition("@")
    out["From"] = Address(header_text(settings.from_name), local, domain)  # a long name beyond ASCII reads back whole
    out["To"] = to
    out["Reply-To"] = reply_to
    out["Subject"] = header_text(mail.subject)
    out["Date"] = format_datetime(dt.datetime.now(dt.UTC))
    out["Message-ID"] = make_msgid(domain=reply_to.split("@")[-1] or None)
    out["List-Unsubscribe"] = f"<{unsubscribe}>"
    out.set_content(mail.text.replace(MAILCHIMP_UNSUBSCRIBE, unsubscribe))
    out.add_alternative(mail.html.replace(MAILCHIMP_UNSUBSCRIBE, escape(unsubscribe)), subtype="html")
    out["Content-Language"] = mail.lang  # after the content: set_content replaces every Content-* header
    return out


def as_bytes(email: EmailMessage) -> bytes:
    """The message as a file; an address with letters beyond ASCII is written as UTF-8 (RFC 6532)."""
    international = not str(email["To"]).isascii()
    return email.as_bytes(policy=policy.default.clone(utf8=True)) if international else bytes(email)


def _write(path: Path, email: EmailMessage) -> None:
    temporary = path.with_suffix(".part")
    temporary.write_bytes(as_bytes(email))
    temporary.replace(path)


def keep(folder: Path, stem: str, number: int, email: EmailMessage) -> int:
    """Write `email` as `stem-NNNNN.eml`, at `number` or the first free number after it (a run in the same
    second never overwrites an earlier one's file); the number used."""
    while True:
        try:
            with (folder / f"{stem}-{number:05d}.eml").open("xb") as file:
                file.write(as_bytes(email))
            return number
        except FileExistsError:
            number += 1


class OutboxBackend:
    name = "outbox"

    def __init__(self, root: Path, settings: Settings):
        self.folder = root / "outbox"
        self.settings = settings
        self.audience = LocalAudience(self.folder / "audience.sqlite")
        self.journal = DeliveryJournal(self.folder / "deliveries.sqlite")

    def members(self) -> dict[str, Member]:
        return self.audience.members()

    def apply(self, plan: SyncPlan, advance: Callable[[int], None] | None = None) -> None:
        self.audience.upsert(plan.changes, advance)

    def create_campaign(self, item: str, mail: Email) -> str:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        campaign = (
            f"{item.replace(':', '-')}-{mail.lang}-{stamp}-{secrets.token_hex(3)}"  # unique, even within a second
        )
        folder = self.folder / "campaigns" / campaign
        folder.mkdir(parents=True)
        (folder / "subject.txt").write_text(mail.subject + "\n", encoding="utf-8")
        (folder / "message.html").write_text(mail.html, encoding="utf-8")
        (folder / "message.txt").write_text(mail.text, encoding="utf-8")
        return campaign

    def find_begun(self, item: str, lang: str) -> str | None:
        """The last campaign of this item and language whose sending began (the journal has a delivery of it):
        one the send log lost, to be continued instead of sent to everyone again."""
        name = re.compile(re.escape(f"{item.replace(':', '-')}-{lang}-") + r"\d{8}T\d{6}-[0-9a-f]{6}")
        folder = self.folder / "campaigns"
        found = sorted(p.name for p in folder.iterdir() if name.fullmatch(p.name)) if folder.is_dir() else []
        return next((c for c in reversed(found) if self.journal.deliveries(c)), None)

    def _campaign_email(self, campaign: str, lang: str) -> Email:
        folder = self.folder / "campaigns" / campaign
        return Email(
            lang,
            (folder / "subject.txt").read_text(encoding="utf-8").strip(),
            (folder / "message.html").read_text(encoding="utf-8"),
            (folder / "message.txt").read_text(encoding="utf-8"),
        )

    def send(self, campaign: str, lang: str, steps: Steps | None = None) -> SendResult:
        """Each subscribed recipient of the language once. The journal records each delivery as it happens and
        the .eml file (named by the journal's number) is written after it, so a run stopped at any moment goes
        on where it stopped. A recipient refused for good is marked `cleaned` and the others go on. `steps`
        shows the progress over the recipients still to write."""
        mail = self._campaign_email(campaign, lang)
        folder = self.folder / "campaigns" / campaign / "sent"
        folder.mkdir(exist_ok=True)
        done = self.journal.deliveries(campaign)
        todo = [
            m
            for m in self.audience.recipients(lang)
            if done.get(m.email) is None or done[m.email].state in ("sending", "deferred")
        ]
        refused: list[Refusal] = []
        deferred: list[Refusal] = []
        with self.delivery() as deliver, (steps or no_progress)(len(todo)) as advance:
            for member in todo:
                earlier = done.get(member.email)
                number = earlier.number if earlier else self.journal.begin(campaign, member.email)
                path = folder / f"{number:06d}.eml"
                if not path.exists():  # else delivered just before a stop: only the journal lagged
                    email = message(mail, self.settings, member.email)
                    try:
                        deliver(email)
                    except Deferred as later:  # sent by a run again, and only then
                        self.journal.finish(number, "deferred", str(later.message))
                        deferred.append(Refusal(member.email, later.message))
                        advance(1)
                        continue
                    except Refused as refusal:
                        self.journal.finish(number, "refused", str(refusal.message))
                        self.audience.set_status(member.email, "cleaned")
                        refused.append(Refusal(member.email, refusal.message))
                        advance(1)
                        continue
                    _write(path, email)
                self.journal.finish(number, "sent")
                advance(1)
        return SendResult(self.journal.count(campaign), tuple(refused), tuple(deferred))

    @contextmanager
    def delivery(self) -> Iterator[Callable[[EmailMessage], None]]:
        """How a message leaves: in the outbox, the .eml file is the delivery."""
        yield lambda email: None

    def send_test(self, mail: Email, addresses: list[str]) -> list[Path]:
        folder = self.folder / "tests"
        folder.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        written = []
        number = 0
        with self.delivery() as deliver:
            for address in addresses:
                email = message(mail, self.settings, address)
                try:
                    deliver(email)
                except (Refused, Deferred) as refusal:  # a test e-mail is one address: its failure is the run's
                    raise BackendFailure(refusal.message) from None
                number = keep(folder, f"{mail.lang}-{stamp}", number + 1, email)  # never named by the address
                written.append(folder / f"{mail.lang}-{stamp}-{number:05d}.eml")
        return written
