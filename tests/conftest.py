"""Shared fixtures: a copy of the project in a temporary folder, built for real with MkDocs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser import CHROMIUM, CHROMIUM_ARGS, serve
from inprocess import mkdocs, projectsite
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent  # the project
# The engine's tests build a frozen copy of the LÕIM site, never the shipped content (fixture_sites/README.md).
FIXTURE = ROOT / "tests" / "fixture_sites" / "loim"
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides")  # hooks/, overrides/: a site's own, if any
BIN = Path(sys.executable).parent


def pytest_configure(config: pytest.Config) -> None:
    """Retries in every test wait a millisecond, not the real backoff (tests of the backoff set their own)."""
    os.environ.setdefault("PROJECTSITE_BACKOFF", "0.001")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """A skipped test is a failed one: a check that did not run is not a check that passed."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped, which this suite counts as failed: {report.longrepr}"


@dataclass
class Project:
    """A copy of the site's sources that a test may change, build and read back."""

    root: Path

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def replace_events(self, text: str) -> None:
        """Use these events instead of the shipped ones (dropping the news posts that link to those)."""
        for post in self.root.glob("docs/*/news/2*.md"):
            post.unlink()
        self.write("data/events.yaml", text)

    def build(self, today: str = "2023-06-01", strict: bool = True) -> subprocess.CompletedProcess[str]:
        args = [
            "build",
            "--clean",
            "-f",
            str(self.root / "mkdocs.yml"),
            "-d",
            str(self.root / "site"),
        ] + (["--strict"] if strict else [])
        env = {**os.environ, "PROJECTSITE_TODAY": today, "NO_MKDOCS_2_WARNING": "1"}
        return mkdocs(args, env=env, cwd=self.root)

    def check(self, *flags: str) -> subprocess.CompletedProcess[str]:
        return projectsite(["check", "--root", str(self.root), *flags])

    def html(self, rel: str) -> str:
        return (self.root / "site" / rel).read_text(encoding="utf-8")


def copy_project(dest: Path) -> Project:
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = FIXTURE / part
        if not source.exists():
            continue
        if source.is_dir():
            shutil.copytree(source, dest / part)
        else:
            shutil.copy(source, dest / part)
    return Project(dest)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="module")
def module_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A copy shared by one module's tests, for a site they build once and only read."""
    return copy_project(tmp_path_factory.mktemp("module") / "project")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The shipped LÕIM site, built once with --strict (as of 1 June 2022, so that events lie ahead)."""
    built = copy_project(tmp_path_factory.mktemp("real") / "project")
    result = built.build(today="2022-06-01")
    assert result.returncode == 0, result.stderr
    return built


@pytest.fixture(scope="session")
def base_url(real_site: Project) -> Iterator[str]:
    """The shipped site served on 127.0.0.1."""
    with serve(real_site.root / "site") as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A desktop-sized page (1280 × 900) in a context of its own; a module may define its own `page`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()
