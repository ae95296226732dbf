"""Values that were silently accepted: each gets the same message as its like."""

from __future__ import annotations

from pathlib import Path

from data_problems import only, problems_in

from projectsite.news import read_news

POSTPONED = "- id: a\n  title: A\n  status: postponed\n  start: 2024-05-02 10:00\n  previous_start: {when}\n"


def test_a_previous_start_the_spring_forward_night_skips_is_an_error(tmp_path: Path) -> None:
    line = only(problems_in(tmp_path, "events", POSTPONED.format(when="2024-03-31 03:30")))
    assert line.startswith(
        "data/events.yaml:5: events[0].previous_start: 2024-03-31 03:30 does not exist in the site's time zone (Europe/Tallinn)"
    )


def test_a_previous_start_the_autumn_night_repeats_is_a_warning(tmp_path: Path) -> None:
    line = only(problems_in(tmp_path, "events", POSTPONED.format(when="2024-10-27 03:30")))
    assert line.startswith("data/events.yaml:5: events[0].previous_start: warning: 2024-10-27 03:30 happens twice")


def _post(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "docs" / "et" / "news"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("---\ndate: 2024-01-05\ntitle: T\nsummary: S\n---\n\n# T\n", encoding="utf-8")
    return path


def test_a_news_file_dated_in_arabic_indic_digits_is_refused(tmp_path: Path) -> None:
    _post(tmp_path, "\u0662\u0660\u0662\u0664-01-05-post.md")
    posts, problems = read_news(tmp_path, "docs", "et")
    assert posts == [] and [p.message.key for p in problems] == ["news_file_name"]


def test_a_news_file_dated_in_fullwidth_digits_is_refused(tmp_path: Path) -> None:
    _post(tmp_path, "2024-\uff10\uff11-05-post.md")
    posts, problems = read_news(tmp_path, "docs", "et")
    assert posts == [] and [p.message.key for p in problems] == ["news_file_name"]


def test_a_news_file_dated_in_ascii_digits_is_a_post(tmp_path: Path) -> None:
    _post(tmp_path, "2024-01-05-post.md")
    posts, problems = read_news(tmp_path, "docs", "et")
    assert [p.slug for p in posts] == ["2024-01-05-post"] and problems == []
