"""The publishing workflow parses, runs when it should, and calls only commands the project has."""

from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path
from typing import Any

import yaml

from projectsite.cli import parser

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def workflow() -> dict[Any, Any]:  # YAML 1.1 reads the key `on` as True: not every key is a string
    loaded: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def steps() -> list[dict[str, Any]]:
    return [step for job in workflow()["jobs"].values() for step in job["steps"]]


def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE))


def test_it_runs_on_push_to_main_on_pull_requests_and_every_morning() -> None:
    triggers = workflow()[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"] and "pull_request" in triggers
    _minute, hour, *_ = triggers["schedule"][0]["cron"].split()
    assert 3 <= int(hour) + 2 <= 7 and 3 <= int(hour) + 3 <= 7  # early morning in Tallinn, winter and summer


def test_every_action_is_pinned_to_a_release() -> None:
    used = [step["uses"] for step in steps() if "uses" in step]
    assert used and all(re.fullmatch(r"[\w-]+/[\w-]+@v\d+\.\d+\.\d+", action) for action in used), used


def test_deploying_to_pages_happens_only_from_main_and_never_for_pull_requests() -> None:
    deploy = workflow()["jobs"]["deploy"]
    assert "pull_request" in deploy["if"] and "refs/heads/main" in deploy["if"]
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])
    preview = next(s for s in steps() if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert preview["if"] == "github.event_name == 'pull_request'"


def test_every_command_it_runs_exists_in_the_project() -> None:
    commands = [shlex.split(step["run"]) for step in steps() if "run" in step]
    [subparsers] = [a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)]
    subcommands = set(subparsers.choices)
    for words in commands:
        if words[0] == "make":
            assert words[1] in make_targets(), words
        elif words[0].endswith("/projectsite"):
            assert words[1] in subcommands, words
            parser().parse_args(words[1:])  # the flags exist too
        else:
            raise AssertionError(f"unexpected command {words}")
    assert ["make", "build"] in commands and ["make", "test-site"] in commands


def test_the_data_check_reports_as_github_annotations() -> None:
    check = next(s for s in steps() if "projectsite" in s.get("run", ""))
    assert "--format github" in check["run"]


def test_a_job_builds_both_sites_on_the_fork_and_compares_the_cores_without_holding_up_publishing() -> None:
    jobs = workflow()["jobs"]
    fork = jobs["fork"]
    runs = [step["run"] for step in fork["steps"] if "run" in step]
    assert runs == ["make fork-env", "make build-fork", "make test-fork"]
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nbuild-fork:", 1)[1].split("\n\n", 1)[0]
    assert "properdocs build --strict" in recipe and "examples/laane-viru" in recipe  # both sites, strictly
    checkout = next(s for s in fork["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the pages' dates come from git, as in the build job
    assert fork["if"] == "github.event_name != 'schedule'"
    assert jobs["deploy"]["needs"] == "build" and "permissions" not in fork
    assert not any(s.get("uses", "").startswith(("actions/deploy-pages@", "actions/upload")) for s in fork["steps"])


ENGINE_WORKFLOW = ROOT / ".github" / "workflows" / "engine.yml"


def engine_workflow() -> dict[Any, Any]:
    loaded: dict[Any, Any] = yaml.safe_load(ENGINE_WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def test_the_engines_suite_runs_without_the_sites_content_and_only_on_changes_to_the_engine() -> None:
    runs = [step["run"] for step in engine_workflow()["jobs"]["engine"]["steps"] if "run" in step]
    assert runs[0] == "rm -rf data docs"  # before any test: no content decides whether the engine passes
    assert [run.split()[1] for run in runs[1:]] == ["lint", "test-engine"]
    assert {"lint", "test-engine"} <= make_targets()
    for trigger in ("push", "pull_request"):
        paths = engine_workflow()[True][trigger]["paths"]
        assert "projectsite/**" in paths and not any(p.startswith(("data", "docs")) for p in paths)


def test_the_engines_tests_leave_out_the_sites_own() -> None:
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\ntest-engine:", 1)[1].split("\n\n", 1)[0]
    assert "--ignore=tests/site" in recipe
