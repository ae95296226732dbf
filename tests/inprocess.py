"""The `projectsite` command run inside the test process: the same code as the installed command, without
the 0.6 s that starting Python and importing the engine costs a subprocess. Its environment, working folder
and output are its own for the call; a traceback is exit 1 with the traceback on standard error, as it
would be from the installed command. Tests that kill or race the command still start a real process."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import traceback
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from projectsite.cli import main


@contextlib.contextmanager
def _environment(env: Mapping[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextlib.contextmanager
def _folder(cwd: Path | str | None) -> Iterator[None]:
    before = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(before)


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def projectsite(
    args: Sequence[str],
    env: Mapping[str, str] | None = None,
    cwd: Path | str | None = None,
    stdin: str = "",
) -> subprocess.CompletedProcess[str]:
    """`projectsite ARGS`, as `subprocess.run(..., capture_output=True, text=True)` would give it back."""
    out, err = io.StringIO(), io.StringIO()
    argv0, sys.argv[0] = sys.argv[0], "projectsite"
    with (
        _environment(os.environ if env is None else env),
        _folder(cwd),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        saved_stdin, sys.stdin = sys.stdin, io.StringIO(stdin)
        try:
            code = main(list(args))
        except SystemExit as stop:
            code = _exit_code(stop.code)
        except Exception:
            traceback.print_exc()
            code = 1
        finally:
            sys.stdin = saved_stdin
            sys.argv[0] = argv0
    return subprocess.CompletedProcess(["projectsite", *args], code, out.getvalue(), err.getvalue())
