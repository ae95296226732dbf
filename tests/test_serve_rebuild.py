"""Under `mkdocs serve`, a rebuild keeps what did not change, and its output is exactly a clean build's."""

from __future__ import annotations

import gzip
import re
import shutil

from conftest import Project
from serving import Preview

from projectsite.mkdocs.engine_theme import THEME_DIR

# What differs between any two builds: the moment of the build.
BUILD_TIME = re.compile(rb"^DTSTAMP:.*$|<lastBuildDate>.*?</lastBuildDate>", re.MULTILINE)


def normalized(rel: str, body: bytes) -> bytes:
    return BUILD_TIME.sub(b"", gzip.decompress(body) if rel.endswith(".gz") else body)


def edit(project: Project, rel: str, old: str, new: str) -> None:
    path = project.root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_rebuild_after_edits_writes_what_a_clean_build_writes(project: Project) -> None:
    preview = Preview(project, verbose=True)
    edit(project, "mkdocs.yml", "site_url: https://loim.example.org/", f"site_url: {preview.url}")  # as serve sets it
    # The site overrides the engine's main template with its own copy (theme.custom_dir).
    edit(project, "mkdocs.yml", "  name: material\n", "  name: material\n  custom_dir: overrides\n")
    (project.root / "overrides").mkdir(exist_ok=True)
    shutil.copy(THEME_DIR / "main.html", project.root / "overrides" / "main.html")
    with preview:
        edit(project, "data/events.yaml", "en: LÕIM opening seminar", "en: LÕIM opening seminar, edited")
        preview.wait_for_page("en/events/avaseminar-2022/", "LÕIM opening seminar, edited")
        edit(project, "docs/en/project.md", "title: About the project", "title: About the project, edited")
        preview.wait_for_page("en/project/", "About the project, edited")
        # A theme override changed too (serve watches it only with --watch-theme: a page's save rebuilds).
        edit(project, "overrides/main.html", '<meta charset="utf-8">', '<meta charset="utf-8"><meta name="edited">')
        edit(project, "docs/et/contacts.md", "\n", "\nMuudetud lause.\n")
        preview.wait_for_page("contacts/", "Muudetud lause.")
        preview.wait_for_page("en/project/", '<meta name="edited">')
        output = preview.log()
        assert re.search(r"[1-9]\d* of \d+ pages unchanged since the last rebuild \(en\)", output), output
        built = project.build(today=preview.today, strict=False)
        assert built.returncode == 0, built.stderr
        site = project.root / "site"
        files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
        assert len(files) > 100
        for rel in files:
            status, served = preview.get(rel)
            assert status == 200, rel
            assert normalized(rel, served) == normalized(rel, (site / rel).read_bytes()), rel
