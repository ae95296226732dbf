"""A real `mkdocs serve` of a test project on a free loopback port, read over HTTP."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Self

from conftest import BIN, Project

# What MkDocs' server adds to every HTML file it serves (the livereload script before </body>).
LIVERELOAD = re.compile(rb"<script>\s*var livereload = function.*?</script>(?=</body>)", re.DOTALL)


def free_port() -> int:
    """A port nobody listens on now (mkdocs serve cannot take port 0): bound by the system, then let go."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Preview:
    """`mkdocs serve` in the project's folder; its terminal output goes to a file that tests read."""

    project: Project
    today: str = "2023-06-01"
    verbose: bool = False
    locale: str = "C.UTF-8"  # the editor's system language (LANG): C is English, et_EE.UTF-8 Estonian
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def log_path(self) -> Path:
        return self.project.root / "serve.log"

    def __enter__(self) -> Self:
        env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
        env |= {"PROJECTSITE_TODAY": self.today, "NO_MKDOCS_2_WARNING": "1", "LANG": self.locale}
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{self.port}"] + (["-v"] if self.verbose else []),
                cwd=self.project.root,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.wait_for_log("Serving on", timeout=120)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        assert self.process is not None
        self.process.terminate()
        self.process.wait(timeout=30)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_for_log(self, text: str, times: int = 1, timeout: float = 60) -> str:
        """Waits until the terminal has printed `text` at least `times` times."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            output = self.log()
            if output.count(text) >= times:
                return output
            assert self.process is None or self.process.poll() is None, f"mkdocs serve ended:\n{output}"
            time.sleep(0.05)
        raise AssertionError(f"the terminal never showed {text!r} {times} times:\n{self.log()}")

    def get(self, path: str, timeout: float = 10) -> tuple[int, bytes]:
        """Status and body (without the livereload script MkDocs adds); a hung server fails the test."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
                return response.status, LIVERELOAD.sub(b"", response.read())
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def wait_for_page(self, path: str, text: str, timeout: float = 60) -> bytes:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status, body = self.get(path)
            if status == 200 and text.encode() in body:
                return body
            time.sleep(0.02)
        raise AssertionError(f"{path} never showed {text!r}:\n{self.log()}")
