"""`scripts/bench_events.py` (build time by number of events, part of `make bench`) cannot rot: it runs here at
a small size and writes its row; what the figure is, is never checked."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURE, ROOT


def test_the_events_benchmark_writes_a_row_for_each_size(tmp_path: Path) -> None:
    out = tmp_path / "events.md"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench_events.py"), "5", "20", "--out", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PROJECTSITE_BENCH_SITE": str(FIXTURE)},
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    rows = [line for line in out.read_text(encoding="utf-8").splitlines() if re.match(r"\| \d", line)]
    assert [row.split("|")[1].strip() for row in rows] == ["5", "20"]
    assert all(re.search(r"\| [\d.]+ s \| [\d.]+ s \| \d+ MB \|$", row) for row in rows), rows
