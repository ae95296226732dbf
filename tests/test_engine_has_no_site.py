"""No site in the engine: no project's name, place, organiser, host or file name anywhere under projectsite/."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "projectsite"
SITES = [ROOT / "mkdocs.yml", *sorted((ROOT / "examples").glob("*/mkdocs.yml"))]


class _Tags(yaml.SafeLoader):
    """mkdocs.yml's own tags (!ENV) read as nothing: only the plain facts matter here."""


_Tags.add_multi_constructor("", lambda loader, suffix, node: None)  # type: ignore[no-untyped-call]  # PyYAML's stubs leave it untyped


def ascii_folded(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def site_facts(config_file: Path) -> set[str]:
    """What names one site: its short name, organiser, region, host and its own file names."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Tags)
    extra = (config.get("extra") or {}).get("projectsite") or {}
    facts = {
        (extra.get("organizer") or {}).get("name", ""),
        (extra.get("newsletter") or {}).get("from_name", ""),
        str(extra.get("region") or "").split(" ")[0],
        urlsplit(config.get("site_url") or "").hostname or "",
        Path(str(extra.get("share_image") or "")).name,
        Path(str(extra.get("funder_logo") or "")).name,
    }
    facts |= {ascii_folded(fact) for fact in facts}
    return {fact for fact in facts if len(fact) >= 3}


def engine_files() -> list[Path]:
    files = [
        p
        for p in ENGINE.rglob("*")
        if p.is_file() and p.suffix in {".py", ".j2", ".html", ".css", ".js", ".yml", ".yaml", ".md"}
    ]
    assert len(files) > 50
    return files


def test_every_site_has_facts_to_look_for() -> None:
    assert len(SITES) >= 2
    for config_file in SITES:
        assert len(site_facts(config_file)) >= 4, config_file


def test_no_file_of_the_engine_names_a_site() -> None:
    facts = set().union(*(site_facts(config_file) for config_file in SITES))
    found = [
        f"{path.relative_to(ROOT)}: {fact}"
        for path in engine_files()
        for fact in facts
        if fact.casefold() in path.read_text(encoding="utf-8").casefold()
    ]
    assert found == []
