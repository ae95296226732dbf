"""Packaging as the ecosystem does it: ranges in pyproject.toml, the exact versions in constraints.txt (which every
install of the Makefile uses), and Mailchimp's client as an extra."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from projectsite.newsletter.backends import backend
from projectsite.newsletter.backends_base import BackendUnavailable
from projectsite.newsletter.settings import Settings

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _constraints() -> dict[str, str]:
    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    pins = [Requirement(line) for line in lines if line and not line.startswith("#")]
    return {canonicalize_name(pin.name): str(pin.specifier).removeprefix("==") for pin in pins}


@pytest.mark.parametrize("line", PROJECT["dependencies"])
def test_a_runtime_dependency_is_a_range_that_the_pinned_version_satisfies(line: str) -> None:
    requirement = Requirement(line)
    assert not any(spec.operator == "==" for spec in requirement.specifier), line
    assert any(spec.operator == ">=" for spec in requirement.specifier), line
    pinned = _constraints()[canonicalize_name(requirement.name)]
    assert requirement.specifier.contains(pinned), (line, pinned)


def test_every_line_of_the_constraints_is_one_exact_version() -> None:
    lines = [x for x in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines() if x and x[0] != "#"]
    assert len(lines) > 40
    assert all(len(Requirement(x).specifier) == 1 and str(Requirement(x).specifier).startswith("==") for x in lines)


def test_mailchimps_client_is_an_extra_and_not_a_dependency() -> None:
    names = {canonicalize_name(Requirement(d).name) for d in PROJECT["dependencies"]}
    assert "mailchimp-marketing" not in names
    assert [Requirement(x).name for x in PROJECT["optional-dependencies"]["mailchimp"]] == ["mailchimp-marketing"]


def test_every_install_of_the_makefile_uses_the_constraints() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = [line for line in makefile.splitlines() if "pip install" in line and "--upgrade pip" not in line]
    assert installs and all("-c constraints.txt" in line or "$(PIP_INSTALL)" in line for line in installs)
    assert makefile.count("$(PIP_INSTALL) -e") == 3


def test_the_mailchimp_backend_without_its_library_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAILCHIMP_API_KEY", "key-us1")
    monkeypatch.setenv("MAILCHIMP_LIST_ID", "list")
    monkeypatch.setitem(sys.modules, "mailchimp_marketing", None)  # as if it were not installed
    monkeypatch.delitem(sys.modules, "projectsite.newsletter.mailchimp", raising=False)
    with pytest.raises(BackendUnavailable) as refused:
        backend("mailchimp", tmp_path, Settings("https://example.ee/", "LÕIM", "lota.vana@vorumaa.ee", ""))
    assert "pip install 'projectsite[mailchimp]'" in refused.value.message.text("en")
