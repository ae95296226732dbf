"""When a file was first and last changed, from git (Public Information Act § 32: a page shows both).

The history is read once per build: one `git log` over the whole history, every commit's day and the files
it changed, folded into (first, last) per path. Outside a git checkout (a copy, a tarball) the file's
modification time stands in for both. In a shallow clone (a CI checkout of depth 1) git knows only the last
commits, so every file would seem made on the day of the oldest one it has: then no file has git dates
(`History.shallow`), and the pages show no dates from git rather than wrong ones."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

DAY_MARK = "\x01"  # starts each commit's line in the log (a file name never starts with it)


@dataclass(frozen=True)
class History:
    """Every path's (first, last) commit day, relative to the project's root."""

    days: dict[str, tuple[dt.date, dt.date]] = field(default_factory=dict)
    in_git: bool = False
    shallow: bool = False

    def file_dates(self, root: Path, rel: str) -> tuple[dt.date, dt.date] | None:
        """(first change, last change) of root/rel, or None when the file does not exist or its dates are not
        known (a shallow clone)."""
        path = root / rel
        if not path.is_file():
            return None
        if rel in self.days:
            return self.days[rel]
        if self.shallow:
            return None
        modified = dt.datetime.fromtimestamp(path.stat().st_mtime_ns / 1e9).date()
        return modified, modified


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError):
        return None


def parse_log(out: str) -> dict[str, tuple[dt.date, dt.date]]:
    """`git log --format=%x01%cs --name-only -z` (newest first) as (first, last) day per path."""
    days: dict[str, tuple[dt.date, dt.date]] = {}
    day: dt.date | None = None
    for token in out.split("\0"):
        name = token.removeprefix("\n")
        if name.startswith(DAY_MARK):
            day = dt.date.fromisoformat(name[1:11])
        elif name and day is not None:
            last = days.get(name, (day, day))[1]
            days[name] = (day, last)  # older commits come later: each one moves the first day back
    return days


def read_history(root: Path) -> History:
    """The project's history from git: two git calls, whatever the number of files."""
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    if shallow is None or shallow.returncode != 0:
        return History()
    if shallow.stdout.strip() == "true":
        return History(in_git=True, shallow=True)
    log = _git(root, "log", "--relative", "--no-renames", f"--format={DAY_MARK}%cs", "--name-only", "-z")
    if log is None or log.returncode != 0:
        return History(in_git=True)
    return History(parse_log(log.stdout), in_git=True)
