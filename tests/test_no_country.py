"""No country in the engine: a Norwegian-first site (nb, en) gets Oslo's time, kroner and Norwegian words from
its languages alone, and no Estonian word, Tallinn time or euro anywhere in what it publishes or sends."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from icalendar import Calendar
from inprocess import mkdocs, projectsite
from pages import soup, string

from projectsite.cli import main
from projectsite.labels import LABELS

ENV = {**os.environ, "PROJECTSITE_TODAY": "2027-01-10", "NO_MKDOCS_2_WARNING": "1"}
NORWEGIAN_ONLY = """- id: bare-norsk
  title: {nb: Bare på norsk}
  start: 2027-03-10 09:30
  registration:
    url: https://forms.example.net/pamelding
"""


def estonian_words() -> set[str]:
    """The Estonian catalogue's words that no Norwegian or English page would use."""
    others = " ".join([*LABELS["nb"].values(), *LABELS["en"].values()]).lower()
    ours = {w for text in LABELS["et"].values() for w in re.findall(r"\w{5,}", text.lower())}
    return ours - set(re.findall(r"\w{5,}", others))


@pytest.fixture(scope="module")
def norsk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("norsk") / "norsk"
    assert main(["new", str(folder), "--languages", "nb,en", "--name", "Norsk", "--lang", "en"]) == 0
    with (folder / "data" / "events.yaml").open("a", encoding="utf-8") as events:
        events.write(NORWEGIAN_ONLY)
    config = folder / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('reply_to: ""', "reply_to: nyheter@example.net"), encoding="utf-8"
    )
    built = mkdocs(["build", "--strict"], cwd=folder, env=ENV)
    assert built.returncode == 0, built.stderr
    sent = projectsite(
        ["newsletter", "announce", "event:bare-norsk", "--root", str(folder), "--backend", "outbox"], env=ENV
    )
    assert sent.returncode == 0, sent.stdout + sent.stderr
    return folder


def outputs(folder: Path) -> dict[str, str]:
    """Every page, feed, calendar and search index the build wrote, and every e-mail in the outbox."""
    found = {
        str(path.relative_to(folder)): path.read_text(encoding="utf-8")
        for path in [*(folder / "site").rglob("*"), *(folder / "outbox" / "campaigns").rglob("*")]
        if path.is_file() and path.suffix in (".html", ".xml", ".ics", ".json", ".txt") and "assets" not in path.parts
    }
    assert any(name.endswith(".ics") for name in found) and any("campaigns" in name for name in found)
    return found


def test_no_estonian_word_tallinn_time_or_euro_is_in_any_output(norsk: Path) -> None:
    words = estonian_words()
    assert len(words) > 50
    found = {
        name: sorted(w for w in words if re.search(rf"\b{w}\b", text.lower()))
        + re.findall(r"Tallinn|Estonian|\bEUR\b|€", text)
        for name, text in outputs(norsk).items()
    }
    assert {name: hits for name, hits in found.items() if hits} == {}


def test_the_calendar_is_in_oslo_time(norsk: Path) -> None:
    calendar = Calendar.from_ical((norsk / "site" / "calendar.ics").read_bytes())
    event = next(e for e in calendar.walk("VEVENT") if "bare-norsk" in str(e["URL"]))
    assert event["DTSTART"].params["TZID"] == "Europe/Oslo"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]


def test_the_event_markup_prices_in_kroner_with_oslos_offset(norsk: Path) -> None:
    scripts = soup(norsk / "site", "events/bare-norsk/index.html").find_all("script", type="application/ld+json")
    event = next(d for d in (json.loads(string(s)) for s in scripts) if d.get("@type") == "Event")
    assert event["offers"]["priceCurrency"] == "NOK"
    assert event["startDate"] == "2027-03-10T09:30:00+01:00"


def test_the_grant_is_in_kroner_in_norwegian(norsk: Path) -> None:
    facts = [li.get_text(" ", strip=True) for li in soup(norsk / "site", "index.html").select(".ps-facts li")]
    assert any(f.startswith("Tilskudd:") and "kr" in f for f in facts), facts


def test_a_norwegian_text_on_the_english_page_is_named_norwegian(norsk: Path) -> None:
    page = soup(norsk / "site", "en/events/bare-norsk/index.html")
    assert "(Norwegian Bokmål)" in page.get_text()
    mail = next((norsk / "outbox" / "campaigns").glob("event-bare-norsk-en-*")) / "message.txt"
    assert mail.read_text(encoding="utf-8").startswith("(Norwegian Bokmål)")
