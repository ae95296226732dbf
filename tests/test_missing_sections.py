"""A data file that does not exist is a section the site does not have; a page that still shows it is a warning."""

from __future__ import annotations

import pytest
from conftest import Project


def test_a_page_showing_a_missing_data_file_stops_the_strict_build(project: Project) -> None:
    (project.root / "data" / "team.yaml").unlink()
    result = project.build()
    assert result.returncode != 0
    assert (
        "docs/et/contacts.md: the marker <!-- projectsite:team --> shows data/team.yaml, which does not exist; "
        "write the file, or take the page out of the site"
    ) in result.stderr


def test_the_warning_is_in_the_editors_language(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "et_EE.UTF-8")
    (project.root / "data" / "media.yaml").unlink()
    result = project.build(strict=False)
    assert (
        "docs/en/media.md: märgend <!-- projectsite:media --> näitab faili data/media.yaml, mida ei ole"
        in result.stderr
    )


def test_without_a_newsletter_page_or_form_the_footer_has_no_sign_up(project: Project) -> None:
    for lang in ("et", "en"):
        (project.root / "docs" / lang / "newsletter.md").unlink()
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - newsletter.md\n", ""), encoding="utf-8")
    result = project.build()
    assert result.returncode == 0, result.stderr
    for rel in ("index.html", "en/index.html", "events/index.html", "404.html"):
        page = project.html(rel)
        assert "ps-signup" not in page and "newsletter/" not in page, rel


def test_with_a_newsletter_page_the_footer_points_to_it(project: Project) -> None:
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert '<a href="/en/newsletter/">' in project.html("en/events/index.html")
