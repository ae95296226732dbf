"""Every page says when it was published and last changed (Public Information Act § 32)."""

from __future__ import annotations

import os
import subprocess

import pytest
from conftest import BIN, Project
from pages import html_files, soup, text


def dates_of(project: Project, rel: str) -> str:
    found = soup(project.root / "site", rel).select_one(".ps-dates")
    assert found is not None, f"{rel} shows no dates"
    return text(found)


def git(project: Project, *args: str, day: str) -> None:
    stamp = f"{day}T12:00:00+02:00"
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", "-C", str(project.root), *args], check=True, capture_output=True, env=env)


@pytest.fixture(scope="module")
def history(module_project: Project) -> Project:
    """The site in a git repository: all committed on 2 January 2023, the events changed on 4 March 2023."""
    project = module_project
    git(project, "init", "-q", day="2023-01-02")
    git(
        project, "commit", "-q", "--allow-empty", "-m", "start", day="2023-01-01"
    )  # git log filters a root commit's files
    git(project, "add", "-A", day="2023-01-02")
    git(project, "commit", "-qm", "first", day="2023-01-02")
    events = project.root / "data" / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    git(project, "commit", "-qam", "events", day="2023-03-04")
    result = project.build(today="2023-06-01")
    assert result.returncode == 0, result.stderr
    return project


def test_a_prose_page_takes_its_dates_from_git(history: Project) -> None:
    assert dates_of(history, "project/") == "Avaldatud: 2. jaanuar 2023 Viimati muudetud: 2. jaanuar 2023"
    assert dates_of(history, "en/project/") == "Published: 2 January 2023 Last updated: 2 January 2023"


def test_a_page_made_from_data_is_as_new_as_its_data(history: Project) -> None:
    assert dates_of(history, "events/") == "Avaldatud: 2. jaanuar 2023 Viimati muudetud: 4. märts 2023"
    assert dates_of(history, "en/events/ringsoit-2022/").endswith("Last updated: 4 March 2023")
    assert dates_of(history, "trainings/").endswith("Viimati muudetud: 2. jaanuar 2023")


def test_a_news_post_is_published_on_its_date(history: Project) -> None:
    assert dates_of(history, "news/2024-03-22-kogemuste-analuus/").startswith("Avaldatud: 22. märts 2024")


def test_outside_git_every_page_still_shows_its_dates(real_site: Project) -> None:
    site = real_site.root / "site"
    pages = [p for p in html_files(site) if p.name == "index.html"]
    assert len(pages) > 30
    for page in pages:
        shown = dates_of(real_site, page.relative_to(site).as_posix())
        assert ("Avaldatud:" in shown or "Published:" in shown) and ("muudetud" in shown or "updated" in shown)


def test_a_date_in_the_front_matter_of_an_ordinary_page_is_not_read_as_its_publication(project: Project) -> None:
    project.write("docs/et/kava.md", '---\ndate: "soon<b>"\n---\n# Kava\n\nTekst.\n')
    project.write("docs/en/kava.md", "# Plan\n\nText.\n")
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert "soon" not in project.html("kava/index.html")


def test_a_day_pinned_in_a_wrong_form_is_a_message_not_a_traceback(project: Project) -> None:
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "-f", str(project.root / "mkdocs.yml"), "-d", str(project.root / "site")],
        capture_output=True,
        text=True,
        env={**os.environ, "PROJECTSITE_TODAY": "tomorrow"},
    )
    assert result.returncode != 0
    assert "PROJECTSITE_TODAY='tomorrow': write the day as YYYY-MM-DD" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
