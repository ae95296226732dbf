"""The project's facts are settings (extra.projectsite.project in mkdocs.yml): typed, checked, and listed where a page asks."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from inprocess import mkdocs, projectsite
from pages import soup

from projectsite.amounts import money, percent
from projectsite.cli import main

FACTS = """      funding: {amount: 100000, rate: 100}  # currency: the site's (the first language's country's), or write one
"""
ALL_FACTS = """      programme: {et: Programm, en: The programme}
      measure: {et: Meede, en: The measure}
      call: {et: Taotlusvoor, en: The call}
      funding: {amount: 281160.5, currency: NOK, rate: 85.5}
      partners: [Partner Üks, {et: Teine partner, en: The second partner}]
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    assert main(["new", str(folder), "--name", "Faktid", "--lang", "en"]) == 0
    return folder


def edit(site: Path, old: str, new: str) -> None:
    path = site / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build(site: Path) -> Path:
    env = {**os.environ, "PROJECTSITE_TODAY": "2030-01-01"}
    built = mkdocs(["build", "--strict"], cwd=site, env=env)
    assert built.returncode == 0, built.stderr
    return site / "site"


def facts(out: Path, rel: str) -> list[str]:
    items = [li.get_text(" ", strip=True).replace("\xa0", " ") for li in soup(out, rel).select(".ps-facts li")]
    assert items, rel
    return items


def test_the_home_page_lists_the_facts_from_the_settings_in_each_language(site: Path) -> None:
    edit(site, FACTS, ALL_FACTS)
    out = build(site)
    et, en = facts(out, "index.html"), facts(out, "en/index.html")
    assert "Programm: Programm" in et and "Meede: Meede" in et and "Taotlusvoor: Taotlusvoor" in et
    assert "Rahastus: 281 160,50 NOK (85,5% projekti eelarvest)" in et
    assert "Partnerid: Partner Üks, Teine partner" in et
    assert any(item.startswith("Funding: NOK 281,160.50 (85.5% of the project") for item in en), en
    assert "Partners: Partner Üks, The second partner" in en and "Application round: The call" in en


def test_a_fact_the_settings_do_not_give_is_left_out(site: Path) -> None:
    edit(site, FACTS, "")
    out = build(site)
    for items in (facts(out, "index.html"), facts(out, "en/index.html")):
        assert len(items) == 3  # the period, the beneficiary, the funders
        assert not any(item.startswith(("Rahastus", "Funding")) for item in items)


def test_without_project_settings_the_page_has_no_facts(site: Path) -> None:
    text = (site / "mkdocs.yml").read_text(encoding="utf-8")
    start = text.index("    project:\n")
    end = text.index("    organizer:\n")
    (site / "mkdocs.yml").write_text(text[:start] + text[end:], encoding="utf-8")
    out = build(site)
    assert soup(out, "index.html").select(".ps-facts") == []


def test_amounts_and_shares_are_written_as_each_language_writes_them() -> None:
    assert money(Decimal(376602), "EUR", "et") == "376\xa0602\xa0€"
    assert money(Decimal(376602), "EUR", "en") == "€376,602"
    assert money(Decimal("281160.5"), "EUR", "ru") == "281\xa0160,50\xa0€"
    assert percent(Decimal(100), "en") == "100%" and percent(Decimal(100), "ru") == "100\xa0%"


@pytest.mark.parametrize(
    ("new", "field", "words"),
    [
        (
            "{amount: 0, currency: EUR}",
            "extra.projectsite.project.funding.amount",
            "must be more than 0, found the number 0",
        ),
        (
            "{amount: 5, currency: euro}",
            "extra.projectsite.project.funding.currency",
            "three-letter code (EUR, NOK), found 'euro'",
        ),
        (
            "{amount: 5, rate: 120}",
            "extra.projectsite.project.funding.rate",
            "must be 100 or less, found the number 120",
        ),
        ("{amount: lots}", "extra.projectsite.project.funding.amount", "expected a number"),
    ],
)
def test_a_wrong_fact_is_a_message_with_its_line_and_field(site: Path, new: str, field: str, words: str) -> None:
    edit(site, "{amount: 100000, rate: 100}", new)
    result = projectsite(["check", "--root", str(site), "--lang", "en"])
    line = next(i for i, t in enumerate((site / "mkdocs.yml").read_text().splitlines(), 1) if "funding:" in t)
    assert result.returncode == 1
    assert f"mkdocs.yml:{line}: {field}: " in result.stdout and words in result.stdout, result.stdout


def test_the_newsletter_refuses_settings_with_a_mistake_naming_its_line(site: Path) -> None:
    edit(site, "    funder_logo_alt:", "    funder_logo_alt: {fi: Logo}\n    was_alt:")
    result = projectsite(["newsletter", "status", "--root", str(site), "--lang", "en"])
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "mkdocs.yml:" in result.stdout and "extra.projectsite.funder_logo_alt" in result.stdout, result.stdout


def test_a_site_without_an_organiser_builds_and_names_no_organiser(site: Path) -> None:
    text = (site / "mkdocs.yml").read_text(encoding="utf-8")
    start = text.index("    organizer:\n")
    end = text.index("    funders:")
    (site / "mkdocs.yml").write_text(text[:start] + text[end:], encoding="utf-8")
    out = build(site)
    page = (out / "events" / "index.html").read_text(encoding="utf-8")
    assert "Organization" not in page
