"""The preview (`mkdocs serve`) with input it cannot read: a page that is not UTF-8, a mkdocs.yml that does not load.

Every such save gets the problems page at every address (never a held request), the server keeps running, and the
next good save brings the site back. Every wait has a deadline, so a hung server fails the test instead of blocking.
"""

from __future__ import annotations

import os
import subprocess
import time

from bs4 import BeautifulSoup
from conftest import BIN, Project
from serving import Preview, free_port

PAGE = "docs/et/contacts.md"  # its line 8, "Projekti meeskond. Küsimuste ...", is the first with a letter outside ASCII
PAGE_TEXT = "Küsimuste korral kirjuta"
ADDRESSES = ("", "contacts/", "en/project/")  # the home page, the page itself, another language's page
YAML_ERROR = ("site_name: LÕIM\n", "site_name: LÕIM: x\n")  # line 2: "mapping values are not allowed here"


def page_text(body: bytes) -> str:
    return " ".join(BeautifulSoup(body, "html.parser").get_text(" ").split()).replace(" :", ":")


def first_section(body: bytes) -> tuple[str, str]:
    """The problems page's first section (the editor's language): its lang and its text."""
    section = BeautifulSoup(body, "html.parser").find("section")
    assert section is not None, body
    return str(section.get("lang")), page_text(str(section).encode())


