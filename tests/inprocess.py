"""The `projectsite` and `mkdocs` commands run inside the test process: the same code as the installed
commands, without the 0.6-0.8 s that starting Python and importing the engine (or MkDocs and its plugins)
costs a subprocess. Their environment, working folder and output are their own for the call; a traceback
is exit 1 with the traceback on standard error, as it would be from the installed command. Tests that
kill or race a command, or serve, still start a real process."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import subprocess
import sys
import traceback
import warnings
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from mkdocs.__main__ import cli as mkdocs_cli
from mkdocs.commands import build as mkdocs_build

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


@contextlib.contextmanager
def _captured(
    args: Sequence[str], env: Mapping[str, str] | None, cwd: Path | str | None, stdin: str
) -> Iterator[tuple[io.StringIO, io.StringIO, list[int]]]:
    """The process-wide things a command may touch, its own for the call; `code` receives its exit code."""
    out, err, code = io.StringIO(), io.StringIO(), [0]
    argv0, saved_stdin = sys.argv[0], sys.stdin
    with (
        _environment(os.environ if env is None else env),
        _folder(cwd),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        warnings.catch_warnings(),
    ):
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8")
        try:
            yield out, err, code
        except SystemExit as stop:
            code[0] = _exit_code(stop.code)
        except Exception:
            traceback.print_exc()
            code[0] = 1
        finally:
            sys.stdin, sys.argv[0] = saved_stdin, argv0


def mkdocs(
    args: Sequence[str], env: Mapping[str, str] | None = None, cwd: Path | str | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs ARGS` (build, not serve), its log on standard error as the command prints it."""
    build_filters = list(mkdocs_build.log.filters)  # the command adds a DuplicateFilter on each run
    showwarning = warnings.showwarning
    with _captured(args, env, cwd, "") as (out, err, code):
        sys.argv[0] = "mkdocs"
        try:
            mkdocs_cli.main(args=list(args), prog_name="mkdocs")
        finally:
            mkdocs_build.log.filters[:] = build_filters
            warnings.showwarning = showwarning
            logger = logging.getLogger("mkdocs")
            for handler in [h for h in logger.handlers if h.name == "MkDocsStreamHandler"]:
                logger.removeHandler(handler)
    return subprocess.CompletedProcess(["mkdocs", *args], code[0], out.getvalue(), err.getvalue())


def projectsite(
    args: Sequence[str],
    env: Mapping[str, str] | None = None,
    cwd: Path | str | None = None,
    stdin: str = "",
) -> subprocess.CompletedProcess[str]:
    """`projectsite ARGS`, as `subprocess.run(..., capture_output=True, text=True)` would give it back."""
    with _captured(args, env, cwd, stdin) as (out, err, code):
        sys.argv[0] = "projectsite"
        code[0] = main(list(args))
    return subprocess.CompletedProcess(["projectsite", *args], code[0], out.getvalue(), err.getvalue())
