"""Progress of a long sync: a bar on a terminal, plain lines in a log, nothing with --quiet; the report unchanged."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import BIN
from newsletter_cli import make_root, newsletter
from terminal import run_in_terminal


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_root(tmp_path)


def many(root: Path, n: int = 5000) -> str:
    rows = "".join(f"p{i}@example.ee\n" for i in range(n))
    (root / "many.csv").write_text("email\n" + rows, encoding="utf-8")
    return str(root / "many.csv")


def test_a_log_gets_a_plain_line_each_tenth_of_the_way(root: Path) -> None:
    result = newsletter(root, "sync", many(root, 10_000))
    lines = result.stderr.splitlines()
    assert lines[0] == "saving: 1000/10000 (10 %)" and lines[-1] == "saving: 10000/10000 (100 %)" and len(lines) == 10
    assert result.stdout.startswith("10000 added")


def test_quiet_silences_the_progress(root: Path) -> None:
    result = newsletter(root, "sync", many(root), "--quiet")
    assert result.returncode == 0 and result.stderr == ""


def test_a_short_run_prints_no_progress_lines(root: Path) -> None:
    result = newsletter(root, "sync", many(root, 10))
    assert result.returncode == 0 and result.stderr == ""


def test_a_terminal_gets_a_bar(root: Path) -> None:
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm"}
    code, text = run_in_terminal(
        [str(BIN / "projectsite"), "newsletter", "sync", many(root), "--root", str(root), "--lang", "et"], env, 60
    )
    assert code == 0 and "salvestan" in text and "5000/5000" in text and "━" in text
    assert "(10 %)" not in text  # the bar, not the log lines
