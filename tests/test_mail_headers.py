"""The e-mails as a mail client reads them: every header of every message (as sent through aiosmtpd, and as
written to the outbox) parses without a defect under a strict policy, and List-Unsubscribe is `<mailto:...>` as
RFC 2369 writes it, whatever the length of the address and whatever letters it holds."""

from __future__ import annotations

import email
import email.policy
import re
from email import errors
from email.message import EmailMessage
from urllib.parse import unquote

import pytest
from conftest import Project
from inprocess import projectsite
from test_newsletter_smtp import Mailbox, add_member, run, start

STRICT = email.policy.default.clone(raise_on_defect=True)
LONG = "a-reader-with-a-very-long-address.and.more.words.than.usual@subdomain.of.a.long.example.com"
NON_ASCII = "jüri.õunapuu-pikkade-nimedega@näide.example.ee"
READERS = ["mari@example.ee", LONG, NON_ASCII]
UNSUBSCRIBE = re.compile(rb"^List-Unsubscribe: <(mailto:[!-~]+)>\r?$", re.MULTILINE)


def read_strictly(raw: bytes) -> EmailMessage:
    """As a mail client parses it; any defect in the message or in a header fails. A message with UTF-8 in its
    headers (RFC 6532, to an address beyond ASCII) is read as UTF-8 text, as such a client reads it."""
    if raw.isascii():
        message = email.message_from_bytes(raw, policy=STRICT)
    else:
        message = email.message_from_string(raw.decode("utf-8"), policy=STRICT)
    assert isinstance(message, EmailMessage) and message.defects == []
    for name in ("From", "To", "Reply-To", "Subject", "Date", "Message-ID", "List-Unsubscribe"):
        defects = [type(d) for d in message[name].defects]
        if name == "To" and not raw.isascii():  # RFC 6532 allows it; Python's parser knows RFC 5322 only
            assert defects == [errors.NonASCIILocalPartDefect]
        else:
            assert defects == [], name
    return message


def the_unsubscribe(raw: bytes) -> tuple[str, str]:
    """The one List-Unsubscribe line, on one line, as `<mailto:...>`: its address and its subject."""
    found = UNSUBSCRIBE.findall(raw)
    assert len(found) == 1, raw.decode(errors="replace")[:2000]
    to, _, query = found[0].decode().removeprefix("mailto:").partition("?subject=")
    return unquote(to), unquote(query)


def audience(project: Project, port: int) -> None:
    project.write("one.csv", "email,consent_at\nmari@example.ee,2024-01-01T10:00\n")
    assert run(project, port, "sync", str(project.root / "one.csv")).returncode == 0
    add_member(project, LONG)
    add_member(project, NON_ASCII)


@pytest.fixture
def sent(project: Project) -> list[bytes]:
    box = Mailbox()
    controller, port = start(box, enable_SMTPUTF8=True)
    try:
        audience(project, port)
        result = run(project, port, "announce", "event:ringsoit-2022", "--send")
    finally:
        controller.stop()
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(to for tos, _ in box.messages for to in tos) == sorted(READERS)
    return box.raw


@pytest.fixture
def written(project: Project) -> list[bytes]:
    audience(project, 9)
    result = projectsite(
        ["newsletter", "announce", "event:ringsoit-2022", "--send", "--backend", "outbox", "--root", str(project.root)],
        env={"PROJECTSITE_TODAY": "2022-06-01"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    files = sorted((project.root / "outbox" / "campaigns").glob("*/sent/*.eml"))
    assert len(files) == len(READERS)
    return [f.read_bytes() for f in files]


@pytest.mark.parametrize("messages", ["sent", "written"])
def test_list_unsubscribe_is_one_mailto_for_every_reader(messages: str, request: pytest.FixtureRequest) -> None:
    raws = request.getfixturevalue(messages)
    got = {read_strictly(raw)["To"].addresses[0].addr_spec: the_unsubscribe(raw) for raw in raws}
    assert got == {reader: ("lota.vana@vorumaa.ee", f"unsubscribe {reader}") for reader in READERS}


@pytest.mark.parametrize("messages", ["sent", "written"])
def test_from_reply_to_and_subject_read_back_as_written(messages: str, request: pytest.FixtureRequest) -> None:
    for raw in request.getfixturevalue(messages):
        message = read_strictly(raw)
        assert message["From"].addresses[0].display_name == "LÕIM"
        assert message["From"].addresses[0].addr_spec == message["Reply-To"].addresses[0].addr_spec
        assert message["Subject"] in (
            "LÕIM: LÕIM projekti ringsõit Võru maakonnas",
            "LÕIM: LÕIM project tour in Võru County",
        )


def test_a_long_non_ascii_subject_and_sender_name_read_back_whole() -> None:
    """Folded as RFC 2047 allows, and read back to the same text. (A sender's name beyond ASCII longer than one
    encoded word is written correctly too, but Python's parser puts a space between its encoded words.)"""
    from projectsite.newsletter.email import Email
    from projectsite.newsletter.outbox import as_bytes, message
    from projectsite.newsletter.settings import Settings

    subject = "LÕIM: " + "õpituba Võru maakonnas ja Lääne-Virumaal, kõigile huvilistele " * 3
    name = "Lõuna-Eesti Õppimise Mittetulundusühing "
    settings = Settings("https://example.ee/", name.strip(), "lota.vana@vorumaa.ee", "")
    raw = as_bytes(message(Email("et", subject.strip(), "<p>x</p>", "x"), settings, LONG))
    parsed = read_strictly(raw)
    assert parsed["Subject"] == subject.strip() and parsed["From"].addresses[0].display_name == name.strip()
    head = raw.replace(b"\r\n", b"\n").split(b"\n\n")[0].decode()
    subject_lines = re.search(r"^Subject: .*?\n(?=\S)", head, re.MULTILINE | re.DOTALL)
    assert subject_lines is not None and max(len(line) for line in subject_lines[0].splitlines()) <= 78
    assert max(len(line) for line in head.splitlines()) <= 998  # RFC 5322's limit, the long To included


def test_a_list_unsubscribe_longer_than_a_line_may_be_is_folded_inside_the_uri() -> None:
    """An address at the limits (64 letters beyond ASCII before the @, a long domain of them) percent-encodes to more
    than RFC 5322's 998 characters: folded, and read back whole once whitespace is ignored (RFC 2369)."""
    from projectsite.newsletter.email import Email
    from projectsite.newsletter.outbox import as_bytes, message
    from projectsite.newsletter.settings import Settings

    reader = "õ" * 64 + "@" + ".".join(["ääääääääää"] * 16) + ".ee"
    settings = Settings("https://example.ee/", "LÕIM", "lota.vana@vorumaa.ee", "")
    raw = as_bytes(message(Email("et", "Uudis", "<p>x</p>", "x"), settings, reader))
    assert max(len(line) for line in raw.split(b"\n")) <= 998
    value = "".join(str(read_strictly(raw)["List-Unsubscribe"]).split())
    assert value.startswith("<mailto:") and value.endswith(">")
    assert unquote(value[1:-1].partition("?subject=")[2]) == f"unsubscribe {reader}"
