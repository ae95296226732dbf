"""Progress of `announce --send`: a bar on a terminal, plain lines in a log, nothing with --quiet; the report
on standard output unchanged."""

from __future__ import annotations

import os

import pytest
from conftest import BIN, Project, copy_project
from terminal import run_in_terminal
from test_newsletter import newsletter

ITEM = "event:ringsoit-2022"


def subscribe(project: Project, n: int) -> None:
    """n subscribers, all in Estonian, who gave their consent."""
    rows = "".join(f"p{i:05d}@example.ee,et,2024-01-05T10:00\n" for i in range(n))
    project.write("many.csv", "email,language,consent_at\n" + rows)
    assert newsletter(project, "sync", str(project.root / "many.csv"), "--quiet").returncode == 0


def on_a_terminal(project: Project, *args: str) -> tuple[int, str]:
    """The command with a terminal as its output; its exit code and everything it showed."""
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm", "PROJECTSITE_TODAY": "2022-06-01"}
    for name in ("MAILCHIMP_API_KEY", "MAILCHIMP_LIST_ID", "SMTP_HOST"):
        env.pop(name, None)
    return run_in_terminal(
        [str(BIN / "projectsite"), "newsletter", *args, "--root", str(project.root), "--lang", "et"], env, 120
    )


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A project with 1,000 subscribers (a sending that long gets plain progress lines in a log)."""
    project = copy_project(tmp_path_factory.mktemp("big") / "project")
    subscribe(project, 1000)
    return project


def test_a_log_gets_a_plain_line_each_tenth_of_the_sending(big: Project) -> None:
    result = newsletter(big, "announce", ITEM, "--send", "--resend")
    lines = result.stderr.splitlines()
    assert result.returncode == 0, result.stdout
    assert lines[0] == "sending (et): 100/1000 (10 %)" and lines[-1] == "sending (et): 1000/1000 (100 %)"
    assert len(lines) == 10
    assert "1000" in result.stdout


def test_quiet_silences_the_progress_of_a_sending(big: Project) -> None:
    result = newsletter(big, "announce", ITEM, "--send", "--resend", "--quiet")
    assert result.returncode == 0 and result.stderr == "" and "1000" in result.stdout


def test_a_short_sending_prints_no_progress_lines(project: Project) -> None:
    subscribe(project, 3)
    result = newsletter(project, "announce", ITEM, "--send")
    assert result.returncode == 0 and result.stderr == "" and "3" in result.stdout


def test_a_sending_on_a_terminal_gets_a_bar(project: Project) -> None:
    subscribe(project, 20)
    code, shown = on_a_terminal(project, "announce", ITEM, "--send")
    assert code == 0 and "saadan (et)" in shown and "20/20" in shown and "━" in shown
    assert "(10 %)" not in shown  # the bar, not the log lines


def test_a_quiet_sending_on_a_terminal_shows_no_bar(project: Project) -> None:
    subscribe(project, 20)
    code, shown = on_a_terminal(project, "announce", ITEM, "--send", "--quiet")
    assert code == 0 and "saadan" not in shown and "━" not in shown
