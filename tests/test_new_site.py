"""`projectsite new`: another project's starter site builds strictly and passes the project's own checks."""

from __future__ import annotations

import os
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import pytest
from browser import serve
from conftest import BIN
from inprocess import mkdocs
from pages import found, soup, text
from playwright.sync_api import Browser, Route
from site_checks import axe_violations, describe, horizontal_overflow, site_pages

from projectsite.cli import main

NAME = "Näidisprojekt <b>Kagu</b> & co"


def build(folder: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return mkdocs(["build", "--strict"], cwd=folder, env=env)


@pytest.fixture(scope="module")
def new_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("new") / "kagu"
    assert main(["new", str(folder), "--name", NAME, "--lang", "en"]) == 0
    built = build(folder)
    assert built.returncode == 0, built.stderr
    return folder


def test_a_new_site_builds_strictly_with_its_pages_in_each_language(new_site: Path) -> None:
    site = new_site / "site"
    for prefix in ("", "en/"):
        for page in ("", "project/", "events/", "trainings/", "news/", "events/example-seminar/"):
            assert (site / prefix / page / "index.html").is_file(), prefix + page
    assert found(soup(site, "en/index.html").html)["lang"] == "en"
    assert found(soup(site, "index.html").html)["lang"] == "et"


def test_the_projects_name_is_text_on_the_page_not_markup(new_site: Path) -> None:
    home = soup(new_site / "site", "index.html")
    assert text(found(home.h1)) == NAME
    assert found(home.find("h1")).find("b") is None


def test_a_new_site_has_no_theme_or_engine_code_of_its_own(new_site: Path) -> None:
    written = {
        p.relative_to(new_site).as_posix()
        for p in new_site.rglob("*")
        if p.is_file() and "site/" not in p.relative_to(new_site).as_posix()
    }
    assert not [p for p in written if p.endswith((".py", ".html", ".css", ".js"))], written
    assert {"mkdocs.yml", "Makefile", ".github/workflows/site.yml", "data/events.yaml"} <= written


def test_new_refuses_a_folder_that_is_not_empty_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: mine\n", encoding="utf-8")
    assert main(["new", str(tmp_path), "--lang", "en"]) == 1
    assert "is not empty" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["mkdocs.yml"]
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: mine\n"


def test_new_refuses_a_language_it_has_no_words_for(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(tmp_path / "x"), "--languages", "et,xx", "--lang", "et"]) == 1
    assert "ei ole keelte loend" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_new_refuses_a_language_given_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(tmp_path / "x"), "--languages", "et,en,et", "--lang", "et"]) == 1
    assert "ei ole keelte loend" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_new_takes_the_languages_it_is_given(tmp_path: Path) -> None:
    assert main(["new", str(tmp_path / "x"), "--languages", "en,et", "--lang", "en"]) == 0
    assert sorted(p.name for p in (tmp_path / "x" / "docs").iterdir()) == ["en", "et"]


def test_new_answers_a_file_in_the_folders_place_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    assert main(["new", str(tmp_path / "taken"), "--lang", "en"]) == 1
    assert "is a file, not a folder" in capsys.readouterr().err


def test_the_engine_ships_the_starter_and_the_theme_in_its_wheel(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    built = subprocess.run(
        [
            str(BIN / "python"),
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(root),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if built.returncode != 0 and "hatchling" in built.stderr:
        built = subprocess.run(
            [str(BIN / "python"), "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(root)],
            capture_output=True,
            text=True,
            check=False,
        )
    assert built.returncode == 0, built.stderr
    [wheel] = tmp_path.glob("projectsite-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "projectsite/starter/files/mkdocs.yml.j2" in names
    assert "projectsite/starter/files/.github/workflows/site.yml.j2" in names
    assert "projectsite/theme/main.html" in names and "projectsite/theme/assets/projectsite.css" in names


@pytest.fixture(scope="module")
def new_site_url(new_site: Path) -> Iterator[str]:
    with serve(new_site / "site") as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_every_page_of_a_new_site_passes_axe_and_fits_the_screen(
    browser: Browser, new_site: Path, new_site_url: str, scheme: Literal["light", "dark"], width: int
) -> None:
    pages = [rel for rel in site_pages(new_site / "site") if rel.endswith("index.html")]
    assert len(pages) >= 14
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    outside: list[str] = []

    def keep_inside(route: Route) -> None:
        if route.request.url.startswith(new_site_url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", keep_inside)
    page = context.new_page()
    failures = []
    for rel in pages:
        page.goto(new_site_url + rel.removesuffix("index.html"))
        violations = axe_violations(page)
        if violations:
            failures.append(f"{rel}: {describe(violations)}")
        if horizontal_overflow(page) > 0:
            failures.append(f"{rel}: wider than the screen")
    context.close()
    assert failures == []
    assert outside == []
