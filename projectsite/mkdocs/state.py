"""The state of one build (one `mkdocs build`, or one `mkdocs serve` session): held by the plugin, never global."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from projectsite.filesystem import folder_problems
from projectsite.kinds import DATA_FILES
from projectsite.languages import Languages, from_i18n
from projectsite.load import SiteData, load_site
from projectsite.locales import UNCONFIGURED_SITE_LANGUAGES
from projectsite.messages import say, system_language
from projectsite.problems import Problem, errors
from projectsite.revisions import History, read_history
from projectsite.settings import SiteExtra
from projectsite.site_views import SiteViews

from . import site_templates
from .fragments import Fragments
from .page_cache import PageCache
from .pagefind_runs import Runs
from .siteconfig import SiteConfig, from_mkdocs
from .theme_cache import ThemeCache


class DataProblems(PluginError):
    """The data has errors: nothing is built. Carries the problems for the preview's error page."""

    def __init__(self, problems: list[Problem], lang: str) -> None:
        super().__init__(say("preview_intro").text(lang) + "\n" + "\n".join(p.text(lang) for p in errors(problems)))
        self.problems = problems


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


@dataclass(frozen=True)
class BuildPaths:
    """Where a build's files are, found once per build: the project; the pages' folder and the configuration,
    relative to it; the site's own data templates, and what they were (site_templates.py)."""

    root: Path
    docs: str
    config_file: str
    templates: Path | None
    templates_stamp: site_templates.Stamp

    @classmethod
    def of(cls, config: MkDocsConfig) -> BuildPaths:
        root = project_root(config)
        docs = Path(config.docs_dir).resolve().relative_to(root).as_posix()
        config_file = Path(config.config_file_path or root / "mkdocs.yml").resolve().relative_to(root).as_posix()
        templates = site_templates.folder(config, root)
        return cls(root, docs, config_file, templates, site_templates.stamp(templates))


def language(config: MkDocsConfig) -> str:
    """The language being built (mkdocs-static-i18n sets it in its on_config; valid from on_files on)."""
    return str(config.theme["language"])


def languages_of(config: MkDocsConfig) -> Languages:
    """The site's languages as mkdocs-static-i18n is configured (the default first), or the theme's language."""
    i18n = config.plugins.get("i18n")
    configured = getattr(getattr(i18n, "config", None), "languages", None)
    entries = [{"locale": lang.locale, "default": lang.default} for lang in configured] if configured else None
    return from_i18n(entries, language(config)) or Languages(UNCONFIGURED_SITE_LANGUAGES)


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """A file's modification time, size and kind (a link's own where it leads nowhere); None when it is gone."""
    for look in (path.stat, path.lstat):
        try:
            info = look()
        except OSError:
            continue
        return info.st_mtime_ns, info.st_size, info.st_mode
    return None


def _fingerprint(root: Path, docs_dir: str) -> tuple[Any, ...]:
    """What the data is made of, by modification time: a change in any of them means loading again
    (the configuration is compared as MkDocs loaded it: BuildState.site)."""
    paths = [root / "data" / f"{name}.yaml" for name in DATA_FILES]
    paths += sorted((root / "data").glob("*.y*ml"))  # a file nothing reads is worth a warning too
    paths += sorted((root / docs_dir).glob("*/news/*.md"))
    read = tuple((str(p), _stamp(p)) for p in paths)
    return read + tuple(sorted(str(p) for p in (root / docs_dir).rglob("*.md")))  # which pages have a counterpart


def _pages_fingerprint(folder: Path) -> tuple[Any, ...]:
    """Every file and folder under the pages' folder, by its stamp: a page saved again (as Windows-1257, say, or
    as a link that leads nowhere) is checked again before MkDocs reads it (folder_problems, a few milliseconds)."""
    found: list[tuple[str, Any]] = []
    for here, dirs, names in os.walk(folder):
        found += [(os.path.join(here, name), _stamp(Path(here, name))) for name in dirs + names]
    return tuple(sorted(found))


