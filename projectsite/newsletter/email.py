"""An announcement as an e-mail: HTML with its CSS inline (mail clients drop <style>) and plain text."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ..labels import LABELS
from .items import Announcement
from .settings import Settings

# Mailchimp replaces this merge tag with each recipient's own unsubscribe address.
MAILCHIMP_UNSUBSCRIBE = "*|UNSUB|*"


@dataclass(frozen=True)
class Email:
    lang: str
    subject: str
    html: str
    text: str


@lru_cache(maxsize=None)
def _environment() -> Environment:
    return Environment(loader=PackageLoader("projectsite", "templates/email"), undefined=StrictUndefined,
                       autoescape=select_autoescape(["html.j2"]), trim_blocks=True, lstrip_blocks=True)


def render_email(announcement: Announcement, settings: Settings, unsubscribe_url: str = MAILCHIMP_UNSUBSCRIBE) -> Email:
    context = {"a": announcement, "L": LABELS[announcement.lang], "settings": settings,
               "unsubscribe_url": unsubscribe_url,
               "other_language": announcement.written_in != announcement.lang}
    env = _environment()
    return Email(lang=announcement.lang, subject=f"{settings.from_name}: {announcement.title}",
                 html=env.get_template("announcement.html.j2").render(context),
                 text=env.get_template("announcement.txt.j2").render(context))
