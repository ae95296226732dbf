"""The preview (`mkdocs serve`) with broken data: it answers with the problems, says them every time, recovers."""

from __future__ import annotations

import re
import threading
import urllib.request

import pytest
from bs4 import BeautifulSoup
from conftest import Project
from playwright.sync_api import Browser
from serving import Preview

BAD_EVENT = """
- id: a
  title: A
  start: 2022-06-14
  end: 2022-06-13
"""
GOOD_EVENT = BAD_EVENT.replace("end: 2022-06-13", "end: 2022-06-15")
PROBLEM = "data/events.yaml:4: events[0].end: ends 2022-06-13, before its start 2022-06-14"


def page_text(body: bytes) -> str:
    return " ".join(BeautifulSoup(body, "html.parser").get_text(" ").split()).replace(" :", ":")


def test_broken_data_is_shown_in_the_browser_instead_of_a_hung_page(project: Project) -> None:
    project.replace_events(BAD_EVENT)
    with Preview(project) as preview:
        for path in ("", "en/events/", "assets/projectsite.css"):
            _, body = preview.get(path)  # times out (and fails) if the server holds the request
            assert PROBLEM in page_text(body), path
        assert "Fix the file and save it" in page_text(body)
        assert "lõpeb 2022-06-13, enne algust 2022-06-14" in page_text(body)  # and in Estonian


def test_a_fix_reloads_the_error_page_by_itself(project: Project) -> None:
    project.replace_events(BAD_EVENT)
    with Preview(project) as preview:
        _, body = preview.get("")
        found = re.search(rb"\}\)\((\d+)\);", body)
        assert found is not None, body
        epoch = int(found[1])  # the page's script waits for a build after this
        answer: list[bytes] = []
        waiting = threading.Thread(
            target=lambda: answer.append(
                urllib.request.urlopen(f"{preview.url}livereload/{epoch}/1", timeout=60).read()
            )
        )
        waiting.start()
        project.write("data/events.yaml", GOOD_EVENT)
        waiting.join(timeout=60)
        assert answer and int(answer[0]) > epoch  # the script's condition to reload
        status, body = preview.get("en/events/a/")
        assert status == 200 and b'<article class="md-content__inner' in body  # the site again
        assert PROBLEM not in page_text(body)


def test_every_failed_rebuild_prints_its_problems(project: Project) -> None:
    project.replace_events(BAD_EVENT)
    with Preview(project) as preview:
        preview.wait_for_log(PROBLEM, times=1)
        for save in (2, 3):
            project.write("data/events.yaml", BAD_EVENT + f"# saved again {save}\n")
            preview.wait_for_log(PROBLEM, times=save)
        project.write("data/events.yaml", GOOD_EVENT)
        preview.wait_for_log("Reloading browsers", times=3)
        project.write("data/events.yaml", BAD_EVENT)  # the same mistake, made again after the fix
        output = preview.wait_for_log(PROBLEM, times=4)
    assert "Traceback" not in output and "appear stuck" not in output


def test_the_terminal_while_failing_shows_only_the_problems(project: Project) -> None:
    project.replace_events(BAD_EVENT)
    with Preview(project) as preview:
        preview.get("en/events/")
        output = preview.wait_for_log(PROBLEM)
    assert "homepage" not in output and "code 404" not in output
    assert "WARNING" not in output


@pytest.mark.browser
def test_an_open_tab_goes_from_the_site_to_the_problems_and_back_by_itself(project: Project, browser: Browser) -> None:
    project.replace_events(GOOD_EVENT)
    with Preview(project) as preview:
        tab = browser.new_page()
        tab.goto(preview.url + "en/events/a/")
        project.write("data/events.yaml", BAD_EVENT)
        tab.wait_for_function("document.body?.innerText.includes('events[0].end')", timeout=30_000)
        project.write("data/events.yaml", GOOD_EVENT)
        # while the page reloads there is a moment without a body: wait for the page itself
        tab.wait_for_function(
            "document.querySelector('article h1') && !document.body.innerText.includes('events[0].end')",
            timeout=30_000,
        )
        assert tab.locator("article h1").inner_text() == "A"
        tab.close()
