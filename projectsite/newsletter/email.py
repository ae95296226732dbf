"""An announcement as an e-mail: HTML with its CSS inline (mail clients drop <style>) and plain text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from email import policy as email_policy
from email.headerregistry import BaseHeader, HeaderRegistry, UnstructuredHeader
from email.message import EmailMessage
from email.policy import EmailPolicy, Policy
from functools import cache
from urllib.parse import quote, urljoin, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ..labels import LABELS, language_note
from .items import Announcement
from .settings import Settings

# Mailchimp replaces this merge tag with each recipient's own unsubscribe address.
MAILCHIMP_UNSUBSCRIBE = "*|UNSUB|*"
# Line breaks of every kind (CR, LF, U+2028, NEL...), tabs and other control characters.
_BREAKS = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def header_text(text: str) -> str:
    """Text made fit for one header line: every run of breaks, tabs and spaces becomes one space, so that no
    data text can start a header of its own."""
    return _BREAKS.sub(" ", text).strip()


LINE_LIMIT = 900  # characters of a List-Unsubscribe line before it is folded (RFC 5322 allows 998)


class _AsWritten(UnstructuredHeader, BaseHeader):
    """A header of `<uri>`s (RFC 2369's List-Unsubscribe): written on one line as it is, never folded into RFC
    2047 encoded words, which no mail client reads there. Its text is ASCII without line breaks (see
    `unsubscribe_address`)."""

    def fold(self, *, policy: Policy) -> str:
        """One line; past RFC 5322's 998 characters (an address long and far beyond ASCII, percent-encoded), folded
        inside the URI, whose whitespace RFC 2369 tells mail clients to ignore."""
        line = f"{self.name}: {self}"
        chunks = [line[start : start + LINE_LIMIT] for start in range(0, len(line), LINE_LIMIT)]
        return (policy.linesep + " ").join(chunks) + policy.linesep


@cache
def mail_policy() -> EmailPolicy[EmailMessage]:
    """The e-mail policy (policy.default) with List-Unsubscribe and List-Unsubscribe-Post written as they are."""
    registry = HeaderRegistry()
    registry.map_to_type("list-unsubscribe", _AsWritten)
    registry.map_to_type("list-unsubscribe-post", _AsWritten)
    return email_policy.default.clone(header_factory=registry)


def unsubscribe_address(reply_to: str, email: str) -> str:
    """A working unsubscribe for backends without a service: an e-mail to the sender that says so, as a mailto:
    URI in ASCII (RFC 6068: every letter beyond ASCII, and every reserved character, percent-encoded)."""
    return f"mailto:{quote(header_text(reply_to), safe='@')}?subject={quote('unsubscribe ' + header_text(email))}"


@dataclass(frozen=True)
class Email:
    lang: str
    subject: str
    html: str
    text: str


def safe_url(url: str) -> str:
    """The address when it is a web or mail address, else nothing (never a javascript: or data: link)."""
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https", "mailto") else ""


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("projectsite", "templates/email"),
        undefined=StrictUndefined,
        autoescape=select_autoescape(["html.j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    return env


def render_email(announcement: Announcement, settings: Settings, unsubscribe_url: str = MAILCHIMP_UNSUBSCRIBE) -> Email:
    context = {
        "a": announcement,
        "L": LABELS[announcement.lang],
        "settings": settings,
        "unsubscribe_url": unsubscribe_url,
        "other_language": announcement.written_in != announcement.lang,
        "in_language": language_note(announcement.lang, announcement.written_in),
        "funders": settings.funders.get(announcement.lang, ""),
        # The funders' site and logo (extra.funder_url, extra.funder_logo), the logo as the site publishes it.
        "grants_url": safe_url(settings.funder_url) if settings.funder_url else None,
        "logo_url": urljoin(safe_url(settings.site_url) or "", settings.funder_logo) if settings.funder_logo else None,
        "logo_alt": settings.funder_logo_alt.get(announcement.lang) or LABELS[announcement.lang]["funders_site"],
    }
    env = _environment()
    return Email(
        lang=announcement.lang,
        subject=header_text(f"{settings.from_name}: {announcement.headline}"),
        html=env.get_template("announcement.html.j2").render(context),
        text=env.get_template("announcement.txt.j2").render(context),
    )
