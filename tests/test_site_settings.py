"""The engine's settings (`extra.projectsite` in mkdocs.yml) are typed: a mistake there is a message with its line and field, as in the data."""

from __future__ import annotations

from pathlib import Path

import pytest

from projectsite.cli import main


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    assert main(["new", str(folder), "--lang", "en"]) == 0
    return folder


def edit(site: Path, old: str, new: str) -> None:
    path = site / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(site: Path, words: str) -> int:
    lines = (site / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if words in line)


def check(site: Path, capsys: pytest.CaptureFixture[str], lang: str = "en") -> tuple[int, str]:
    capsys.readouterr()
    code = main(["check", "--root", str(site), "--lang", lang])
    return code, capsys.readouterr().out


def test_a_misspelt_setting_is_named_with_its_line_and_the_nearest_key(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(site, "    organizer:\n", "    organiser:\n")
    code, out = check(site, capsys)
    assert code == 1
    assert (
        f"mkdocs.yml:{line_of(site, 'organiser:')}: extra.projectsite.organiser: unknown field 'organiser': did you mean 'organizer'?"
        in out
    )


def test_a_wrong_date_in_the_period_is_a_message_in_estonian_too(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(site, "      period: {start: ", "      period: {start: 31.12.2022, was: ")
    code, out = check(site, capsys, "et")
    assert code == 1
    assert f"mkdocs.yml:{line_of(site, 'period:')}: extra.projectsite.project.period.start:" in out
    assert "päev.kuu.aasta" in out


def test_mkdocs_own_tags_elsewhere_in_the_file_are_no_mistake(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(site, 'site_url: "https://example.org/"', 'site_url: !ENV [SITE_URL, "https://example.org/"]')
    code, out = check(site, capsys)
    assert code == 0, out


def test_a_funders_statement_in_a_language_the_site_does_not_have_is_named(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(site, "    funders: {", '    funders: {"fi": "x", ')
    code, out = check(site, capsys)
    assert code == 1 and "extra.projectsite.funders.fi: 'fi' is not one of the site's languages (et, en)" in out


def test_the_e_mails_take_the_site_address_from_the_environment_as_mkdocs_does(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(site, 'site_url: "https://example.org/"', 'site_url: !ENV [SITE_URL, "https://example.org/"]')
    monkeypatch.setenv("SITE_URL", "https://env.example.ee/")
    assert main(["newsletter", "preview", "event:example-seminar", "--root", str(site), "--lang", "en"]) == 0
    mail = (site / "outbox" / "preview" / "event-example-seminar.en.txt").read_text(encoding="utf-8")
    assert "https://env.example.ee/en/events/example-seminar/" in mail
