"""Pagefind, run once per language of a build, its bundles put together (projectsite/mkdocs/search_index.py).

Each run writes a whole bundle for its language into a folder of its own; at the end of the build the
bundles are put together into the site's `pagefind/` (their files are named by a hash of their contents:
the same files one run over the whole site writes) and their entry files joined. A site whose top-level
names Pagefind's file pattern could misread is indexed by one run over the whole site after the last
language instead.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pagefind_bin  # type: ignore[import-untyped]  # no py.typed; one function used
from mkdocs.exceptions import PluginError

from projectsite.languages import Languages

TIMEOUT = 300  # seconds a run may take; 44 pages take 0.1 s, 9,000 pages 12 s

SAFE_NAME = re.compile(r"[A-Za-z0-9._~-]+")  # what a name may hold to be written into a glob as it is


def language_glob(site: Path, lang: str, languages: Languages) -> str | None:
    """The pattern of a language's pages for Pagefind's --glob; None where a name would need escaping."""
    prefix = languages.prefix(lang)
    if prefix:
        return f"{prefix}**/*.html" if SAFE_NAME.fullmatch(prefix.rstrip("/")) else None
    skipped = {languages.prefix(other).rstrip("/") for other in languages.others(lang)} | {"pagefind", "404.html"}
    names = sorted(entry.name for entry in site.iterdir() if entry.name not in skipped)
    if not names or not all(SAFE_NAME.fullmatch(name) for name in names):
        return None
    parts = [f"{name}/**/*.html" if (site / name).is_dir() else name for name in names]
    pages = [part for part in parts if part.endswith(".html")]
    return "{" + ",".join(pages) + "}" if pages else None


@dataclass
class Runs:
    """This build's runs of Pagefind, one per language; or, when a glob cannot be written, one at the end."""

    started: list[tuple[subprocess.Popen[bytes], Path]] = field(default_factory=list)
    folder: Path | None = None  # the bundles, one folder each, until they are put together
    whole: bool = False

    def start(self, site: Path, glob: str | None) -> None:
        """Starts Pagefind over the pages that `glob` names (the language just written)."""
        if glob is None or self.whole:
            self.whole = True
            return
        self.folder = self.folder or Path(tempfile.mkdtemp(prefix="projectsite-search-"))
        out = self.folder / str(len(self.started))
        command = [_pagefind(), "--site", str(site), "--glob", glob, "--output-path", str(out), "--silent"]
        with (self.folder / f"{len(self.started)}.log").open("wb") as said:
            try:
                self.started.append((subprocess.Popen(command, stdout=said, stderr=said), out))
            except OSError as error:
                raise PluginError(f"The search index was not written: Pagefind did not run ({error}).") from None

    def finish(self, site: Path) -> None:
        """Waits for the runs and puts their bundles together into site/pagefind/ (or indexes the whole site)."""
        try:
            if self.whole:
                index_site(site)
                return
            for number, (run, _) in enumerate(self.started):
                _wait(run, self.folder / f"{number}.log" if self.folder else None)
            join_bundles([out for _, out in self.started], site / "pagefind")
        finally:
            self.abandon()

    def abandon(self) -> None:
        """Stops any run still going and removes the bundles' folder (a build that stopped halfway)."""
        for run, _ in self.started:
            if run.poll() is None:
                run.kill()
                run.wait()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
        self.started, self.folder, self.whole = [], None, False


def _pagefind() -> str:
    return str(pagefind_bin.get_executable())


def _wait(run: subprocess.Popen[bytes], log: Path | None) -> None:
    try:
        code = run.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise PluginError(f"The search index was not written: Pagefind took more than {TIMEOUT} s.") from None
    if code != 0:
        said = log.read_text(encoding="utf-8", errors="replace").strip() if log is not None else ""
        raise PluginError(f"The search index was not written: Pagefind stopped (exit {code}). {said}")


def join_bundles(bundles: list[Path], target: Path) -> None:
    """One bundle from the languages' bundles: every file (the same name is the same content), one entry file."""
    languages: dict[str, object] = {}
    entry: dict[str, object] = {}
    shutil.rmtree(target, ignore_errors=True)
    for bundle in bundles:
        shutil.copytree(bundle, target, dirs_exist_ok=True)
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        found = entry.get("languages")
        languages.update(found if isinstance(found, dict) else {})
    entry["languages"] = languages
    _write_entry(entry, target / "pagefind-entry.json")


def index_site(site: Path) -> None:
    """Writes site/pagefind/: the indexes, and Pagefind's interface (its script and styles)."""
    command = [_pagefind(), "--site", str(site), "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PluginError(f"The search index was not written: Pagefind did not run ({error}).") from None
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip()
        raise PluginError(f"The search index was not written: Pagefind stopped (exit {done.returncode}). {said}")
    sort_languages(site / "pagefind" / "pagefind-entry.json")


def sort_languages(entry: Path) -> None:
    """Pagefind lists the languages in its entry file in an order of its own, another on each run: sorted, the
    same site gives the same bytes (the index files' own names are hashes of their contents)."""
    _write_entry(json.loads(entry.read_text(encoding="utf-8")), entry)


def _write_entry(data: dict[str, object], entry: Path) -> None:
    """The entry file with its languages sorted."""
    languages = data["languages"]
    data["languages"] = dict(sorted(languages.items())) if isinstance(languages, dict) else languages
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
