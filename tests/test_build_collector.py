"""During a build Python's cycle collector runs less often (projectsite/mkdocs/collector.py, issue #21), and
afterwards the process has its own thresholds back."""

from __future__ import annotations

import gc

import pytest
from conftest import Project

from projectsite.mkdocs import collector


def test_a_build_collects_less_often_and_gives_the_process_its_thresholds_back(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_to: list[tuple[int, ...]] = []
    real = gc.set_threshold

    def recorded(*thresholds: int) -> None:
        set_to.append(thresholds)
        real(*thresholds)

    monkeypatch.setattr(gc, "set_threshold", recorded)
    before = gc.get_threshold()
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert set_to == [collector.THRESHOLDS, before]
    assert gc.get_threshold() == before
