"""A site replaces any of the engine's data templates with its own, in `<custom_dir>/projectsite/` (as a file in
Material's `custom_dir` replaces a theme template); the others stay the engine's, and none is published."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Project
from search_sites import build, new_site
from serving import Preview

OWN_TRAININGS = (
    '{% for t in trainings %}\n<p class="own-training">{{ t.title|inline }} ({{ lang }})</p>\n{% endfor %}\n'
)


def _with_custom_dir(site: Path) -> Path:
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n", 1), "utf-8")
    folder = site / "overrides" / "projectsite"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture(scope="module")
def overridden(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = new_site(tmp_path_factory.mktemp("overrides") / "oma")
    (_with_custom_dir(site) / "trainings.md.j2").write_text(OWN_TRAININGS, encoding="utf-8")
    result = build(site)
    assert result.returncode == 0, result.stderr
    return site / "site"


def test_the_sites_own_template_renders_its_marker_in_every_language(overridden: Path) -> None:
    for prefix, lang in (("", "et"), ("en/", "en")):
        html = (overridden / prefix / "trainings" / "index.html").read_text(encoding="utf-8")
        assert f"({lang})</p>" in html and 'class="own-training"' in html


def test_the_templates_the_site_does_not_replace_stay_the_engines(overridden: Path) -> None:
    html = (overridden / "en" / "events" / "index.html").read_text(encoding="utf-8")
    assert 'class="own-training"' not in html
    assert "ps-" in html  # the engine's events template (its classes begin with ps-)


def test_the_sites_templates_are_not_published(overridden: Path) -> None:
    assert not list(overridden.rglob("*.j2"))


def test_without_a_custom_dir_the_engines_templates_fill_the_page(tmp_path: Path) -> None:
    site = new_site(tmp_path / "oma")
    stray = site / "overrides" / "projectsite"
    stray.mkdir(parents=True)
    (stray / "trainings.md.j2").write_text(OWN_TRAININGS, encoding="utf-8")  # no custom_dir: not the site's theme
    result = build(site)
    assert result.returncode == 0, result.stderr
    assert 'class="own-training"' not in (site / "site" / "trainings" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("template", "error"),
    [
        ("{% for t in trainings %}\n{{ t.title }}\n", "TemplateSyntaxError"),
        ("{% for t in trainings %}\n{{ t.nope.deeper }}\n{% endfor %}\n", "UndefinedError"),
    ],
    ids=["syntax", "undefined"],
)
def test_a_broken_template_of_the_site_stops_the_build_with_its_file_and_line(
    tmp_path: Path, template: str, error: str
) -> None:
    site = new_site(tmp_path / "oma")
    (_with_custom_dir(site) / "trainings.md.j2").write_text(template, encoding="utf-8")
    result = build(site)
    assert result.returncode != 0
    assert f"overrides/projectsite/trainings.md.j2:2: the site's data template stopped the build: {error}" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_under_serve_an_edit_of_the_sites_template_fills_its_pages_again(project: Project) -> None:
    preview = Preview(project)
    config = project.root / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("  name: material\n", "  name: material\n  custom_dir: overrides\n", 1),
        "utf-8",
    )
    own = project.root / "overrides" / "projectsite" / "trainings.md.j2"
    own.parent.mkdir(parents=True)
    own.write_text(OWN_TRAININGS, encoding="utf-8")
    with preview:
        preview.wait_for_page("en/trainings/", 'class="own-training"')
        own.write_text(OWN_TRAININGS.replace("own-training", "own-training-edited"), encoding="utf-8")
        # Another page's save rebuilds (serve watches a theme only with --watch-theme).
        page = project.root / "docs" / "en" / "contacts.md"
        page.write_text(page.read_text("utf-8") + "\n", encoding="utf-8")
        preview.wait_for_page("en/trainings/", 'class="own-training-edited"')
