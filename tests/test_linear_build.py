"""A build's work grows with the number of events, not with its square (issue #21): the views made, the
Markdown conversions of the data's texts, the git calls and the renderings of the theme's navigation are counted, not timed, at two sizes."""

from __future__ import annotations

import os
import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import Project, copy_project

from projectsite import richtext, views
from projectsite.mkdocs import fragments

SIZES = (5, 10)
LANGUAGES = 2  # the shipped site's: Estonian and English


def events_yaml(n: int) -> str:
    """n dated events, each with a summary of its own in both languages (two texts to convert)."""
    return "".join(
        f"- id: event-{i}\n"
        f"  title: {{et: Üritus {i}, en: Event {i}}}\n"
        f"  start: 2023-0{1 + i % 9}-1{i % 10} 10:00\n"
        f"  summary: {{et: 'Kokkuvõte **{i}**', en: 'Summary **{i}**'}}\n"
        for i in range(n)
    )


def git(root: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env.update(GIT_COMMITTER_NAME="T", GIT_COMMITTER_EMAIL="t@example.org")
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def counting(counts: Counter[str], name: str, real: Callable[..., Any]) -> Callable[..., Any]:
    def counted(*args: Any, **kwargs: Any) -> Any:
        if name != "git" or (args and list(args[0])[:1] == ["git"]):
            counts[name] += 1
        return real(*args, **kwargs)

    return counted


def counted_build(project: Project, n: int) -> Counter[str]:
    """Builds the site with n events, in a git repository, counting the work done."""
    project.replace_events(events_yaml(n))
    git(project.root, "init", "-q")
    git(project.root, "add", "-A")
    git(project.root, "commit", "-qm", "site")
    counts: Counter[str] = Counter()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(views, "EventView", counting(counts, "views", views.EventView))
        patch.setattr(richtext, "to_html", counting(counts, "conversions", richtext.to_html))
        patch.setattr(subprocess, "run", counting(counts, "git", subprocess.run))
        patch.setattr(
            fragments.Fragments, "render", staticmethod(counting(counts, "theme parts", fragments.Fragments.render))
        )
        result = project.build(today="2023-01-01")
    assert result.returncode == 0, result.stderr
    return counts


@pytest.fixture(scope="module")
def counts(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Counter[str]]:
    return {n: counted_build(copy_project(tmp_path_factory.mktemp(f"n{n}") / "project"), n) for n in SIZES}


def test_each_event_view_is_made_once_per_language(counts: dict[int, Counter[str]]) -> None:
    assert {n: counts[n]["views"] for n in SIZES} == {n: n * LANGUAGES for n in SIZES}


def test_each_text_of_the_data_is_converted_once(counts: dict[int, Counter[str]]) -> None:
    small, large = SIZES
    # Five more events bring ten more texts (a summary in each language); the rest of the site stays the same.
    assert counts[large]["conversions"] - counts[small]["conversions"] == (large - small) * LANGUAGES


def test_the_git_history_is_read_once_per_build_whatever_the_number_of_pages(
    counts: dict[int, Counter[str]],
) -> None:
    assert {n: counts[n]["git"] for n in SIZES} == {n: 2 for n in SIZES}  # is it shallow; the log


def test_the_navigation_and_tabs_are_rendered_once_per_folder_not_once_per_event_page(
    counts: dict[int, Counter[str]],
) -> None:
    small, large = SIZES
    assert counts[small]["theme parts"] > 0  # the event pages share them
    assert counts[large]["theme parts"] == counts[small]["theme parts"]
