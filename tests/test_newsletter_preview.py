"""`projectsite newsletter preview`: the announcement e-mails, rendered from the site's own data."""

from __future__ import annotations

import os
import subprocess
from dataclasses import replace
from email.message import EmailMessage
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import Project
from inprocess import projectsite
from pages import found, text

from projectsite.newsletter.email import render_email
from projectsite.newsletter.items import Announcement
from projectsite.newsletter.outbox import message
from projectsite.newsletter.settings import Settings


def preview(project: Project, item: str, today: str = "2022-06-01", *flags: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PROJECTSITE_TODAY": today}
    return projectsite(
        [
            "newsletter",
            "preview",
            item,
            "--root",
            str(project.root),
            "--out",
            "preview",
            *flags,
        ],
        env=env,
    )


def email(project: Project, name: str) -> BeautifulSoup:
    return BeautifulSoup((project.root / "preview" / name).read_text(encoding="utf-8"), "html.parser")


def test_preview_writes_html_and_text_in_both_languages(project: Project) -> None:
    result = preview(project, "event:ringsoit-2022")
    assert result.returncode == 0, result.stdout
    names = [Path(line).name for line in result.stdout.splitlines()]
    assert names == [
        "event-ringsoit-2022.et.html",
        "event-ringsoit-2022.et.txt",
        "event-ringsoit-2022.en.html",
        "event-ringsoit-2022.en.txt",
    ]


def test_the_e_mail_says_what_when_where_and_how_to_register(project: Project) -> None:
    preview(project, "event:ringsoit-2022")
    mail = email(project, "event-ringsoit-2022.en.html")
    body = text(found(mail.body))
    assert found(mail.html)["lang"] == "en" and found(mail.h1).get_text() == "LÕIM study tour of Võru County"
    assert "When: 24 August 2022 at 08:00–17:30" in body and "Where: Võru County, starting in Võru" in body
    assert found(mail.find("a", href="https://forms.gle/xwk6dGxBe3VvySWDA")).get_text() == "Register for the event"
    assert "Registration is open until 18 August 2022." in body
    assert mail.find("a", href="https://loim.example.org/en/events/ringsoit-2022/") is not None
    assert found(mail.find("a", href="*|UNSUB|*")).get_text() == "Unsubscribe"


def test_the_e_mail_carries_its_css_inline(project: Project) -> None:
    preview(project, "event:avaseminar-2022")
    mail = email(project, "event-avaseminar-2022.et.html")
    assert mail.find("style") is None and mail.find("link") is None
    assert found(mail.find("table"))["style"] and found(mail.h1)["style"]


def test_the_text_e_mail_has_the_subject_and_the_page_address(project: Project) -> None:
    preview(project, "event:avaseminar-2022")
    plain = (project.root / "preview" / "event-avaseminar-2022.et.txt").read_text(encoding="utf-8")
    assert plain.startswith("Subject: LÕIM: LÕIM projekti avaseminar\n")
    assert "Aeg: 14. juuni 2022 kell 13:30–17:00" in plain
    assert "Loe lähemalt projekti veebilehelt: https://loim.example.org/events/avaseminar-2022/" in plain


def test_after_the_deadline_the_e_mail_offers_no_registration(project: Project) -> None:
    preview(project, "event:ringsoit-2022", "2022-08-19")
    mail = email(project, "event-ringsoit-2022.en.html")
    assert mail.find("a", href="https://forms.gle/xwk6dGxBe3VvySWDA") is None
    assert "Registration closed on 18 August 2022." in text(found(mail.body))


def test_markup_in_the_data_shows_as_text(project: Project) -> None:
    project.replace_events("- id: tricky\n  title: '<script>alert(1)</script> & Co'\n  start: 2023-07-01\n")
    assert preview(project, "event:tricky", "2023-06-01").returncode == 0
    mail = email(project, "event-tricky.et.html")
    assert mail.find("script") is None and found(mail.h1).get_text() == "<script>alert(1)</script> & Co"


def test_an_untranslated_post_goes_to_english_readers_in_estonian_marked_as_such(project: Project) -> None:
    project.write(
        "docs/et/news/2024-05-01-uus.md",
        "---\ndate: 2024-05-01\ntitle: Uus uudis\nsummary: Lühidalt.\n---\n\n# Uus uudis\n",
    )
    assert preview(project, "news:2024-05-01-uus").returncode == 0
    mail = email(project, "news-2024-05-01-uus.en.html")
    assert found(mail.h1)["lang"] == "et" and found(mail.h1).get_text() == "Uus uudis"
    assert "(in Estonian)" in text(found(mail.body))
    assert mail.find("a", href="https://loim.example.org/en/news/2024-05-01-uus/") is not None


def test_an_unknown_item_is_reported_in_plain_words(project: Project) -> None:
    result = preview(project, "event:no-such-event", "2022-06-01", "--lang", "en")
    assert result.returncode == 1
    assert result.stdout.strip() == "no event with the id 'no-such-event' in data/events.yaml"
    assert "Traceback" not in result.stderr


def test_a_malformed_item_says_how_to_write_it(project: Project) -> None:
    result = preview(project, "ringsoit-2022", "2022-06-01", "--lang", "en")
    assert result.returncode == 1 and "write event:<id> or news:" in result.stdout


# ------------------------------------------------------------------ hostile text never becomes markup or a header
MARKUP = '<b class="planted">bold</b> & <img src=x onerror="alert(1)">'
SAFE = Announcement(
    item="event:x",
    lang="en",
    written_in="en",
    title="Title",
    when="1 June 2022",
    where="Võru",
    summary="Summary.",
    registration="Registration is open.",
    registration_url="https://example.org/r",
    registration_until="Until 1 June.",
    url="https://example.org/x",
)
SETTINGS = Settings(
    site_url="https://example.org/", from_name="LÕIM", reply_to="lota.vana@vorumaa.ee", organisation="Võru County"
)


def html_of(announcement: Announcement, settings: Settings = SETTINGS) -> BeautifulSoup:
    return BeautifulSoup(render_email(announcement, settings).html, "html.parser")


@pytest.mark.parametrize("field", ["title", "when", "where", "summary", "registration_until", "registration"])
def test_markup_in_every_field_of_the_announcement_shows_as_text(field: str) -> None:
    changes = {field: MARKUP} if field != "registration" else {field: MARKUP, "registration_url": ""}
    mail = html_of(replace(SAFE, **changes))
    assert mail.find(class_="planted") is None and mail.find("img", src="x") is None
    assert MARKUP in mail.get_text()


@pytest.mark.parametrize("field", ["from_name", "organisation"])
def test_markup_in_the_settings_shows_as_text(field: str) -> None:
    variants = {
        "from_name": replace(SETTINGS, from_name=MARKUP),
        "organisation": replace(SETTINGS, organisation=MARKUP),
    }
    mail = html_of(SAFE, variants[field])
    assert mail.find(class_="planted") is None and mail.find("img", src="x") is None
    assert MARKUP in mail.get_text()


@pytest.mark.parametrize("field", ["registration_url", "url"])
def test_a_script_address_never_becomes_a_link(field: str) -> None:
    mail = html_of(replace(SAFE, **{field: 'javascript:alert(1)//"><script>x()</script>'}))
    assert mail.find("script") is None
    hrefs = [a["href"] for a in mail.find_all("a")]
    assert hrefs and not any("javascript" in href for href in hrefs)


BREAK = "Avaseminar\r\nBcc: evil@example.com\u2028X-Extra: 1"


def headers(message: EmailMessage) -> list[str]:
    """The header lines of the message as sent, unfolded."""
    head = bytes(message).split(b"\n\n", 1)[0].decode()
    return [line for line in head.replace("\n ", " ").splitlines()]


@pytest.mark.parametrize(
    "settings, announcement",
    [
        (SETTINGS, replace(SAFE, title=BREAK)),
        (replace(SETTINGS, from_name=BREAK), SAFE),
        (replace(SETTINGS, reply_to="lota@vorumaa.ee\nBcc: evil@example.com"), SAFE),
    ],
)
def test_no_text_with_a_line_break_adds_a_header(settings: Settings, announcement: Announcement) -> None:
    sent = message(render_email(announcement, settings), settings, "mari@example.ee\r\nCc: evil@example.com")
    names = [line.split(":", 1)[0] for line in headers(sent)]
    assert sorted(names) == sorted(
        [
            "From",
            "To",
            "Reply-To",
            "Subject",
            "Date",
            "Message-ID",
            "List-Unsubscribe",
            "Content-Type",
            "MIME-Version",
            "Content-Language",
        ]
    )
    assert sent["Bcc"] is None and sent["Cc"] is None and sent["X-Extra"] is None


def test_a_line_break_in_the_sender_name_adds_no_line_to_the_preview(project: Project) -> None:
    config = project.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      from_name: LÕIM\n", '      from_name: "LÕIM\\nBcc: evil@example.com"\n', 1
        ),
        encoding="utf-8",
    )
    assert preview(project, "event:avaseminar-2022").returncode == 0
    plain = (project.root / "preview" / "event-avaseminar-2022.et.txt").read_text(encoding="utf-8")
    head, _ = plain.split("\n\n", 1)
    assert head == "Subject: LÕIM Bcc: evil@example.com: LÕIM projekti avaseminar"


def test_an_event_without_english_is_marked_in_estonian_in_the_english_e_mail(project: Project) -> None:
    project.replace_events(
        "- id: ainult-eesti\n  title: {et: Ainult eesti keeles}\n  start: 2023-07-01\n"
        "  location: Võru\n  summary: {et: Tulge kõik.}\n"
    )
    assert preview(project, "event:ainult-eesti", "2023-06-01").returncode == 0
    english, estonian = email(project, "event-ainult-eesti.en.html"), email(project, "event-ainult-eesti.et.html")
    assert mail_note(english) == ["(in Estonian)"] and found(english.h1)["lang"] == "et"
    assert found(english.h1).get_text() == "Ainult eesti keeles"
    assert mail_note(estonian) == [] and not found(estonian.h1).has_attr("lang")
    plain = (project.root / "preview" / "event-ainult-eesti.en.txt").read_text(encoding="utf-8")
    assert plain.split("\n\n", 1)[1].startswith("(in Estonian)\nAinult eesti keeles\n")


def mail_note(mail: BeautifulSoup) -> list[str]:
    return [p.get_text() for p in mail.find_all("p") if p.get_text().startswith("(")]
