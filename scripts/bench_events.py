"""Build time by number of events: the shipped site with n synthetic events, built from outside the process.

    .venv/bin/python scripts/bench_events.py 2000 20000 [--out test-artifacts/bench/events.md]

For each n: a copy of the LÕIM site in a temporary folder, its news posts left out, and n events (a fixed
seed; dates spread over 2000-2026; a title, a place and a 10-word summary with a link in each language, a
registration), committed to a fresh git repository (the page dates come from git, as on CI); then
`mkdocs build -q` under `/usr/bin/time`. Ten words keep 20,000 events under the data file's 10 MB limit.
Prints a row per n as soon as it is measured and appends it to the table in --out.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from bench_sites import copy_project

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WORDS = ["kool", "noor", "tugi", "võrgustik", "koostöö", "seminar", "õpe", "pere", "laps", "Võru", "töötuba"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PROJECTSITE_TODAY": "2026-06-01"}


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def event(rng: random.Random, i: int) -> dict[str, object]:
    day = f"{2000 + i % 27}-{1 + i % 12:02}-{1 + i % 28:02}"
    summary = _text(rng, 9)
    return {
        "id": f"synthetic-{i}",
        "title": {"et": f"Sündmus {i}: {_text(rng, 2)}", "en": f"Event {i}: {_text(rng, 2)}"},
        "start": f"{day} 10:00",
        "end": f"{day} 14:00",
        "location": "Võru",
        "summary": {
            "et": f"{summary} [loe](https://vorumaa.ee/)",
            "en": f"EN {summary} [read](https://vorumaa.ee/)",
        },
        "registration": {"url": "https://vorumaa.ee/registreeru", "deadline": f"{day}"},
    }


def project_with(events: int, dest: Path) -> Path:
    copy_project(dest)
    for lang_dir in (dest / "docs").iterdir():
        for post in (lang_dir / "news").glob("20*.md"):
            post.unlink()
    rng = random.Random(2022)
    data = [event(rng, i) for i in range(events)]
    (dest / "data" / "events.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost"]
    subprocess.run([*git, "init", "-q"], cwd=dest, check=True)
    subprocess.run([*git, "add", "-A"], cwd=dest, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "bench"], cwd=dest, check=True)
    return dest


def measure(events: int) -> str:
    """One table row: events, elapsed, user CPU, peak memory; or the failure."""
    with tempfile.TemporaryDirectory() as tmp:
        project = project_with(events, Path(tmp) / "site")
        timing = Path(tmp) / "time.txt"
        command = ["/usr/bin/time", "-o", str(timing), "-f", "%e %U %M", str(BIN / "mkdocs"), "build", "-q"]
        done = subprocess.run(command, cwd=project, env=ENV, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            return f"| {events:,} | failed (exit {done.returncode}) | | |"
        elapsed, user, peak = timing.read_text(encoding="utf-8").split()
        return f"| {events:,} | {float(elapsed):.1f} s | {float(user):.1f} s | {int(peak) // 1024} MB |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("events", type=int, nargs="+", help="numbers of events to build")
    parser.add_argument("--out", type=Path, default=ROOT / "test-artifacts" / "bench" / "events.md")
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    header = "| events | elapsed | user CPU | peak memory |\n| ---: | ---: | ---: | ---: |\n"
    args.out.write_text(header, encoding="utf-8")
    print(header, end="", flush=True)
    for n in args.events:
        row = measure(n)
        print(row, flush=True)
        with args.out.open("a", encoding="utf-8") as table:
            table.write(row + "\n")


if __name__ == "__main__":
    main()
