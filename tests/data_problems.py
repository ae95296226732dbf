"""The problems one data file written in a test gets, as the editor reads them."""

from __future__ import annotations

from pathlib import Path

from projectsite.load import load_data_file


def problems_in(tmp_path: Path, name: str, text: str) -> list[str]:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / f"{name}.yaml").write_text(text.lstrip("\n"), encoding="utf-8")
    _, problems = load_data_file(tmp_path, name)
    return [str(p) for p in problems]


def only(problems: list[str]) -> str:
    assert len(problems) == 1, problems
    return problems[0]
