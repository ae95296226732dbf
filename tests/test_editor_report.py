"""What `projectsite check` tells the editor: missing English, in Estonian or English, and on GitHub."""

from __future__ import annotations

import json
import os

import jsonschema
import pytest
from conftest import FIXTURE, ROOT, Project
from inprocess import projectsite

from projectsite.models import DATA_FILES
from projectsite.schema import data_schema
from projectsite.yamlfile import parse

HALF_TRANSLATED = """
- id: both
  title: {et: Mõlemas, en: Both}
  start: 2023-07-01
- id: estonian-only
  title:
    et: Ainult eesti keeles
  summary:
    et: Kokkuvõte
  start: 2023-07-02
- id: name-only
  title: Kubija
  start: 2023-07-03
"""


@pytest.fixture
def half_translated(project: Project) -> Project:
    project.replace_events(HALF_TRANSLATED)
    project.write("data/team.yaml", "- name: A\n  role: {et: koordinaator}\n")
    project.write("docs/et/only-estonian.md", "# Ainult eesti keeles\n")
    project.write("docs/en/only-english.md", "# Only in English\n")
    return project


def test_the_report_finds_every_text_and_page_without_english(half_translated: Project) -> None:
    result = half_translated.check("--lang", "en")
    lines = result.stdout.splitlines()
    missing = [
        line for line in lines if "without a translation" in line or "no English" in line or "no Estonian" in line
    ]
    assert missing == [
        "data/events.yaml:5: events[1].title: warning: has no English text (en:); the English site shows the Estonian",
        "data/events.yaml:7: events[1].summary: warning: has no English text (en:); the English site shows the Estonian",
        "data/team.yaml:2: team[0].role: warning: has no English text (en:); the English site shows the Estonian",
        "docs/et/only-estonian.md:1: warning: this page has no English version (docs/en/only-estonian.md)",
        "docs/en/only-english.md:1: warning: this page has no Estonian version (docs/et/only-english.md)",
        "1 event, 1 team member, 2 pages without a translation.",
    ]
    assert result.returncode == 0


def test_strict_check_fails_on_missing_english(half_translated: Project) -> None:
    assert half_translated.check("--strict").returncode == 1


def test_missing_english_does_not_fail_the_strict_build(half_translated: Project) -> None:
    half_translated.write("docs/en/only-english.md", "# Only in English\n")
    result = half_translated.build(today="2023-06-01", strict=True)
    assert result.returncode == 0, result.stderr


def test_messages_in_estonian_on_request(project: Project) -> None:
    project.replace_events("- id: a\n  title: A\n  start: 14.06.2022\n")
    lines = project.check("--lang", "et").stdout.splitlines()
    assert lines[0] == (
        "data/events.yaml:3: events[0].start: '14.06.2022' on kirjutatud kujul päev.kuu.aasta; "
        "kirjuta kuupäevad kujul AAAA-KK-PP või AAAA-KK-PP TT:MM, siin 2022-06-14"
    )
    assert lines[1] == "1 viga, 0 hoiatust."


def test_messages_in_estonian_when_the_system_speaks_estonian(project: Project) -> None:
    project.replace_events("- id: a\n  title: A\n  start: 2022-06-14\n  locaton: Võru\n")
    env = {**os.environ, "LANG": "et_EE.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    result = projectsite(["check", "--root", str(project.root)], env=env)
    assert "tundmatu väli 'locaton': kas mõtlesid 'location'?" in result.stdout
    assert result.returncode == 1


def test_github_format_annotates_the_line_of_the_file(project: Project) -> None:
    project.replace_events("- id: a\n  title: A\n  start: 2022-06-14\n  end: 2022-06-13\n")
    lines = project.check("--format", "github").stdout.splitlines()
    assert lines[0] == (
        "::error file=data/events.yaml,line=4,title=events[0].end::ends 2022-06-13, before its start 2022-06-14"
    )


def test_the_committed_schemas_match_the_models() -> None:
    for name in DATA_FILES:
        committed = json.loads((ROOT / "schemas" / f"{name}.json").read_text(encoding="utf-8"))
        assert committed == data_schema(name), f"run `make schema`: schemas/{name}.json is out of date"


def test_every_data_file_names_its_schema_and_passes_it() -> None:
    for name in DATA_FILES:
        text = (FIXTURE / "data" / f"{name}.yaml").read_text(encoding="utf-8")
        assert text.startswith(f"# yaml-language-server: $schema=../schemas/{name}.json\n")
        jsonschema.validate(parse(text).data, data_schema(name))


@pytest.mark.parametrize(
    "entry",
    [
        {"id": "a", "title": "A", "start": "2022-06-14", "locaton": "Võru"},
        {"id": "a", "title": "A", "start": "14.06.2022"},
        {"id": "A B", "title": "A", "start": "2022-06-14"},
        {"id": "a", "title": {"en": "A"}, "start": "2022-06-14"},
    ],
)
def test_the_schema_underlines_what_the_check_rejects(entry: dict[str, object]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([entry], data_schema("events"))


def test_an_unknown_data_file_is_named_in_estonian(project: Project) -> None:
    project.write("data/trainigs.yaml", "[]\n")
    lines = project.check("--lang", "et").stdout.splitlines()
    assert "data/trainigs.yaml: hoiatus: seda faili ei loe ükski saidi osa: kas mõtlesid data/trainings.yaml?" in lines
