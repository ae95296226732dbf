"""Settings that would become markup, requests or e-mail headers are refused with the file, the line and the
field, by `check`, by the build and by the newsletter alike; none ends in a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from inprocess import mkdocs, projectsite
from pages import attr, found

from projectsite.cli import main

ENV = {**os.environ, "PROJECTSITE_TODAY": "2030-01-01", "NO_MKDOCS_2_WARNING": "1"}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    assert main(["new", str(folder), "--name", "Nimi", "--lang", "en"]) == 0
    return folder


def edit(site: Path, old: str, new: str) -> int:
    """Replaces `old` in mkdocs.yml; the 1-based line of the change."""
    path = site / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def check(site: Path) -> tuple[int, str]:
    result = projectsite(["check", "--root", str(site), "--lang", "en"])
    assert "Traceback" not in result.stdout + result.stderr
    return result.returncode, result.stdout


def newsletter(site: Path) -> tuple[int, str]:
    result = projectsite(["newsletter", "status", "--root", str(site), "--lang", "en", "--backend", "outbox"])
    assert "Traceback" not in result.stdout + result.stderr
    return result.returncode, result.stdout


NAMES = ['x" onmouseover="alert(1)', "</title><script>alert(1)</script>", "Näidis <b>Kagu</b> & co"]


@pytest.mark.parametrize("name", NAMES)
def test_a_site_name_with_markup_stays_text_on_every_page(site: Path, name: str) -> None:
    edit(site, 'site_name: "Nimi"', f"site_name: '{name}'")
    built = mkdocs(["build", "--strict"], cwd=site, env=ENV)
    assert built.returncode == 0, built.stderr
    pages = sorted((site / "site").rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert html.select("[onmouseover]") == [], page
        bold = html.find("b")
        assert bold is None or "Kagu" not in bold.get_text(), page
        assert [s for s in html.find_all("script") if "alert(1)" in s.get_text()] == [], page
    home = BeautifulSoup((site / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.title is not None and name in home.title.get_text()
    assert attr(found(home.find("a", class_="md-header__button")), "aria-label") == name


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        (
            '      form_url: ""',
            '      form_url: "javascript:alert(1)"',
            "newsletter.form_url",
            "only https:// and http://",
        ),
        (
            '      form_url: ""',
            '      form_url: "mailto:x@example.org"',
            "newsletter.form_url",
            "only https:// and http://",
        ),
        (
            "    funder_logo_alt:",
            "    funder_logo: https://tracker.example.com/logo.svg\n    funder_logo_alt:",
            "funder_logo",
            "is not a file of the site",
        ),
        ("    funder_logo_alt:", "    funder_logo: ../../secret.svg\n    funder_logo_alt:", "funder_logo", "'..'"),
        (
            "    funder_logo_alt:",
            "    funder_logo: //cdn.example.com/x.svg\n    funder_logo_alt:",
            "funder_logo",
            "not a file",
        ),
        ('      reply_to: ""', '      reply_to: "Mari <mari@example.org>"', "newsletter.reply_to", "not one e-mail"),
        (
            '      reply_to: ""',
            '      reply_to: "a@example.org, b@example.org"',
            "newsletter.reply_to",
            "not one e-mail",
        ),
        (
            '      reply_to: ""',
            '      reply_to: "a@example.org\\nBcc: b@example.org"',
            "newsletter.reply_to",
            "not one",
        ),
        ('      reply_to: ""', '      reply_to: "not-an-address"', "newsletter.reply_to", "not one e-mail"),
        ("{amount: 100000, rate: 100}", "{amount: 100000, currency: XYZ}", "project.funding.currency", "ISO 4217"),
        ("{amount: 100000, rate: 100}", "{amount: 1e308}", "project.funding.amount", "or less"),
        ("{amount: 100000, rate: 100}", "{amount: .inf}", "project.funding.amount", ""),
        (
            "    funder_logo_alt:",
            "    time_zone: Europe/Atlantis\n    funder_logo_alt:",
            "time_zone",
            "not a time zone",
        ),
        ("    funder_logo_alt:", "    csv_encoding: klingon\n    funder_logo_alt:", "csv_encoding", "encoding"),
    ],
)
def test_a_hostile_setting_is_a_message_with_its_line_and_field(
    site: Path, old: str, new: str, field: str, words: str
) -> None:
    line = edit(site, old, new)
    line += new.split("\n").index(next(part for part in new.split("\n") if field.split(".")[-1] in part))
    code, out = check(site)
    assert code == 1 and f"mkdocs.yml:{line}: extra.projectsite.{field}: " in out and words in out, out
    code, out = newsletter(site)
    assert code == 2 and f"mkdocs.yml:{line} extra.projectsite.{field}:" in out, out
    built = mkdocs(["build"], cwd=site, env=ENV)
    assert built.returncode == 1 and f"extra.projectsite.{field}:" in built.stderr
    assert "Traceback" not in built.stderr


def test_a_huge_amount_is_refused_before_the_build_formats_it(site: Path) -> None:
    edit(site, "{amount: 100000, rate: 100}", "{amount: 1e308, rate: 100}")
    built = mkdocs(["build"], cwd=site, env=ENV)
    assert built.returncode == 1 and "must be 1E+15 or less" in built.stderr and "Traceback" not in built.stderr


@pytest.mark.parametrize("depth", [100, 3000])
def test_a_deeply_nested_configuration_is_a_message(site: Path, depth: int) -> None:
    edit(site, "  projectsite:\n", "  projectsite:\n    deep: " + "[" * depth + "]" * depth + "\n")
    code, out = check(site)
    assert code == 1 and "nested" in out, out
    code, out = newsletter(site)
    assert code == 2 and "nested" in out, out


def test_a_deeply_nested_engine_setting_stops_the_build_with_a_message(site: Path) -> None:
    edit(site, "  projectsite:\n", "  projectsite:\n    deep: " + "[" * 100 + "]" * 100 + "\n")
    built = mkdocs(["build"], cwd=site, env=ENV)
    assert built.returncode == 1 and "nested more than 32 levels" in built.stderr and "Traceback" not in built.stderr
