"""Every newsletter command answers odd arguments, files and settings with a message and a non-zero exit, never
a traceback."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from inprocess import projectsite
from newsletter_cli import make_root


def newsletter(root: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The command in `root` (the arguments may name another --root), its messages in English."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("MAILCHIMP_", "SMTP_"))}
    if "--root" not in args:
        args = (*args, "--root", str(root))
    return projectsite(["newsletter", *args, "--lang", "en"], env={**clean, **env}, cwd=root)


SMTP_BAD_PORT = {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": "99999", "PROJECTSITE_BACKOFF": "abc"}
NO_DATA_CENTRE = {"MAILCHIMP_API_KEY": "0123456789abcdef", "MAILCHIMP_LIST_ID": "a1b2c3"}
LIST_AS_PATH = {"MAILCHIMP_API_KEY": "0123456789abcdef-us1", "MAILCHIMP_LIST_ID": "../../x"}
URL_NOT_WEB = {**NO_DATA_CENTRE, "MAILCHIMP_API_URL": "file:///etc/passwd"}

CASES: list[tuple[str, list[str], dict[str, str], str]] = [
    ("sync of a missing file", ["sync", "missing.csv"], {}, "no such file"),
    ("sync of a folder", ["sync", "folder"], {}, "a folder, not a file"),
    ("sync of an empty name", ["sync", ""], {}, "a folder, not a file"),
    ("sync of a file with no address", ["sync", "empty.csv"], {}, "empty.csv"),
    ("unsubscribe from a missing file", ["unsubscribe", "--from", "missing.txt"], {}, "no such file"),
    ("unsubscribe from a folder", ["unsubscribe", "--from", "folder"], {}, "a folder, not a file"),
    ("unsubscribe of nothing", ["unsubscribe", ""], {}, "is not an e-mail address"),
    ("subscribe of nothing", ["subscribe", ""], {}, "is not an e-mail address"),
    ("status without settings", ["status", "--root", "nowhere"], {}, "settings can't be read"),
    ("confirm without settings", ["confirm", "--root", "nowhere"], {}, "settings can't be read"),
    ("preview without settings", ["preview", "event:x", "--root", "nowhere"], {}, ""),
    ("announce without settings", ["announce", "event:x", "--root", "nowhere"], {}, ""),
    ("settings that are not UTF-8", ["status", "--root", "latin"], {}, "settings can't be read"),
    ("settings that are a folder", ["status", "--root", "folder_settings"], {}, "settings can't be read"),
    ("announce with a bad schedule", ["announce", "event:x", "--schedule", "tomorrow"], {}, "tomorrow"),
    ("status with a bad SMTP_PORT", ["status"], SMTP_BAD_PORT, "SMTP_PORT must be a port number"),
    ("confirm with a bad SMTP_PORT", ["confirm"], SMTP_BAD_PORT, "SMTP_PORT must be a port number"),
    ("sync with a bad SMTP_PORT", ["sync", "one.csv"], SMTP_BAD_PORT, "SMTP_PORT must be a port number"),
    ("a Mailchimp key without its data centre", ["status"], NO_DATA_CENTRE, "data centre"),
    ("a Mailchimp list id that is a path", ["status"], LIST_AS_PATH, "MAILCHIMP_LIST_ID"),
    ("a Mailchimp address that is not the web", ["status"], URL_NOT_WEB, "MAILCHIMP_API_URL"),
]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = make_root(tmp_path)
    (root / "folder").mkdir()
    (root / "folder_settings" / "mkdocs.yml").mkdir(parents=True)
    (root / "latin").mkdir()
    (root / "latin" / "mkdocs.yml").write_bytes(b"site_name: V\xf5ru\n")
    (root / "empty.csv").write_bytes(b"email\n\xff\xfe\n")
    (root / "one.csv").write_text("email\nmari@example.ee\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("args, env, words", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_hostile_input_is_a_message_and_a_failure(root: Path, args: list[str], env: dict[str, str], words: str) -> None:
    result = newsletter(root, *args, env=env)
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.strip() or result.stderr.strip()
    assert words in result.stdout + result.stderr
