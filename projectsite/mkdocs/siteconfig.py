"""The site's configuration as MkDocs loaded it (`!ENV`, `INHERIT` and all): what the engine reads of it.

The plugin hands the engine the configuration of the build (`on_config`); every `projectsite` command loads its
`--config-file` with MkDocs' own loader. Nothing else reads mkdocs.yml. The file's text is composed (never
constructed) only to find the line of a setting for a message.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from projectsite.languages import Languages, from_i18n
from projectsite.locales import UNCONFIGURED_SITE_LANGUAGES
from projectsite.messages import say
from projectsite.problems import Problem

from . import core_logger

DEFAULT_CONFIG = "mkdocs.yml"


@dataclass(frozen=True)
class SiteConfig:
    """What the engine reads of the loaded configuration; `file` names it in messages (relative to the root)."""

    root: Path
    file: str = DEFAULT_CONFIG
    languages: Languages = field(default_factory=lambda: Languages(UNCONFIGURED_SITE_LANGUAGES))
    site_name: str = ""
    site_url: str = ""
    copyright: str = ""
    # Compared by the file's time stamp, not its value: mkdocs-static-i18n rewrites `extra.alternate` per language.
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    # The file's composed YAML (no tag constructed), to point at a setting's line; None when it has none.
    node: Node | None = field(default=None, compare=False, repr=False)


class ConfigUnreadable(Exception):
    """The configuration could not be loaded: the problem says where and why."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def _languages(config: MkDocsConfig) -> Languages:
    i18n = config.plugins.get("i18n")
    configured = getattr(getattr(i18n, "config", None), "languages", None)
    entries = [{"locale": lang.locale, "default": lang.default} for lang in configured] if configured else None
    theme_language = config.theme.get("language") if config.theme is not None else None
    return from_i18n(entries, theme_language) or Languages(UNCONFIGURED_SITE_LANGUAGES)


def _compose(path: Path) -> Node | None:
    """The file's node tree for line numbers, or None (unreadable, not YAML, too deep)."""
    try:
        node: Node | None = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return None
    return node


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def from_mkdocs(config: MkDocsConfig) -> SiteConfig:
    """The engine's view of a configuration MkDocs loaded (the plugin's on_config, or load_site_config)."""
    path = Path(config.config_file_path or DEFAULT_CONFIG).resolve()
    root = path.parent
    extra: dict[str, Any] = dict(config.extra) if isinstance(config.extra, Mapping) else {}
    return SiteConfig(
        root=root,
        file=_relative(path, root),
        languages=_languages(config),
        site_name=str(config.site_name or ""),
        site_url=str(config.site_url or ""),
        copyright=str(config.copyright or ""),
        extra=dict(extra),
        node=_compose(path),
    )


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.lines.append(record.getMessage())


@contextmanager
def _collected() -> Iterator[_Collect]:
    """MkDocs' configuration errors, which it logs, kept for one message (and not printed twice)."""
    logger = core_logger()
    handler, propagate = _Collect(), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def load_site_config(root: Path, config_file: str | None = None) -> SiteConfig:
    """The configuration `config_file` (relative to `root`; default mkdocs.yml), loaded by MkDocs' own loader.

    No mkdocs.yml at all (and none asked for) is a site with the catalogues' default languages and no settings;
    any other failure is ConfigUnreadable with the file, and the line where MkDocs gives one."""
    from mkdocs.config import load_config  # slow to import: only the commands that need it

    name = config_file or DEFAULT_CONFIG
    path = root / name
    if config_file is None and not path.exists():
        return SiteConfig(root=root.resolve())
    if not path.is_file():
        raise ConfigUnreadable(Problem(name, None, "", say("config_missing")))
    with _collected() as collected:
        try:
            config = load_config(str(path))
        except RecursionError:
            raise ConfigUnreadable(Problem(name, None, "", say("config_too_deep"))) from None
        except (Abort, ConfigurationError, OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            if (line := _not_utf8_line(exc, path)) is not None:
                raise ConfigUnreadable(Problem(name, line, "", say("not_utf8"))) from None
            error = " ".join(("; ".join(collected.lines) or str(exc)).split())
            raise ConfigUnreadable(Problem(name, _error_line(exc), "", say("config_invalid", error=error))) from None
    return from_mkdocs(config)


def _not_utf8_line(exc: BaseException, path: Path) -> int | None:
    """The line of the first byte that is not UTF-8, when that is why the file did not load (a file saved
    as Windows-1257, say: PyYAML's ReaderError gives the byte's offset in the file it read)."""
    reader = exc.__cause__ or exc.__context__ or exc
    if not isinstance(reader, yaml.reader.ReaderError) or reader.encoding == "unicode":  # unicode: a control character
        return None
    try:
        if Path(reader.name).resolve() != path.resolve():
            return None  # a file it INHERITs: MkDocs' own words name it
        return path.read_bytes().count(b"\n", 0, reader.position) + 1
    except (OSError, RuntimeError, TypeError):
        return None


def _error_line(exc: BaseException) -> int | None:
    """The line of a YAML error, which MkDocs' loader raises again as a ConfigurationError (its context)."""
    mark = getattr(exc.__cause__ or exc.__context__ or exc, "problem_mark", None)
    return mark.line + 1 if mark is not None else None


def node_at(node: Node | None, *keys: str | int) -> Node | None:
    """The node of a key path (`extra`, `projectsite`), or None where the file does not write it. A plugin's
    name in `plugins:` (a list of names and one-key mappings) is a key too."""
    for key in keys:
        if isinstance(node, SequenceNode) and isinstance(key, int):
            node = node.value[key] if 0 <= key < len(node.value) else None
        elif isinstance(node, SequenceNode):
            mappings = [item for item in node.value if isinstance(item, MappingNode)]
            node = next((found for item in mappings if (found := node_at(item, key)) is not None), None)
        elif isinstance(node, MappingNode):
            node = next((v for k, v in node.value if isinstance(k, ScalarNode) and k.value == key), None)
        else:
            return None
    return node


def line_of(node: Node | None, *keys: str | int) -> int | None:
    """The 1-based line of a key path (its key's line, where a mapping names it), or None."""
    parent = node_at(node, *keys[:-1]) if keys else None
    if isinstance(parent, MappingNode):
        key = next((k for k, _ in parent.value if isinstance(k, ScalarNode) and k.value == keys[-1]), None)
        if key is not None:
            return int(key.start_mark.line) + 1
    found = node_at(node, *keys)
    return found.start_mark.line + 1 if found is not None else None