@dataclass
class BuildState:
    """What the plugin's events share while the languages are built (and, under serve, between rebuilds)."""

    data: SiteData | None = None
    problems: list[Problem] = field(default_factory=list)  # the data's, then the folders'
    fingerprint: tuple[Any, ...] = ()
    # The problems of the data alone, and of the folders' files (links out, address files, pages not UTF-8):
    # a page saved again checks the folders again, without loading the data again.
    data_problems: list[Problem] = field(default_factory=list)
    folder_problems: list[Problem] = field(default_factory=list)
    pages_fingerprint: tuple[Any, ...] | None = None
    # The event pages added to this language's build: their src_uri → their one-marker content.
    stubs: dict[str, str] = field(default_factory=dict)
    # The default language's /404.html, put back after the other languages' builds overwrote it.
    root_404: bytes | None = None
    # The language of the messages to the editor: the system's, as for `projectsite check`.
    editor_language: str = field(default_factory=system_language)
    # The theme's compiled templates and file listings, for every language and rebuild.
    theme: ThemeCache = field(default_factory=ThemeCache)
    # Under serve: each page's HTML and output, reused while its inputs stay the same.
    pages: PageCache = field(default_factory=PageCache)
    # Each page's Markdown with its markers filled (and the unknown markers), with the key of what it was made from.
    filled: dict[tuple[str, str], tuple[Any, tuple[str, list[str]]]] = field(default_factory=dict)
    # Under serve: each language's feed and calendar files, with the key of what they were made from.
    feed_files: dict[str, tuple[Any, dict[str, bytes]]] = field(default_factory=dict)
    # The items' views and the data's Markdown conversions: made once per item (or text) and language.
    views: SiteViews = field(default_factory=SiteViews)
    # The project's git history, read once per build (None: not yet read in this build).
    history_read: History | None = None
    # Where this build's files are, found at its first page (None: not yet in this build).
    paths_found: BuildPaths | None = None
    # Said once per `mkdocs build` or `mkdocs serve` session: the clone is shallow.
    said_shallow: bool = False
    # Pagefind's runs of this build, one per language written (search_index.py).
    search: Runs = field(default_factory=Runs)
    # This language build's parts of the theme shared by the pages of a folder outside the navigation.
    fragments: Fragments = field(default_factory=Fragments)
    # The configuration MkDocs loaded for this build (on_config): the engine's settings and languages.
    site: SiteConfig | None = None

    @property
    def failed(self) -> bool:
        """The data has errors: `mkdocs build` stops; `mkdocs serve` shows them instead of the site."""
        return bool(errors(self.problems))

    @property
    def settings(self) -> SiteExtra:
        """mkdocs.yml's `extra:`, typed (empty before the data is loaded, or while it has a mistake)."""
        return self.data.settings if self.data is not None else SiteExtra()

    def new_build(self) -> None:
        """The first language of a build (or of a serve rebuild) begins: the history is read again."""
        self.history_read = None
        self.paths_found = None

    def paths(self, config: MkDocsConfig) -> BuildPaths:
        """Where this build's files are, found at the first page of this build that asks."""
        if self.paths_found is None:
            self.paths_found = BuildPaths.of(config)
        return self.paths_found

    def history(self, root: Path) -> History:
        """The project's git history, read at the first page of this build that asks for it."""
        if self.history_read is None:
            self.history_read = read_history(root)
        return self.history_read

    def site_data(self, config: MkDocsConfig) -> SiteData:
        """The data as loaded by load_data() at the start of this language's build."""
        return self.data if self.data is not None else self.load_data(config)

    def load_data(self, config: MkDocsConfig) -> SiteData:
        """Reads and validates the data (again only if a file changed); raises DataProblems if it has errors."""
        root = project_root(config)
        docs_dir = Path(config.docs_dir).resolve().relative_to(root).as_posix()
        site = self.site if self.site is not None else from_mkdocs(config)
        config_file = Path(config.config_file_path or root / "mkdocs.yml")
        stamp = (site, _stamp(config_file), *_fingerprint(root, docs_dir))
        pages = _pages_fingerprint(root / docs_dir)
        if self.data is None or stamp != self.fingerprint:
            self.data, self.data_problems = load_site(root, docs_dir, site, folders=False)
            self.fingerprint, self.pages_fingerprint = stamp, None
        if pages != self.pages_fingerprint:
            self.folder_problems, self.pages_fingerprint = folder_problems(root, docs_dir), pages
        self.problems = self.data_problems + self.folder_problems
        if self.failed:
            raise DataProblems(self.problems, self.editor_language)
        return self.data
