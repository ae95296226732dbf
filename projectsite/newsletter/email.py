"""An announcement as an e-mail: HTML with its CSS inline (mail clients drop <style>) and plain text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urljoin, urlsplit

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
