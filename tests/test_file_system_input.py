"""The file system as input: links out of the project or into .git/, files with addresses, pages not UTF-8."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import Project
from pages import soup

SECRET = "SECRET-TOKEN-4711"


def _published(project: Project) -> str:
    site = project.root / "site"
    return "".join(p.read_bytes().decode("utf-8", "replace") for p in site.rglob("*") if p.is_file())


def _outside_file(project: Project) -> Path:
    secret = project.root.parent / "outside.txt"
    secret.write_text(f"token={SECRET}\n", encoding="utf-8")
    return secret


def test_a_link_out_of_the_project_fails_the_build_by_name(project: Project) -> None:
    (project.root / "docs/et/notes.txt").symlink_to(_outside_file(project))
    result = project.build()
    assert result.returncode == 1 and "docs/et/notes.txt" in result.stderr and "Traceback" not in result.stderr
    assert SECRET not in result.stderr + result.stdout


def test_a_link_out_of_the_project_is_never_published(project: Project) -> None:
    (project.root / "docs/et/notes.txt").symlink_to(_outside_file(project))
    project.build(strict=False)
    assert not (project.root / "site").exists() or SECRET not in _published(project)


def test_a_link_into_git_is_named_by_check(project: Project) -> None:
    (project.root / ".git").mkdir()
    (project.root / ".git/config").write_text(f"[http]\nextraheader = {SECRET}\n", encoding="utf-8")
    (project.root / "docs/en/config.md").symlink_to(project.root / ".git/config")
    result = project.check("--lang", "en")
    assert result.returncode == 1 and "docs/en/config.md" in result.stdout and SECRET not in result.stdout


def test_a_linked_folder_out_of_the_project_is_named_by_check(project: Project) -> None:
    _outside_file(project)
    (project.root / "docs/en/elsewhere").symlink_to(project.root.parent)
    result = project.check("--lang", "en")
    assert result.returncode == 1 and "docs/en/elsewhere: a symbolic link" in result.stdout


def test_a_link_out_of_overrides_is_named_by_check(project: Project) -> None:
    (project.root / "overrides").mkdir(exist_ok=True)
    (project.root / "overrides/main.html").symlink_to(_outside_file(project))
    result = project.check("--lang", "en")
    assert result.returncode == 1 and "overrides/main.html: a symbolic link" in result.stdout


def test_a_data_file_linked_into_git_is_not_read(project: Project) -> None:
    (project.root / ".git").mkdir()
    (project.root / ".git/config").write_text(f"- id: {SECRET}\n", encoding="utf-8")
    (project.root / "data/events.yaml").unlink()
    (project.root / "data/events.yaml").symlink_to(project.root / ".git/config")
    result = project.check("--lang", "en")
    assert result.returncode == 1 and "data/events.yaml" in result.stdout and SECRET not in result.stdout


def test_a_file_with_addresses_is_not_published(project: Project) -> None:
    project.write("docs/en/subscribers.csv", "email\nmari@example.org\n")
    result = project.build(strict=False)
    assert result.returncode == 0, result.stderr
    assert "docs/en/subscribers.csv" in result.stderr
    assert not list((project.root / "site").rglob("subscribers.csv"))


def test_a_file_with_addresses_fails_the_strict_build(project: Project) -> None:
    project.write("docs/et/list.sqlite", "x")
    result = project.build()
    assert result.returncode == 1 and "docs/et/list.sqlite" in result.stderr


def test_check_names_a_prose_page_that_is_not_utf8(project: Project) -> None:
    (project.root / "docs/et/media.md").write_bytes(b"---\ntitle: M\n---\n\n# M\n\nK\xf5ik\n")
    result = project.check("--lang", "en")
    assert result.returncode == 1 and "docs/et/media.md:7:" in result.stdout


def test_a_prose_page_that_is_not_utf8_ends_the_build_with_a_message(project: Project) -> None:
    (project.root / "docs/et/media.md").write_bytes(b"---\ntitle: M\n---\n\n# M\n\nK\xf5ik\n")
    result = project.build()
    assert result.returncode == 1 and "docs/et/media.md:7:" in result.stderr and "Traceback" not in result.stderr


def test_the_themes_files_are_published_from_wherever_the_theme_is_installed(project: Project) -> None:
    """The tests' environment lies outside the project's folder, as a site's may: every script and stylesheet the
    page loads from the site (Material's bundle, the engine's styles) is there all the same."""
    assert not (Path(sys.prefix).resolve()).is_relative_to(project.root.resolve())
    result = project.build()
    assert result.returncode == 0, result.stderr
    page = soup(project.root / "site", "index.html")
    loaded = [str(s["src"]) for s in page.find_all("script", src=True)]
    loaded += [str(link["href"]) for link in page.find_all("link", rel="stylesheet")]
    local = [rel for rel in loaded if "://" not in rel and not rel.startswith("//")]
    assert any("assets/javascripts/bundle." in rel for rel in local), local
    missing = [rel for rel in local if not (project.root / "site" / rel.split("?")[0]).is_file()]
    assert not missing, missing
