"""A site language the engine has no words for is named (file, line, field), never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from inprocess import mkdocs, projectsite

from projectsite.cli import main

MESSAGE = "languages: the engine has no words for the language 'lv'"


@pytest.fixture
def latvian_site(tmp_path: Path) -> Path:
    """A starter site in Estonian and Russian, with Russian renamed Latvian everywhere."""
    site = tmp_path / "lv"
    assert main(["new", str(site), "--name", "Lv", "--languages", "et,ru"]) == 0
    for path in [site / "mkdocs.yml", *(site / "data").glob("*.yaml")]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('"ru":', '"lv":').replace("locale: ru", "locale: lv"), encoding="utf-8")
    (site / "docs" / "ru").rename(site / "docs" / "lv")
    return site


def test_check_names_the_language_the_engine_has_no_words_for(latvian_site: Path) -> None:
    result = projectsite(["check", "--root", str(latvian_site), "--lang", "en"])
    assert result.returncode == 1
    assert any(line.startswith("mkdocs.yml:") and MESSAGE in line for line in result.stdout.splitlines())


def test_the_build_stops_with_the_same_message_and_no_traceback(latvian_site: Path) -> None:
    result = mkdocs(["build", "--strict"], cwd=latvian_site, env={**os.environ, "LANG": "en_GB.UTF-8"})
    assert result.returncode != 0
    assert MESSAGE in result.stderr and "Traceback" not in result.stderr
