"""The `projectsite newsletter` command on a project folder of its own: only mkdocs.yml (the settings) is read."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

from inprocess import projectsite

SETTINGS = (
    "site_name: Test\nsite_url: https://example.org/\n"
    "extra:\n  projectsite:\n    newsletter:\n      reply_to: news@example.org\n"
)


def make_root(folder: Path) -> Path:
    (folder / "mkdocs.yml").write_text(SETTINGS, encoding="utf-8")
    (folder / "docs").mkdir(exist_ok=True)  # MkDocs' loader wants the pages' folder to exist
    return folder


def newsletter(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The command on the outbox backend (unless `env` chooses another), its messages in English."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("MAILCHIMP_", "SMTP_"))}
    return projectsite(
        ["newsletter", *args, "--root", str(root), "--lang", "en"], env={**clean, **(env or {})}, cwd=root
    )


def statuses(root: Path) -> dict[str, str]:
    db = sqlite3.connect(root / "outbox" / "audience.sqlite")
    return dict(db.execute("SELECT email, status FROM members"))


def languages(root: Path) -> dict[str, str]:
    db = sqlite3.connect(root / "outbox" / "audience.sqlite")
    return dict(db.execute("SELECT email, language FROM members"))
