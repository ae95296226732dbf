"""The theme's templates, compiled once and listed once for the whole build (both languages) or serve session.

MkDocs makes a new Jinja environment for each language's build: without this, every template is compiled
again each time, and the theme's folders (Material's holds 14,000 icons) are walked again to find the
static files. Both are kept on the plugin's state; a template whose source changed is compiled anew, and a
folder of the project itself (overrides/) is listed afresh every time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType

import jinja2
from mkdocs.theme import Theme


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates by Jinja's key, checked against the source's checksum."""

    def __init__(self) -> None:
        self.compiled: dict[str, tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        found = self.compiled.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.code is not None:
            self.compiled[bucket.key] = (bucket.checksum, bucket.code)


class ListedOnceLoader(jinja2.FileSystemLoader):
    """Lists each folder outside the project once; hidden files and folders (never a theme's) are left out."""

    def __init__(self, dirs: list[str], listings: dict[str, list[str]], project: Path) -> None:
        super().__init__(dirs)
        self.listings, self.project = listings, project

    def _listing(self, folder: str) -> list[str]:
        if Path(folder).resolve().is_relative_to(self.project):
            return _visible(jinja2.FileSystemLoader(folder).list_templates())
        if folder not in self.listings:
            self.listings[folder] = _visible(jinja2.FileSystemLoader(folder).list_templates())
        return self.listings[folder]

    def list_templates(self) -> list[str]:
        return sorted({name for folder in self.searchpath for name in self._listing(folder)})


def _visible(names: list[str]) -> list[str]:
    """MkDocs never copies a hidden file ('.*', '*/.*'): Material's .icons/ holds most of its files."""
    return [n for n in names if not any(part.startswith(".") for part in n.split("/"))]


@dataclass
class ThemeCache:
    bytecode: MemoryBytecodeCache = field(default_factory=MemoryBytecodeCache)
    listings: dict[str, list[str]] = field(default_factory=dict)

    def install(self, theme: Theme, project: Path) -> None:
        """Makes theme.get_env() (called by MkDocs once per language's build) use this cache."""
        if theme.get_env.__name__ == "cached_get_env":  # on_config runs again for each language, on the same Theme
            return
        make_env = theme.get_env

        def cached_get_env() -> jinja2.Environment:
            env = make_env()
            env.loader = ListedOnceLoader(list(theme.dirs), self.listings, project.resolve())
            env.bytecode_cache = self.bytecode
            return env

        theme.get_env = cached_get_env  # type: ignore[method-assign]  # this Theme only, made anew with each configuration
