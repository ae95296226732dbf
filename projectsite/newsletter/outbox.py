"""The embedded default backend: the audience in a local SQLite file, each e-mail an .eml file in outbox/."""
from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from email.utils import formataddr, format_datetime, make_msgid
from html import escape
from pathlib import Path
from urllib.parse import quote

from .audience import Member, SyncPlan
from .email import MAILCHIMP_UNSUBSCRIBE, Email
from .settings import Settings
from .store import LocalAudience


def unsubscribe_address(settings: Settings, email: str) -> str:
    """A working unsubscribe for backends without a service: an e-mail to the sender that says so."""
    return f"mailto:{settings.reply_to}?subject={quote('unsubscribe ' + email)}"


def message(mail: Email, settings: Settings, to: str) -> EmailMessage:
    unsubscribe = unsubscribe_address(settings, to)
    out = EmailMessage()
    out["From"] = formataddr((settings.from_name, settings.reply_to))
    out["To"] = to
    out["Reply-To"] = settings.reply_to
    out["Subject"] = mail.subject
    out["Date"] = format_datetime(dt.datetime.now(dt.timezone.utc))
    out["Message-ID"] = make_msgid(domain=settings.reply_to.split("@")[-1] or None)
    out["List-Unsubscribe"] = f"<{unsubscribe}>"
    out.set_content(mail.text.replace(MAILCHIMP_UNSUBSCRIBE, unsubscribe))
    out.add_alternative(mail.html.replace(MAILCHIMP_UNSUBSCRIBE, escape(unsubscribe)), subtype="html")
    out["Content-Language"] = mail.lang  # after the content: set_content replaces every Content-* header
    return out


class OutboxBackend:
    name = "outbox"

    def __init__(self, root: Path, settings: Settings):
        self.folder = root / "outbox"
        self.settings = settings
        self.audience = LocalAudience(self.folder / "audience.sqlite")

    def members(self) -> dict[str, Member]:
        return self.audience.members()

    def apply(self, plan: SyncPlan, advance: Callable[[int], None] | None = None) -> None:
        self.audience.upsert(plan.changes, advance)

    def create_campaign(self, item: str, mail: Email) -> str:
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
        campaign = f"{item.replace(':', '-')}-{mail.lang}-{stamp}-{secrets.token_hex(3)}"  # unique, even within a second
        folder = self.folder / "campaigns" / campaign
        folder.mkdir(parents=True)
        (folder / "subject.txt").write_text(mail.subject + "\n", encoding="utf-8")
        (folder / "message.html").write_text(mail.html, encoding="utf-8")
        (folder / "message.txt").write_text(mail.text, encoding="utf-8")
        return campaign

    def _campaign_email(self, campaign: str, lang: str) -> Email:
        folder = self.folder / "campaigns" / campaign
        return Email(lang, (folder / "subject.txt").read_text(encoding="utf-8").strip(),
                     (folder / "message.html").read_text(encoding="utf-8"),
                     (folder / "message.txt").read_text(encoding="utf-8"))

    def send(self, campaign: str, lang: str) -> int:
        """Each subscribed recipient of the language once: the .eml written after delivery is the record,
        so a send that stopped halfway goes on where it stopped."""
        mail = self._campaign_email(campaign, lang)
        folder = self.folder / "campaigns" / campaign / "sent"
        folder.mkdir(exist_ok=True)
        recipients = self.audience.recipients(lang)
        with self.delivery() as deliver:
            for member in recipients:
                path = folder / f"{member.email}.eml"
                if not path.exists():
                    email = message(mail, self.settings, member.email)
                    deliver(email)
                    temporary = path.with_suffix(".part")
                    temporary.write_bytes(bytes(email))
                    temporary.replace(path)
        return len(recipients)

    @contextmanager
    def delivery(self) -> Iterator[Callable[[EmailMessage], None]]:
        """How a message leaves: in the outbox, the .eml file is the delivery."""
        yield lambda email: None

    def send_test(self, mail: Email, addresses: list[str]) -> list[Path]:
        folder = self.folder / "tests"
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        with self.delivery() as deliver:
            for address in addresses:
                email = message(mail, self.settings, address)
                deliver(email)
                path = folder / f"{mail.lang}-{address}.eml"
                path.write_bytes(bytes(email))
                written.append(path)
        return written
