"""The state of one build (one `mkdocs build`, or one `mkdocs serve` session): held by the plugin, never global."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from projectsite import DEFAULT_LANGUAGE
from projectsite.load import SiteData, load_site
from projectsite.models import DATA_FILES
from projectsite.problems import Problem, errors

log = logging.getLogger("mkdocs.plugins.projectsite")


class DataProblems(PluginError):
    """The data has errors: nothing is built. Carries the problems for the preview's error page."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("The site was not built; fix these problems in the data:\n"
                         + "\n".join(str(p) for p in problems))
        self.problems = problems


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def language(config: MkDocsConfig) -> str:
    """The language being built (mkdocs-static-i18n sets it in its on_config; valid from on_files on)."""
    return str(config.theme["language"])


def _fingerprint(root: Path, docs_dir: str) -> tuple[Any, ...]:
    """What the data is made of, by modification time: a change in any of them means loading again."""
    paths = [root / "data" / f"{name}.yaml" for name in DATA_FILES]
    paths += sorted((root / docs_dir).rglob("*.md"))  # the news posts, and the pages' counterparts
    return tuple((str(p), p.stat().st_mtime_ns if p.exists() else None) for p in paths)


@dataclass
class BuildState:
    """What the plugin's events share while the languages are built (and, under serve, between rebuilds)."""

    data: SiteData | None = None
    problems: list[Problem] = field(default_factory=list)
    fingerprint: tuple[Any, ...] = ()
    # The event pages added to this language's build: their src_uri → their one-marker content.
    stubs: dict[str, str] = field(default_factory=dict)
    # The default language's /404.html, put back after the other languages' builds overwrote it.
    root_404: bytes | None = None

    def site_data(self, config: MkDocsConfig) -> SiteData:
        """The data as loaded by load_data() at the start of this language's build."""
        return self.data if self.data is not None else self.load_data(config)

    def load_data(self, config: MkDocsConfig) -> SiteData:
        """Reads and validates the data (again only if a file changed); stops the build with one line per problem."""
        root = project_root(config)
        docs_dir = Path(config.docs_dir).resolve().relative_to(root).as_posix()
        stamp = _fingerprint(root, docs_dir)
        if self.data is None or stamp != self.fingerprint:
            self.data, self.problems = load_site(root, docs_dir)
            self.fingerprint = stamp
        if errors(self.problems):
            raise DataProblems(self.problems)
        if language(config) == DEFAULT_LANGUAGE:  # once per build, not once per language
            for problem in self.problems:
                # Missing English is no fault of the site (it shows the Estonian): `projectsite check` reports it.
                (log.info if problem.category == "translation" else log.warning)(str(problem))
        return self.data
