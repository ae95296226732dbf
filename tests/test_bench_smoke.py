"""`make bench` cannot rot (issue #21): its scripts run here at their smallest size, once, into a temporary
folder. These tests check that a run completes and writes its figures, never what a figure is."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

SCRIPTS = ROOT / "scripts"


def run_script(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_PROXY": "127.0.0.1,localhost"}
    return subprocess.run(
        [sys.executable, str(SCRIPTS / name), *args], capture_output=True, text=True, env=env, timeout=900
    )


def test_the_build_benchmark_writes_its_table_of_all_four_builds_and_the_preview(tmp_path: Path) -> None:
    result = run_script("bench.py", "--smoke", "--out", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    table = (tmp_path / "bench.md").read_text(encoding="utf-8")
    header = next(line for line in table.splitlines() if line.startswith("| size"))
    for column in ("our build", "plain MkDocs", "Hugo", "Zensical", "ours ÷ plain", "ours ÷ Zensical"):
        assert column in header, column
    [row] = [line for line in table.splitlines() if line.startswith("| ×")]
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[0] == "×1" and len(cells) == len(header.strip("|").split("|"))
    assert all(re.fullmatch(r"[\d.]+( s| MB)?( / [\d.]+ s)?", cell) for cell in cells[1:]), cells
    assert re.search(r"after saving a page and [\d.]+ s after saving `data/events.yaml`", table), table
    assert table in result.stdout


def test_the_newsletter_benchmark_reports_both_syncs_of_both_backends() -> None:
    result = run_script("bench_newsletter.py", "--smoke")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "sync of 100 subscribers into an empty local audience",
        "sync of 100 subscribers again, nothing changed",
        "Mailchimp sync of 50, first sync (empty audience)",
        "Mailchimp sync of 50, second sync (nothing changed)",
    ]


@pytest.mark.browser
def test_the_lighthouse_benchmark_writes_its_figure(tmp_path: Path) -> None:
    result = run_script("bench_lighthouse.py", "--smoke", "--out", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    figure = (tmp_path / "lighthouse.md").read_text(encoding="utf-8")
    assert re.fullmatch(r"Lighthouse performance \(mobile, .*\): median \d+, lowest \d+ \(/\)\.\n", figure), figure
