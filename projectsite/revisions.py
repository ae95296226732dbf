"""When a file was first and last changed, from git (Public Information Act § 32: a page shows both).

Outside a git checkout (a copy, a tarball) the file's modification time stands in for both."""

from __future__ import annotations

import datetime as dt
import subprocess
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=256)
def _git_days(root: str, rel: str, stamp: int) -> tuple[str, ...]:
    """Every commit day (YYYY-MM-DD) of a file, newest first; `stamp` renews the cache when the file changes."""
    try:
        out = subprocess.run(
            ["git", "-C", root, "log", "--format=%cs", "--", rel],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ()
    return tuple(out.stdout.split()) if out.returncode == 0 else ()


def file_dates(root: Path, rel: str) -> tuple[dt.date, dt.date] | None:
    """(first change, last change) of root/rel, or None when the file does not exist."""
    path = root / rel
    if not path.is_file():
        return None
    stamp = path.stat().st_mtime_ns
    days = _git_days(str(root), rel, stamp)
    if days:
        return dt.date.fromisoformat(days[-1]), dt.date.fromisoformat(days[0])
    modified = dt.datetime.fromtimestamp(stamp / 1e9).date()
    return modified, modified
