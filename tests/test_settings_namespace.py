"""The engine's settings come from the configuration MkDocs loaded (any `-f` file, `!ENV`, `INHERIT`), in a
namespace of their own (`extra.projectsite`): Material's own `extra` keys pass untouched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from inprocess import mkdocs, projectsite
from pages import soup

from projectsite.cli import main

ENV = {**os.environ, "PROJECTSITE_TODAY": "2030-01-01", "NO_MKDOCS_2_WARNING": "1"}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    assert main(["new", str(folder), "--name", "Nimi", "--lang", "en"]) == 0
    return folder


def edit(site: Path, old: str, new: str, name: str = "mkdocs.yml") -> None:
    path = site / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build(site: Path, *args: str) -> Path:
    built = mkdocs(["build", "--strict", *args], cwd=site, env=ENV)
    assert built.returncode == 0, built.stderr
    return site / "site"


def facts(out: Path) -> list[str]:
    return [
        li.get_text(" ", strip=True).replace("\xa0", " ") for li in soup(out, "en/index.html").select(".ps-facts li")
    ]


def test_a_renamed_configuration_builds_with_its_facts_and_period(site: Path) -> None:
    (site / "mkdocs.yml").rename(site / "site.yml")
    out = build(site, "-f", "site.yml")
    listed = facts(out)
    assert any(item.startswith("Funding: €100,000") for item in listed), listed
    assert any(item.startswith("Period:") for item in listed), listed


def test_check_reads_the_renamed_configuration_with_f(site: Path) -> None:
    edit(site, "    organizer:\n", "    organiser:\n")
    (site / "mkdocs.yml").rename(site / "site.yml")
    result = projectsite(["check", "--root", str(site), "-f", "site.yml", "--lang", "en"])
    assert result.returncode == 1
    assert "site.yml:" in result.stdout and "extra.projectsite.organiser: unknown field" in result.stdout


def test_the_newsletter_reads_the_renamed_configuration_with_config_file(site: Path) -> None:
    edit(site, "      from_name: ", "      from_name: Uus saatja\n      was_name: ")
    edit(site, "      was_name: ", "      # ")
    edit(site, '      reply_to: ""', "      reply_to: uudised@example.org")
    (site / "mkdocs.yml").rename(site / "site.yml")
    args = ["newsletter", "preview", "event:example-seminar", "--root", str(site), "--config-file", "site.yml"]
    result = projectsite([*args, "--lang", "en"], env=ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    mail = (site / "outbox" / "preview" / "event-example-seminar.en.txt").read_text(encoding="utf-8")
    assert mail.startswith("Subject: Uus saatja: ")


def test_without_f_a_renamed_configuration_is_not_silently_empty(site: Path) -> None:
    (site / "mkdocs.yml").rename(site / "site.yml")
    result = projectsite(["newsletter", "status", "--root", str(site), "--lang", "en"])
    assert result.returncode == 2 and "mkdocs.yml" in result.stdout and "can't be read" in result.stdout


MATERIAL_EXTRA = """extra:
  social:
    - icon: fontawesome/brands/mastodon
      link: https://mastodon.example.org/@nimi
  analytics:
    provider: google
    property: G-XXXXXXXXXX
  consent:
    title: Cookie consent
    description: Nothing is tracked.
  alternate:
    - name: Eesti
      link: /
      lang: et
    - name: English
      link: /en/
      lang: en
"""


def test_materials_own_extra_keys_are_no_mistake_of_the_engines(site: Path) -> None:
    edit(site, "extra:\n", MATERIAL_EXTRA)
    result = projectsite(["check", "--root", str(site), "--lang", "en"])
    assert result.returncode == 0, result.stdout


def test_materials_own_extra_keys_reach_the_theme(site: Path) -> None:
    edit(
        site, "extra:\n", MATERIAL_EXTRA.replace("  analytics:\n    provider: google\n    property: G-XXXXXXXXXX\n", "")
    )
    out = build(site)
    assert soup(out, "index.html").find("a", href="https://mastodon.example.org/@nimi") is not None


def test_the_old_layout_is_one_message_saying_what_to_move_where(site: Path) -> None:
    text = (site / "mkdocs.yml").read_text(encoding="utf-8")
    head, block = text.split("  projectsite:\n", 1)
    old = "\n".join(line[2:] if line.startswith("  ") else line for line in block.split("\n"))
    (site / "mkdocs.yml").write_text(head + old, encoding="utf-8")
    line = next(i for i, t in enumerate((site / "mkdocs.yml").read_text().splitlines(), 1) if t == "  project:")
    result = projectsite(["check", "--root", str(site), "--lang", "en"])
    assert result.returncode == 1
    problems = [p for p in result.stdout.splitlines() if p.startswith("mkdocs.yml:")]
    assert len(problems) == 1, result.stdout
    assert problems[0].startswith(f"mkdocs.yml:{line}: extra: the engine's settings (extra.project, ")
    assert "into extra.projectsite:" in problems[0]


def test_a_misspelt_namespace_is_named_with_the_right_one(site: Path) -> None:
    edit(site, "  projectsite:\n", "  projectsit:\n")
    line = next(i for i, t in enumerate((site / "mkdocs.yml").read_text().splitlines(), 1) if "projectsit:" in t)
    result = projectsite(["check", "--root", str(site), "--lang", "en"])
    assert result.returncode == 1
    assert (
        f"mkdocs.yml:{line}: extra.projectsit: unknown field 'projectsit': did you mean 'projectsite'?" in result.stdout
    )


def test_a_setting_from_the_environment_is_read_as_mkdocs_reads_it(site: Path) -> None:
    edit(site, "      from_name: ", "      from_name: !ENV [SENDER, Vaikimisi]\n      # ")
    result = projectsite(
        ["newsletter", "preview", "event:example-seminar", "--root", str(site), "--lang", "en"],
        env={**ENV, "SENDER": "Keskkonnast"},
    )
    assert result.returncode == 0, result.stdout
    mail = (site / "outbox" / "preview" / "event-example-seminar.en.txt").read_text(encoding="utf-8")
    assert mail.startswith("Subject: Keskkonnast: ")


def test_settings_inherited_from_a_parent_configuration_are_the_sites(site: Path) -> None:
    text = (site / "mkdocs.yml").read_text(encoding="utf-8")
    (site / "base.yml").write_text(text, encoding="utf-8")
    (site / "mkdocs.yml").write_text("INHERIT: base.yml\nsite_name: Päritud\n", encoding="utf-8")
    listed = facts(build(site))
    assert any(item.startswith("Funding: €100,000") for item in listed), listed


def test_the_date_note_is_a_setting_shown_under_each_pages_dates(site: Path) -> None:
    edit(site, "    funder_logo_alt:", "    date_note: {et: Märkus <b>, en: As the law asks}\n    funder_logo_alt:")
    out = build(site)
    notes = [span.get_text() for span in soup(out, "en/project/index.html").select(".ps-dates .ps-date-note")]
    assert notes == ["As the law asks"]
    assert [s.get_text() for s in soup(out, "project/index.html").select(".ps-date-note")] == ["Märkus <b>"]
