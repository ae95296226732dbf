"""The search index's duplicates are dropped by the same rule as mkdocs-static-i18n's, in linear time (#21)."""

from __future__ import annotations

import copy
import json
from types import SimpleNamespace
from typing import Any

import pytest
from conftest import ROOT, copy_project
from mkdocs.config import load_config
from mkdocs_static_i18n.reconfigure import ExtendedPlugin

from projectsite.mkdocs import search_dedupe
from projectsite.mkdocs.search_dedupe import without_duplicates


def entry(location: str, title: str, text: str) -> dict[str, str]:
    return {"location": location, "title": title, "text": text}


ENTRIES = [
    entry("", "Avaleht", "Tere"),
    entry("project/", "Projekt", "Sama tekst"),  # shown untranslated in English too:
    entry("en/project/", "Projekt", "Sama tekst"),  # a duplicate
    entry("en/project/#goal", "Projekt", "Sama tekst"),  # another place (its location does not end the same): kept
    entry("en/project/", "Project", "Same text"),  # translated: kept
    entry("en/", "Avaleht", "Hello"),  # same title, other text: kept
    entry("events/", "Üritused", "x"),
    entry("en/other/", "Üritused", "x"),  # same title and text, another page: kept
]


def test_the_same_entries_are_dropped_as_by_the_plugin_itself() -> None:
    theirs = copy.deepcopy(ENTRIES)
    ExtendedPlugin.reconfigure_search_duplicates(SimpleNamespace(build_languages=["et", "en"]), theirs)  # type: ignore[arg-type]
    ours = without_duplicates(copy.deepcopy(ENTRIES), ["et", "en"])
    assert ours == theirs
    assert [e["location"] for e in ours] == [
        "",
        "project/",
        "en/project/#goal",
        "en/project/",
        "en/",
        "events/",
        "en/other/",
    ]


class Counted(dict[str, Any]):
    """An entry that counts how often its fields are read."""

    reads = 0

    def __getitem__(self, key: str) -> Any:
        Counted.reads += 1
        return super().__getitem__(key)


def reads_for(pages: int) -> int:
    entries: list[dict[str, Any]] = []
    for i in range(pages):
        entries.append(Counted(entry(f"events/e{i}/", f"Üritus {i}", f"tekst {i}")))
        entries.append(Counted(entry(f"en/events/e{i}/", f"Event {i}", f"text {i}")))
    Counted.reads = 0
    without_duplicates(entries, ["et", "en"])
    return Counted.reads


def test_the_work_grows_with_the_number_of_entries_not_its_square() -> None:
    assert reads_for(200) == 2 * reads_for(100)


@pytest.fixture(scope="module")
def indexes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    """The shipped site's search index built with the linear rule and with the plugin's own."""
    built = []
    for own in (False, True):
        project = copy_project(tmp_path_factory.mktemp("own" if own else "linear") / "project")
        with pytest.MonkeyPatch.context() as patch:
            if own:
                patch.setattr(search_dedupe, "install", lambda config: False)
            result = project.build()
        assert result.returncode == 0, result.stderr
        built.append(json.loads((project.root / "site" / "search" / "search_index.json").read_text("utf-8")))
    return built[0], built[1]


def test_the_built_search_index_is_the_plugins_own(indexes: tuple[Any, Any]) -> None:
    linear, own = indexes
    assert len(linear["docs"]) > 50
    assert linear == own


def test_the_linear_rule_replaces_the_plugins_own_in_a_sites_build() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert search_dedupe.install(config)
    method = config.plugins["i18n"].reconfigure_search_duplicates
    assert method.__func__ is search_dedupe._reconfigure_search_duplicates