def wait_for_text(preview: Preview, path: str, text: str, timeout: float = 60) -> bytes:
    """The body once it shows `text`, whatever the status (the problems page answers as the 404 page)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        _, body = preview.get(path)  # a request the server holds fails after its own 10 s
        if text in page_text(body):
            return body
        time.sleep(0.02)
    raise AssertionError(f"{path!r} never showed {text!r}:\n{preview.log()}")


def save_windows_1257(project: Project, rel: str) -> None:
    path = project.root / rel
    path.write_bytes(path.read_text(encoding="utf-8").encode("windows-1257"))


def save_utf8_again(project: Project, rel: str) -> None:
    path = project.root / rel
    path.write_text(path.read_bytes().decode("windows-1257") + "\nParandatud.\n", encoding="utf-8")


def break_config(project: Project) -> None:
    path = project.root / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[1] + "\n" == YAML_ERROR[0]
    path.write_text(text.replace(*YAML_ERROR, 1), encoding="utf-8")


def fix_config(project: Project) -> None:
    path = project.root / "mkdocs.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(YAML_ERROR[1], YAML_ERROR[0], 1), encoding="utf-8")


def test_a_page_saved_as_windows_1257_shows_the_problems_page_in_the_editors_language(project: Project) -> None:
    with Preview(project, locale="et_EE.UTF-8") as preview:
        preview.wait_for_page("contacts/", PAGE_TEXT)
        save_windows_1257(project, PAGE)
        for path in ADDRESSES:
            body = wait_for_text(preview, path, f"{PAGE}:8: fail ei ole UTF-8 tekst")
            lang, text = first_section(body)
            assert lang == "et" and "Saiti ei ehitatud" in text, text
        assert f"{PAGE}:8: the file is not UTF-8 text" in page_text(body)  # the site's other language after it


def test_a_page_saved_as_utf8_again_brings_the_site_back(project: Project) -> None:
    with Preview(project) as preview:
        preview.wait_for_page("contacts/", PAGE_TEXT)
        save_windows_1257(project, PAGE)
        wait_for_text(preview, "contacts/", f"{PAGE}:8: the file is not UTF-8 text")
        save_utf8_again(project, PAGE)
        body = preview.wait_for_page("contacts/", "Parandatud.")
        assert PAGE_TEXT in body.decode() and "not UTF-8" not in page_text(body)


def test_a_page_not_utf8_when_serve_starts_shows_the_problems_page(project: Project) -> None:
    save_windows_1257(project, PAGE)
    with Preview(project) as preview:
        for path in ADDRESSES:
            wait_for_text(preview, path, f"{PAGE}:8: the file is not UTF-8 text", timeout=10)


def test_a_page_replaced_by_a_broken_link_shows_the_problems_page(project: Project) -> None:
    with Preview(project) as preview:
        preview.wait_for_page("contacts/", PAGE_TEXT)
        path = project.root / PAGE
        path.unlink()
        path.symlink_to("kontaktid-vana.md")  # inside the project, to a file that is not there
        wait_for_text(preview, "contacts/", f"{PAGE}: the file cannot be read")


def test_a_syntax_error_in_mkdocs_yml_shows_its_file_and_line_at_every_address(project: Project) -> None:
    with Preview(project) as preview:
        preview.wait_for_page("contacts/", PAGE_TEXT)
        break_config(project)
        for path in ADDRESSES:
            body = wait_for_text(preview, path, "mkdocs.yml:2:")
            assert "mapping values are not allowed here" in page_text(body), path
        assert preview.process is not None and preview.process.poll() is None  # still serving


def test_the_terminal_says_the_mkdocs_yml_problem_at_every_save_without_a_traceback(project: Project) -> None:
    with Preview(project) as preview:
        preview.wait_for_page("contacts/", PAGE_TEXT)
        for save in (1, 2):
            break_config(project) if save == 1 else (project.root / "mkdocs.yml").touch()
            output = preview.wait_for_log("mkdocs.yml:2: MkDocs cannot load the configuration", times=save)
    assert "Traceback" not in output and "appear stuck" not in output


def test_mkdocs_yml_fixed_while_serving_brings_the_site_back(project: Project) -> None:
    with Preview(project) as preview:
        preview.wait_for_page("contacts/", PAGE_TEXT)
        break_config(project)
        wait_for_text(preview, "contacts/", "mkdocs.yml:2:")
        fix_config(project)
        body = preview.wait_for_page("contacts/", PAGE_TEXT)
        assert "mkdocs.yml:2:" not in page_text(body)


def test_mkdocs_yml_saved_as_windows_1257_names_its_line(project: Project) -> None:
    with Preview(project) as preview:
        preview.wait_for_page("contacts/", PAGE_TEXT)
        path = project.root / "mkdocs.yml"
        line = YAML_ERROR[0].encode()
        path.write_bytes(path.read_bytes().replace(line, line.decode().encode("windows-1257"), 1))
        wait_for_text(preview, "contacts/", "mkdocs.yml:2: the file is not UTF-8 text")


def test_mkdocs_yml_deleted_while_serving_is_named_on_the_problems_page(project: Project) -> None:
    with Preview(project) as preview:
        preview.wait_for_page("contacts/", PAGE_TEXT)
        (project.root / "mkdocs.yml").unlink()
        wait_for_text(preview, "contacts/", "mkdocs.yml: the configuration file does not exist")


def test_mkdocs_yml_put_back_brings_the_site_back(project: Project) -> None:
    with Preview(project) as preview:
        preview.wait_for_page("contacts/", PAGE_TEXT)
        path = project.root / "mkdocs.yml"
        text = path.read_bytes()
        path.unlink()
        wait_for_text(preview, "contacts/", "mkdocs.yml: the configuration file does not exist")
        path.write_bytes(text)
        preview.wait_for_page("contacts/", PAGE_TEXT)


def test_a_template_error_in_a_theme_override_shows_its_file_and_line(project: Project) -> None:
    config = project.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  name: material\n", "  name: material\n  custom_dir: overrides\n", 1
        ),
        encoding="utf-8",
    )
    project.write("overrides/main.html", '{% extends "base.html" %}\n')
    with Preview(project) as preview:
        preview.wait_for_page("contacts/", PAGE_TEXT)
        project.write("overrides/main.html", '{% extends "base.html" %}\n{% if %}\n')
        (project.root / PAGE).touch()  # serve watches the theme only with --watch-theme: a page's save rebuilds
        body = wait_for_text(preview, "contacts/", "overrides/main.html:2: the site's build stopped")
        assert "TemplateSyntaxError" in page_text(body)


def test_a_setting_mkdocs_rejects_shows_the_problems_page(project: Project) -> None:
    with Preview(project) as preview:
        preview.wait_for_page("contacts/", PAGE_TEXT)
        path = project.root / "mkdocs.yml"
        path.write_text(path.read_text(encoding="utf-8") + "nav: 5\n", encoding="utf-8")
        body = wait_for_text(preview, "contacts/", "mkdocs.yml: MkDocs cannot load the configuration")
        assert "nav" in page_text(body)


def test_serve_started_with_a_syntax_error_in_mkdocs_yml_ends_with_its_file_and_line(project: Project) -> None:
    break_config(project)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LANG": "C.UTF-8"}
    ended = subprocess.run(
        [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{free_port()}"],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ended.returncode != 0
    assert "mkdocs.yml" in ended.stderr and "line 2" in ended.stderr, ended.stderr
    assert "Traceback" not in ended.stderr + ended.stdout
