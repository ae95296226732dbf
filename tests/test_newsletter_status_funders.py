"""An announcement tells a cancelled or postponed event's status (subject, heading, text; HTML and plain text;
both languages), and every announcement carries the funders: statement, logo, and a link to eeagrants.org."""

from __future__ import annotations

import email
import email.policy

import pytest
from bs4 import BeautifulSoup
from conftest import Project
from pages import attr, found
from test_newsletter import newsletter, sent_files
from test_newsletter_preview import preview

ITEM = "event:ringsoit-2022"
FUNDERS = {
    "et": "rahastatakse\nEuroopa Majanduspiirkonna ja Norra finantsmehhanismi",
    "en": "benefits from a €376,602 grant",
}


def with_status(project: Project, lines: str) -> None:
    """The study tour with these lines (status, previous_start) added."""
    path = project.root / "data" / "events.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("- id: ringsoit-2022\n", f"- id: ringsoit-2022\n{lines}"), encoding="utf-8")


def previewed(project: Project, lang: str) -> tuple[BeautifulSoup, str]:
    result = preview(project, ITEM)
    assert result.returncode == 0, result.stdout
    folder = project.root / "preview"
    html = BeautifulSoup((folder / f"event-ringsoit-2022.{lang}.html").read_text(encoding="utf-8"), "html.parser")
    return html, (folder / f"event-ringsoit-2022.{lang}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "lang, word, notice",
    [
        ("et", "Jääb ära", "See sündmus jääb ära."),
        ("en", "Cancelled", "This event is cancelled."),
    ],
)
def test_a_cancelled_event_says_so_in_the_heading_and_text(project: Project, lang: str, word: str, notice: str) -> None:
    with_status(project, "  status: cancelled\n")
    html, text = previewed(project, lang)
    heading = html.find("h1")
    assert heading is not None and f"({word})" in heading.get_text()
    assert html.title is not None and f"({word})" in html.title.get_text()
    note = html.find(role="note")
    assert note is not None and notice in note.get_text() and word in note.get_text()
    assert f"({word})" in text.splitlines()[0] and f"{word.upper()}: {notice}" in text


@pytest.mark.parametrize(
    "lang, words",
    [
        ("et", ["Edasi lükatud", "Algselt oli see kavas", "Uus aeg:"]),
        ("en", ["Postponed", "It was planned for", "New date:"]),
    ],
)
def test_a_postponed_event_tells_its_old_and_new_date(project: Project, lang: str, words: list[str]) -> None:
    with_status(project, "  status: postponed\n  previous_start: 2022-08-10 08:00\n")
    html, text = previewed(project, lang)
    note = html.find(role="note")
    assert note is not None and all(w in note.get_text() for w in words)
    assert all(w in text for w in words)
    assert "10" in note.get_text()


def test_a_scheduled_event_has_no_status_note(project: Project) -> None:
    html, text = previewed(project, "en")
    assert html.find(role="note") is None and "Cancelled" not in text and "Postponed" not in text


def test_the_subject_of_a_cancelled_event_says_so(project: Project) -> None:
    with_status(project, "  status: cancelled\n")
    project.write(
        "s.csv",
        "email,language,consent_at\nmari@example.ee,et,2024-01-05T10:00\njohn@example.com,en,2024-01-05T10:00\n",
    )
    assert newsletter(project, "sync", str(project.root / "s.csv")).returncode == 0
    assert newsletter(project, "announce", ITEM, "--send").returncode == 0
    subjects = sorted(
        str(email.message_from_bytes(p.read_bytes(), policy=email.policy.default)["Subject"])
        for p in sent_files(project)
    )
    assert len(subjects) == 2
    assert {s.rsplit(" (", 1)[1] for s in subjects} == {"Cancelled)", "Jääb ära)"}


@pytest.mark.parametrize("item", [ITEM, "news:"])
@pytest.mark.parametrize("lang", ["et", "en"])
def test_every_announcement_carries_the_funders(project: Project, item: str, lang: str) -> None:
    news = sorted(p.stem for p in (project.root / "docs" / "et" / "news").glob("2*.md"))
    item = item if item.startswith("event:") else f"news:{news[0]}"
    result = preview(project, item)
    assert result.returncode == 0, result.stdout
    stem = item.replace(":", "-")
    html = BeautifulSoup((project.root / "preview" / f"{stem}.{lang}.html").read_text(encoding="utf-8"), "html.parser")
    text = (project.root / "preview" / f"{stem}.{lang}.txt").read_text(encoding="utf-8")
    statement = " ".join(FUNDERS[lang].split())
    assert statement in " ".join(html.get_text().split()) and statement in " ".join(text.split())
    links = [a for a in html.find_all("a") if a.get("href") == "https://eeagrants.org/"]
    assert links and any(a.find("img") for a in links)
    logo = found(next(a.find("img") for a in links if a.find("img")))
    assert attr(logo, "src").startswith("https://") and attr(logo, "src").endswith("assets/eea-norway-grants.svg")
    assert ("EEA and Norway Grants" if lang == "en" else "EMP ja Norra toetused") in attr(logo, "alt")
    assert "https://eeagrants.org/" in text


def test_the_funders_statement_is_text_not_markup(project: Project) -> None:
    path = project.root / "mkdocs.yml"
    config = path.read_text(encoding="utf-8")
    path.write_text(
        config.replace("    funders:\n      et: >-\n", "    funders:\n      et: >-\n        <script>x()</script>\n"),
        encoding="utf-8",
    )
    html, _ = previewed(project, "et")
    assert html.find("script") is None and "<script>x()</script>" in html.get_text()
