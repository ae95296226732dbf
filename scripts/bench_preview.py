"""The preview as an editor experiences it: `mkdocs serve` in a process of its own, a file saved, and the served
page polled over HTTP until the change shows. Seconds from the save to the page, the median of several edits."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

# What each edit changes and where it shows (in the shipped site's English pages).
DATA_EDIT = ("data/events.yaml", "en: LÕIM opening seminar", "en/events/avaseminar-2022/")
PAGE_EDIT = ("docs/en/project.md", "is a broad", "en/project/")  # the body, as most edits are


@dataclass(frozen=True)
class Latency:
    page: float
    data: float
    edits: int


def free_port() -> int:
    """A port nobody listens on now (mkdocs serve cannot take port 0)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve_latency(project: Path, edits: int) -> Latency:
    """Seconds from saving a change to the changed page under `mkdocs serve`: a page, then a data file."""
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(base + DATA_EDIT[2], DATA_EDIT[1].removeprefix("en: "), timeout=600)
        page = _edits(project / PAGE_EDIT[0], PAGE_EDIT[1], base + PAGE_EDIT[2], edits, "pageedit")
        data = _edits(project / DATA_EDIT[0], DATA_EDIT[1], base + DATA_EDIT[2], edits, "dataedit")
        return Latency(page=page, data=data, edits=edits)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _edits(path: Path, old: str, url: str, repeat: int, word: str) -> float:
    """The median time until `url` shows each of `repeat` edits of `path` (a word added after `old`); the file
    is restored afterwards, and the page seen without the word before the next kind of edit."""
    original = path.read_text(encoding="utf-8")
    if old not in original:
        raise SystemExit(f"{path} no longer contains {old!r}: update bench_preview.py")
    times = []
    try:
        for attempt in range(repeat):
            marker = f"{word}{attempt}"
            started = time.perf_counter()
            path.write_text(original.replace(old, f"{old} {marker}", 1), encoding="utf-8")
            wait_for(url, marker, timeout=120)
            times.append(time.perf_counter() - started)
            time.sleep(1)  # the next save comes after the rebuild has settled, as an editor's would
    finally:
        path.write_text(original, encoding="utf-8")
    wait_for(url, word, timeout=120, present=False)
    return statistics.median(times)


def wait_for(url: str, text: str, timeout: float, present: bool = True) -> None:
    """Polls `url` until its page contains `text` (or, with present=False, no longer does)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never through a proxy
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            with opener.open(url, timeout=5) as response:
                if (text in response.read().decode("utf-8")) == present:
                    return
        except OSError:
            pass
        time.sleep(0.01)
    raise SystemExit(f"{url} {'never showed' if present else 'kept showing'} {text!r} for {timeout:.0f} s")
