"""A property of every site: any valid editor change (random events, posts, media and team added, removed,
reordered and edited; dates past and future; one-language texts) keeps the check, the strict build and every
check of what holds for any content passing. So a correct content edit never stops publishing."""

from __future__ import annotations

import tempfile
from pathlib import Path

import any_content
import pytest
from editor_edits import Edit, editor_edits
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from site_build import SITES, check_and_build, copy_site


def _problems_after(name: str, edits: list[Edit]) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        root = copy_site(SITES[name], Path(folder) / name)
        for edit in edits:
            edit(root)
        built = check_and_build(root)
        if built.check.returncode != 0 or built.build.returncode != 0:
            return [built.check.stdout + built.check.stderr + built.build.stderr]
        return [problem for check in any_content.EVERY_CHECK for problem in check(built.sources, built.site)]


@pytest.mark.parametrize("name", sorted(SITES))
# No shrinking: each example is a whole build, and the failing edits are printed as they are.
@settings(
    max_examples=6,
    derandomize=True,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_valid_editor_change_keeps_every_site_check_passing(name: str, data: st.DataObject) -> None:
    edits = data.draw(editor_edits(SITES[name]))
    assert _problems_after(name, edits) == []
