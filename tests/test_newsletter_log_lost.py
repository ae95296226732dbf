"""A send log that lost its entries (emptied by hand, a bad merge) on the outbox and SMTP backends: the sending
is found again in outbox/ and its journal, and goes on to those still without it; nobody gets it twice."""

from __future__ import annotations

import signal
import time
from collections import Counter

from conftest import Project
from newsletter_cli import newsletter
from test_newsletter import sent_files
from test_newsletter_once import ITEM, announce_process, log_path, many_readers, recipients


def test_a_sending_the_log_lost_is_not_repeated_by_the_outbox(project: Project) -> None:
    addresses = many_readers(project, 20)
    env = {"PROJECTSITE_TODAY": "2022-06-01"}
    assert newsletter(project.root, "announce", ITEM, "--send", env=env).returncode == 0
    log_path(project).write_text("", encoding="utf-8")  # every entry removed by hand
    again = newsletter(project.root, "announce", ITEM, "--send", env=env)
    assert again.returncode == 0, again.stdout + again.stderr
    assert recipients(project) == Counter(dict.fromkeys(addresses, 1))
    assert "status: sent" in log_path(project).read_text(encoding="utf-8")  # written again


def test_a_sending_killed_halfway_whose_log_was_lost_goes_on_to_the_rest_only(project: Project) -> None:
    addresses = many_readers(project, 200)
    killed = announce_process(project)
    deadline = time.monotonic() + 60
    while len(sent_files(project)) < 50:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=30)
    log_path(project).unlink()
    again = newsletter(project.root, "announce", ITEM, "--send", env={"PROJECTSITE_TODAY": "2022-06-01"})
    assert again.returncode == 0, again.stdout + again.stderr
    assert recipients(project) == Counter(dict.fromkeys(addresses, 1))
