"""The search index without duplicates, in linear time.

mkdocs-static-i18n 1.3.1 drops from the search index each entry of a language folder (`en/…`) that
repeats an entry of the default language (same title and text, its location ending with the default's:
a page shown in the default language's words). Its `reconfigure_search_duplicates` compares every
default-language entry with every other entry: with 20,000 events (about 50,000 entries a language)
that is billions of comparisons, the largest part of the build. The same rule is kept here with the
entries looked up by title and text; it replaces the method on the plugin's instance (only this one
method, only for the version it was written against; another version keeps its own).
"""

from __future__ import annotations

import types
from collections import defaultdict
from importlib.metadata import version
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

WRITTEN_FOR = "1.3.1"

Entry = dict[str, Any]


def without_duplicates(entries: list[Entry], languages: list[str]) -> list[Entry]:
    """The entries less each language-folder entry that repeats a default-language entry, in their order."""
    prefixes = tuple(f"{lang}/" for lang in languages)
    in_folders: dict[tuple[Any, Any], list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry["location"].startswith(prefixes):
            in_folders[(entry["title"], entry["text"])].append(entry)
    dropped: set[int] = set()
    for entry in entries:
        if not entry["location"].startswith(prefixes):
            for twin in in_folders.get((entry["title"], entry["text"]), []):
                if twin["location"].endswith(entry["location"]):
                    dropped.add(id(twin))
    return [entry for entry in entries if id(entry) not in dropped]


def _reconfigure_search_duplicates(plugin: Any, search_index_entries: list[Entry]) -> None:
    search_index_entries[:] = without_duplicates(search_index_entries, list(plugin.build_languages))


def install(config: MkDocsConfig) -> bool:
    """Puts the linear rule on the i18n plugin of this configuration; False when it is not the version
    this was written for (or there is no such plugin)."""
    i18n = config.plugins.get("i18n")
    if i18n is None or not hasattr(i18n, "reconfigure_search_duplicates"):
        return False
    if version("mkdocs-static-i18n") != WRITTEN_FOR:
        return False
    i18n.reconfigure_search_duplicates = types.MethodType(_reconfigure_search_duplicates, i18n)
    return True
