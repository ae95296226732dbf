"""`zensical build` for one language's project: a subprocess with fixed arguments, no shell and a time limit."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from projectsite.messages import Message, say

TIMEOUT = 600  # seconds for one language's build


class ZensicalFailed(Exception):
    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def zensical_command() -> str | None:
    """The zensical beside this Python (a venv's), else the one on PATH."""
    beside = Path(sys.executable).parent / "zensical"
    return str(beside) if beside.is_file() else shutil.which("zensical")


def build(project: Path, lang: str, timeout: float = TIMEOUT) -> None:
    command = zensical_command()
    if command is None:
        raise ZensicalFailed(say("zensical_missing"))
    try:
        result = subprocess.run(
            [command, "build", "--clean", "-f", str(project / "mkdocs.yml")],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ZensicalFailed(say("zensical_timeout", lang=lang, seconds=timeout)) from None
    except OSError as exc:
        raise ZensicalFailed(say("zensical_failed", lang=lang, code=exc.errno or 1, output=str(exc))) from None
    if result.returncode != 0:
        output = " ".join((result.stderr.strip() or result.stdout.strip()).split()[-60:])
        raise ZensicalFailed(say("zensical_failed", lang=lang, code=result.returncode, output=output))
