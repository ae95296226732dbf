"""`projectsite newsletter preview`: the e-mails of an item in both languages, as files to open."""

from __future__ import annotations

from pathlib import Path

from ..dates import today
from ..load import SiteData
from .email import render_email
from .items import announcement
from .settings import load_settings


def write_preview(root: Path, data: SiteData, item: str, folder: Path, config_file: str | None = None) -> list[Path]:
    settings = load_settings(root, config_file)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in data.languages:
        email = render_email(announcement(data, item, lang, settings.site_url, today()), settings)
        stem = item.replace(":", "-") + f".{lang}"
        for suffix, body in ((".html", email.html), (".txt", f"Subject: {email.subject}\n\n{email.text}\n")):
            path = folder / (stem + suffix)
            path.write_text(body, encoding="utf-8")
            written.append(path)
    return written
