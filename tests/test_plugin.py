"""The engine reaches MkDocs as one plugin: registered, with validated settings, and no state outside a build."""

from __future__ import annotations

import ast
from importlib.metadata import entry_points
from pathlib import Path

from conftest import Project

PACKAGE = Path(__file__).resolve().parent.parent / "projectsite"
EMPTY_CONTAINERS = ("dict", "list", "set", "defaultdict", "OrderedDict", "Counter")


def set_plugin(project: Project, line: str) -> None:
    """Replaces the `- projectsite` line of the site's plugins."""
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  - projectsite\n" in config
    (project.root / "mkdocs.yml").write_text(config.replace("\n  - projectsite\n", f"\n{line}\n"), encoding="utf-8")


def test_the_plugin_is_registered_for_mkdocs() -> None:
    [entry] = [e for e in entry_points(group="mkdocs.plugins") if e.name == "projectsite"]
    from projectsite.mkdocs.plugin import ProjectsitePlugin

    assert entry.load() is ProjectsitePlugin


def test_a_wrong_setting_is_refused_with_its_name(project: Project) -> None:
    set_plugin(project, "  - projectsite:\n      feeds: perhaps")
    result = project.build()
    assert result.returncode != 0
    assert "plugins.projectsite.feeds" in result.stderr or "'feeds'" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_setting_is_refused(project: Project) -> None:
    set_plugin(project, "  - projectsite:\n      feed: false")
    result = project.build()
    assert result.returncode != 0  # --strict: MkDocs' warning about the unknown option fails the build
    assert "feed" in result.stderr


def test_feeds_can_be_turned_off(project: Project) -> None:
    set_plugin(project, "  - projectsite:\n      feeds: false")
    result = project.build(strict=False)
    assert result.returncode == 0, result.stderr
    assert (project.root / "site" / "index.html").is_file()
    assert not (project.root / "site" / "feed.xml").exists()


def test_the_order_of_the_plugins_does_not_matter(project: Project) -> None:
    set_plugin(project, "")
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    (project.root / "mkdocs.yml").write_text(
        config.replace("plugins:\n", "plugins:\n  - projectsite\n"), encoding="utf-8"
    )
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert 'lang="en"' in project.html("en/events/avaseminar-2022/index.html")
    assert "LÕIM opening seminar" in project.html("en/events/avaseminar-2022/index.html")
    assert 'lang="en"' in project.html("en/404.html") and 'lang="et"' in project.html("404.html")


def _module_level_containers(path: Path) -> list[str]:
    """Module-level names bound to an empty dict, list or set: state that outlives a build."""
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        empty_display = isinstance(value, (ast.Dict, ast.List, ast.Set)) and not (
            getattr(value, "keys", None) or getattr(value, "elts", None)
        )
        empty_call = (
            isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in EMPTY_CONTAINERS
        )
        if empty_display or empty_call:
            found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    return found


def test_no_module_keeps_state_between_builds() -> None:
    modules = sorted(PACKAGE.rglob("*.py")) + sorted((PACKAGE.parent / "hooks").glob("*.py"))
    assert len(modules) > 20
    assert [found for path in modules for found in _module_level_containers(path)] == []


def test_the_state_checker_finds_a_module_level_cache(tmp_path: Path) -> None:
    planted = PACKAGE / "mkdocs" / "_planted_for_test.py"
    planted.write_text("_cache: dict[str, int] = {}\n", encoding="utf-8")
    try:
        assert _module_level_containers(planted) == ["projectsite/mkdocs/_planted_for_test.py:1"]
    finally:
        planted.unlink()


def test_only_the_plugin_imports_mkdocs() -> None:
    importers = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and node.level == 0
                else []
            )
            if any(n == "mkdocs" or n.startswith("mkdocs.") for n in names):
                importers.append(path.relative_to(PACKAGE).parts[0])
    assert importers and set(importers) == {"mkdocs"}
