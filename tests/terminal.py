"""A command run with a pseudo-terminal as its output: what a person at a terminal would see."""

from __future__ import annotations

import os
import pty
import subprocess


def run_in_terminal(args: list[str], env: dict[str, str], timeout: float) -> tuple[int, str]:
    """The command's exit code and everything it showed on the terminal."""
    leader, follower = pty.openpty()
    run = subprocess.run(args, stdin=follower, stdout=follower, stderr=follower, env=env, timeout=timeout, check=False)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return run.returncode, shown.decode("utf-8", "replace")
