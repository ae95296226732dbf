"""The sites' tests: each runs on every site of the repository, built once per module."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_build import SITES, BuiltSite, check_and_build, copy_site


@pytest.fixture(scope="module", params=sorted(SITES))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    name: str = request.param
    root: Path = copy_site(SITES[name], tmp_path_factory.mktemp(name) / "site-sources")
    return check_and_build(root)
