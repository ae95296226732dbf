"""The LÕIM site's own hook, hooks/redirects.py: a page at each old address listed in hooks/redirects.yaml.

The valid redirects are built into a copy of the shipped site, with the engine, as `make build` builds it; the
hostile ones into a small two-language site written here, with the site's hooks/ folder and no engine, which is
faster and shows that the hook needs nothing of the engine's plugin."""

from __future__ import annotations

import os
import re
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from inprocess import mkdocs
from site_build import SITES, BuiltSite, check_and_build, copy_site

HOOKS = SITES["loim"] / "hooks"

VALID = """
- from: /sundmused/
  to: /events/
- from: vana/projekt.html
  to: /en/project/
- from: /koolitused
  to: /trainings/
"""


@pytest.fixture(scope="module")
def with_redirects(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The shipped LÕIM site with three old addresses, checked and built strictly once for the module."""
    root = copy_site(SITES["loim"], tmp_path_factory.mktemp("redirects") / "site-sources")
    (root / "hooks" / "redirects.yaml").write_text(VALID.lstrip(), encoding="utf-8")
    return check_and_build(root)


def test_the_strict_build_with_redirects_passes(with_redirects: BuiltSite) -> None:
    assert with_redirects.build.returncode == 0, with_redirects.build.stderr


def test_an_old_address_leads_to_its_page_in_the_pages_language(with_redirects: BuiltSite) -> None:
    page = (with_redirects.site / "sundmused" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="et">' in page
    assert '<meta http-equiv="refresh" content="0; url=../events/">' in page
    assert '<link rel="canonical" href="https://loim.example.org/events/">' in page
    assert '<a href="../events/">https://loim.example.org/events/</a>' in page
    assert (with_redirects.site / "events" / "index.html").is_file()


def test_an_old_address_of_an_english_page_is_an_english_page(with_redirects: BuiltSite) -> None:
    page = (with_redirects.site / "vana" / "projekt.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in page
    assert "This page is now at" in page
    assert '<meta http-equiv="refresh" content="0; url=../en/project/">' in page


def test_an_old_address_without_a_slash_is_a_folder(with_redirects: BuiltSite) -> None:
    page = (with_redirects.site / "koolitused" / "index.html").read_text(encoding="utf-8")
    assert 'content="0; url=../trainings/"' in page


def test_each_redirect_page_is_written_once_at_its_old_address(with_redirects: BuiltSite) -> None:
    written = sorted(
        p.relative_to(with_redirects.site).as_posix()
        for p in with_redirects.site.rglob("*")
        if p.is_file() and "http-equiv" in p.read_text(encoding="utf-8", errors="replace")
    )
    assert written == ["koolitused/index.html", "sundmused/index.html", "vana/projekt.html"]


def test_a_redirect_page_runs_no_script_and_fetches_nothing(with_redirects: BuiltSite) -> None:
    page = (with_redirects.site / "sundmused" / "index.html").read_text(encoding="utf-8")
    assert "<script" not in page
    assert re.findall(r'\s(?:src|srcset)="', page) == []
    assert re.findall(r'<link\b[^>]*\brel="([^"]*)"', page) == ["canonical"]


# A small site: two languages, a home page and an events page in each, the site's own hooks/.
MKDOCS_YML = """
site_name: Redirects
site_url: https://example.org/
theme:
  name: material
  language: et
plugins:
  - i18n:
      docs_structure: folder
      reconfigure_material: true
      languages:
        - {locale: et, name: Eesti keeles, default: true, build: true}
        - {locale: en, name: English, build: true}
hooks:
  - hooks/redirects.py
"""


@dataclass
class SmallSite:
    root: Path

    @property
    def site(self) -> Path:
        return self.root / "site"

    def redirects(self, text: str) -> None:
        (self.root / "hooks" / "redirects.yaml").write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")

    def build(self, *flags: str) -> tuple[int, str]:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        args = ["build", "--strict", *flags, "-f", str(self.root / "mkdocs.yml"), "-d", str(self.site)]
        result = mkdocs(args, env=env, cwd=self.root)
        assert "Traceback" not in result.stderr, result.stderr
        return result.returncode, result.stderr


def small_site(where: Path) -> SmallSite:
    root = where / "project"
    root.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML.lstrip(), encoding="utf-8")
    for lang in ("et", "en"):
        (root / "docs" / lang).mkdir(parents=True)
        (root / "docs" / lang / "index.md").write_text(f"# {lang}\n", encoding="utf-8")
        (root / "docs" / lang / "events.md").write_text(f"# events {lang}\n", encoding="utf-8")
    (root / "hooks").mkdir()
    shutil.copy(HOOKS / "redirects.py", root / "hooks" / "redirects.py")
    return SmallSite(root)


# Each `from:` on its own line (2, 4, ...): every one must be refused, by its line.
HOSTILE_FROM = [
    "../outside/",
    "/../../outside/",
    "/a/../../outside/",
    "a/./b/",
    "..\\\\outside\\\\",
    "C:\\\\outside\\\\",
    "//evil.example/x/",
    "https://evil.example/x/",
    "/",
    "/events/",
    "/en/",
    "/index.html",
    "/x.php",
    "/a b/",
    "/a%2F..%2F..%2Foutside/",
    "/x?page_id=1",
    '/\\"><script>alert(1)</script>/',
    "/a\\u0000b/",
    "/a\\u202eb/",
]


@pytest.fixture(scope="module")
def hostile_from(tmp_path_factory: pytest.TempPathFactory) -> tuple[SmallSite, int, str, list[str]]:
    """A small site whose redirects file gives every hostile old address, built strictly once."""
    site = small_site(tmp_path_factory.mktemp("hostile-from"))
    site.redirects("".join(f'- from: "{old}"\n  to: /en/events/\n' for old in HOSTILE_FROM))
    before = sorted(str(p) for p in site.root.parent.rglob("*"))
    code, stderr = site.build()
    after = sorted(str(p) for p in site.root.parent.rglob("*") if not p.is_relative_to(site.site))
    new_outside = sorted(set(after) - set(before))
    return site, code, stderr, new_outside


def test_every_hostile_old_address_is_named_with_its_line_and_field(
    hostile_from: tuple[SmallSite, int, str, list[str]],
) -> None:
    _, code, stderr, _ = hostile_from
    assert code != 0
    named = {int(m) for m in re.findall(r"hooks/redirects\.yaml:(\d+): from: ", stderr)}
    assert named == {1 + 2 * i for i in range(len(HOSTILE_FROM))}, stderr


def test_a_hostile_old_address_writes_nothing_outside_the_built_site(
    hostile_from: tuple[SmallSite, int, str, list[str]],
) -> None:
    site, _, _, new_outside = hostile_from
    assert new_outside == []
    assert not (site.root.parent / "outside").exists()
    assert not (site.root.parent.parent / "outside").exists()


def test_a_hostile_old_address_replaces_no_page_of_the_site(
    hostile_from: tuple[SmallSite, int, str, list[str]],
) -> None:
    site, _, _, _ = hostile_from
    for page in ("index.html", "events/index.html", "en/index.html"):
        assert "http-equiv" not in (site.site / page).read_text(encoding="utf-8"), page


HOSTILE_TO = [
    "javascript:alert(1)",
    "JavaScript:alert(1)//",
    "https://evil.example/",
    "//evil.example/",
    "/../outside/",
    "../events/",
    "\\\\evil.example\\\\x",
    "/nothing/",
    "/events/x.ics",
    "/sitemap.xml",
    "/elsewhere/",  # an old address itself (the first entry's, written first): no chain of redirects
    '/events/\\" onload=\\"alert(1)',
    "/events/\\n",
]


def test_every_target_that_is_no_page_of_the_site_is_named_with_its_line_and_field(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    entries = "".join(f'- from: /old-{i}/\n  to: "{to}"\n' for i, to in enumerate(HOSTILE_TO))
    site.redirects("- from: /elsewhere/\n  to: /events/\n" + entries)
    code, stderr = site.build()
    assert code != 0
    named = {int(m) for m in re.findall(r"hooks/redirects\.yaml:(\d+): to: ", stderr)}
    assert named == {4 + 2 * i for i in range(len(HOSTILE_TO))}, stderr
    assert "hooks/redirects.yaml:4: to: 'javascript:alert(1)' is not an address of this site" in stderr
    assert "hooks/redirects.yaml:24: to: '/elsewhere/' is the old address on line 1" in stderr
    assert sorted(p.name for p in site.site.glob("old-*")) == []


def test_a_mistake_is_told_once_not_once_per_language(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    site.redirects("""
        - from: /old/
          to: /nothing/
    """)
    _, stderr = site.build()
    assert stderr.count("hooks/redirects.yaml:2: to: ") == 1, stderr


def test_a_redirect_to_an_english_page_is_written_after_the_english_pages(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    site.redirects("""
        - from: /old/
          to: /en/events/
    """)
    code, stderr = site.build()
    assert code == 0, stderr
    assert '<html lang="en">' in (site.site / "old" / "index.html").read_text(encoding="utf-8")
    assert not (site.site / "en" / "old").exists()


@pytest.mark.parametrize(
    ("text", "line", "field_and_why"),
    [
        ("- from: /a/\n  to: [/events/\n", 2, "(the file): the bracket ["),
        ("from: /a/\nto: /events/\n", 1, "(the file): a list of entries"),
        ("- /a/\n", 1, "entry 1: an entry is"),
        ("- from: /a/\n  to: /events/\n  lang: en\n", 1, "lang: an entry has exactly"),
        ("- from: /a/\n", 1, "to: an entry has exactly"),
        ("- from: /a/\n  to: /events/\n- from: /a\n  to: /en/events/\n", 3, "from: '/a' is listed on line 1"),
        ("- from: 12\n  to: /events/\n", 1, "from: an address is text"),
    ],
    ids=["not-yaml", "not-a-list", "not-an-entry", "unknown-field", "missing-field", "listed-twice", "a-number"],
)
def test_a_misshapen_file_is_named_with_its_line_and_field(
    tmp_path: Path, text: str, line: int, field_and_why: str
) -> None:
    site = small_site(tmp_path)
    (site.root / "hooks" / "redirects.yaml").write_text(text, encoding="utf-8")
    code, stderr = site.build()
    assert code != 0
    assert f"hooks/redirects.yaml:{line}: {field_and_why}" in stderr, stderr


def test_a_link_in_the_built_site_is_not_followed_out_of_it(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    site.site.mkdir()
    (site.site / "old").symlink_to(outside, target_is_directory=True)
    site.redirects("""
        - from: /old/new/
          to: /events/
    """)
    code, stderr = site.build("--dirty")
    assert code != 0
    assert "hooks/redirects.yaml:1: from: " in stderr, stderr
    assert list(outside.iterdir()) == []


def test_a_redirects_file_linked_out_of_the_project_is_not_read(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    secret = tmp_path / "secret.yaml"
    secret.write_text("- from: /old/\n  to: /events/\n", encoding="utf-8")
    (site.root / "hooks" / "redirects.yaml").symlink_to(secret)
    code, stderr = site.build()
    assert code != 0
    assert "hooks/redirects.yaml:1: (the file): " in stderr, stderr
    assert not (site.site / "old").exists()


def test_a_target_with_an_ampersand_and_a_quote_is_escaped_in_the_page(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    (site.root / "docs" / "et" / "r&d'x.md").write_text("# R&D\n", encoding="utf-8")
    site.redirects("""
        - from: /old/
          to: /r&d'x/
    """)
    code, stderr = site.build()
    assert code == 0, stderr
    page = (site.site / "old" / "index.html").read_text(encoding="utf-8")
    assert 'content="0; url=../r&amp;d&#x27;x/"' in page
    assert '<a href="../r&amp;d&#x27;x/">https://example.org/r&amp;d&#x27;x/</a>' in page
