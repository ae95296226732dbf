"""A news post's date line: the same whether its date is quoted (`date: '2024-03-22'`) or not, and whether its text
starts with its own heading or the title comes from the front matter."""

from __future__ import annotations

from conftest import Project

DATE_LINE = 'datetime="2021-08-15">15. augustil 2021</time>'


def _post(project: Project, date: str, heading: str) -> str:
    project.write(
        "docs/et/news/2021-08-15-kuupaev.md",
        f"---\ndate: {date}\ntitle: Kuupäev\n---\n\n{heading}Tekst.\n",
    )
    result = project.build()
    assert result.returncode == 0, result.stderr
    return project.html("news/2021-08-15-kuupaev/index.html")


def test_a_post_with_a_quoted_date_builds_and_shows_its_date(project: Project) -> None:
    assert DATE_LINE in _post(project, "'2021-08-15'", "# Kuupäev\n\n")


def test_a_post_without_a_heading_of_its_own_shows_its_date_under_the_title(project: Project) -> None:
    html = _post(project, "2021-08-15", "")
    assert html.index("<h1>Kuupäev</h1>") < html.index(DATE_LINE)
