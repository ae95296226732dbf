"""data/newsletter-log.yaml is read through the site's bounded YAML loader: a "billion laughs", deep nesting or
an alias is a message with the file (and line), never a hang or a traceback; values are read as written."""

from __future__ import annotations

import pytest
from conftest import Project
from test_newsletter import newsletter

from projectsite.newsletter.sendlog import SendLog

ENTRY = (
    "- item: event:ringsoit-2022\n  language: et\n  backend: outbox\n  campaign: c1\n  status: sent\n"
    "  at: '2022-06-01T10:00:00+00:00'\n"
)
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8)
)


@pytest.mark.parametrize(
    "log, words",
    [
        (LAUGHS, "not readable as YAML"),
        ("[" * 5000 + "]" * 5000 + "\n", "not readable as YAML"),
        (
            ENTRY.replace("campaign: c1", "campaign: &c c1") + ENTRY.replace("campaign: c1", "campaign: *c"),
            "YAML anchors and aliases",
        ),
    ],
)
def test_a_hostile_log_is_a_message_not_a_hang(project: Project, log: str, words: str) -> None:
    (project.root / "data" / "newsletter-log.yaml").write_text(log, encoding="utf-8")
    result = newsletter(project, "status")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.startswith("data/newsletter-log.yaml") and words in result.stdout.splitlines()[0]


def test_the_billion_laughs_message_names_the_limit(project: Project) -> None:
    (project.root / "data" / "newsletter-log.yaml").write_text(LAUGHS, encoding="utf-8")
    result = newsletter(project, "status")
    assert result.returncode == 1 and "would repeat more than 10000 values" in result.stdout


def test_numbers_in_the_log_are_read_as_written(project: Project) -> None:
    path = project.root / "data" / "newsletter-log.yaml"
    path.write_text(ENTRY + "  recipients: 030\n", encoding="utf-8")
    assert SendLog(path).entries[0].recipients == 30  # YAML 1.1 would read 24
