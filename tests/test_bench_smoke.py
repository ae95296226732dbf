"""`make bench` cannot rot (issue #21): its scripts run here at their smallest size, once, into a temporary
folder. These tests check that a run completes and writes its figures, never what a figure is; and that a build
that fails (a generator swapped for a failing command with --fake-failure, or one that runs past its time) is a
"failed" row's cell while the run goes on."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

SCRIPTS = ROOT / "scripts"
sys.path.insert(0, str(SCRIPTS))
import bench  # noqa: E402 (the script, for its run_once)

NUMBER = r"[\d.]+( s| MB)?( / [\d.]+ s)?"  # a measured cell: 1.23 s, 1.23 s / 1.20 s, 67 MB, 1.14
# The engine's fixture site, not the shipped one: the smoke runs pass whatever the site's content is.
FIXTURE_SITE = ROOT / "tests" / "fixture_sites" / "loim"
ENV = {
    **os.environ,
    "NO_MKDOCS_2_WARNING": "1",
    "NO_PROXY": "127.0.0.1,localhost",
    "PROJECTSITE_BENCH_SITE": str(FIXTURE_SITE),
}


def run_script(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPTS / name), *args], capture_output=True, text=True, env=ENV, timeout=900
    )


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip("|").split("|")]


def header_and_rows(table: str) -> tuple[list[str], list[list[str]]]:
    """The table's column names and its rows' cells."""
    lines = table.splitlines()
    header = next(line for line in lines if line.startswith("| size"))
    return cells(header), [cells(line) for line in lines if line.startswith("| ×")]


def test_the_build_benchmark_writes_its_table_of_all_four_builds_and_the_preview(tmp_path: Path) -> None:
    stderr = tmp_path / "stderr.txt"
    with stderr.open("w") as errors:
        process = subprocess.Popen(
            [sys.executable, str(SCRIPTS / "bench.py"), "--smoke", "--out", str(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            env=ENV,
        )
        assert process.stdout is not None
        output: list[str] = []
        try:
            for line in process.stdout:
                if line.startswith("| ×1 |") and not any(seen.startswith("| ×1 |") for seen in output):
                    # the row, printed as soon as it is measured, is already in the file (before the preview is
                    # measured and the table written): a run stopped now would keep it
                    partial = (tmp_path / "bench.md").read_text(encoding="utf-8")
                    assert partial.startswith(bench.PARTIAL), partial
                    assert partial.endswith(line), partial
                    assert not any(seen.startswith("Measured") for seen in output)  # before the final table
                output.append(line)
            status = process.wait(timeout=900)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    stdout = "".join(output)
    assert status == 0, stdout + stderr.read_text()
    table = (tmp_path / "bench.md").read_text(encoding="utf-8")
    assert bench.PARTIAL not in table
    header, rows = header_and_rows(table)
    for column in ("our build: wall / CPU", "plain MkDocs", "Hugo", "Zensical", "ours ÷ plain", "ours ÷ Zensical"):
        assert column in header, column
    [row] = rows
    assert row[0] == "×1" and len(row) == len(header)
    assert all(re.fullmatch(NUMBER, cell) for cell in row[1:]), row
    assert "Failed builds" not in table
    assert re.search(r"after saving a page and [\d.]+ s after saving `data/events.yaml`", table), table
    assert table in stdout


def test_a_failing_generator_is_a_failed_cell_and_the_others_are_measured(tmp_path: Path) -> None:
    result = run_script("bench.py", "--smoke", "--no-preview", "--fake-failure", "zensical", "--out", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    table = (tmp_path / "bench.md").read_text(encoding="utf-8")
    assert table in result.stdout
    header, [measured] = header_and_rows(table)
    row = dict(zip(header, measured, strict=True))
    assert row.pop("Zensical") == "failed (exit 1)", row
    assert row.pop("ours ÷ Zensical") == "failed", row
    assert row.pop("size") == "×1"
    assert all(re.fullmatch(NUMBER, cell) for cell in row.values()), row  # ours, plain MkDocs, Hugo and ratios
    assert "- ×1 Zensical: exit 1: fake failure (--fake-failure)" in table.splitlines(), table


def test_a_build_past_its_time_is_killed_with_its_children_and_failed(tmp_path: Path) -> None:
    child = tmp_path / "child.pid"
    outcome = bench.run_once(["sh", "-c", f"sleep 120 & echo $! > {child}; wait"], tmp_path, timeout=3)
    assert outcome == bench.Failed("timed out after 3 s", "no error output"), outcome
    pid = int(child.read_text())
    try:
        stat = Path(f"/proc/{pid}/stat")
        if stat.exists():  # gone, or a zombie left for init to reap: not running
            assert stat.read_text().rsplit(")", 1)[1].split()[0] in ("Z", "X"), stat.read_text()
    finally:
        with contextlib.suppress(ProcessLookupError):  # should the kill have missed it
            os.kill(pid, signal.SIGKILL)


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
