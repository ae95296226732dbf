"""Reproducible builds: with SOURCE_DATE_EPOCH set, two builds of the same sources are the same bytes.

Every output that stamps the build's time takes it from SOURCE_DATE_EPOCH (projectsite/dates.py's build_time):
the feeds' lastBuildDate and the calendars' DTSTAMP here, MkDocs' sitemap by MkDocs itself. This is what lets
tests/test_core_fork.py compare the builds of two MkDocs cores file by file."""

from __future__ import annotations

import datetime as dt
import email.utils
import os
import subprocess
from pathlib import Path

import feedparser
import icalendar
import pytest
from conftest import Project
from inprocess import mkdocs

from projectsite import dates

EPOCH = "1685577600"  # 2023-06-01 00:00:00 UTC
STAMPED = dt.datetime(2023, 6, 1, tzinfo=dt.UTC)


def build(project: Project, out: str, epoch: str | None) -> Path:
    env = {**os.environ, "PROJECTSITE_TODAY": "2023-06-01", "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    site = project.root / out
    result: subprocess.CompletedProcess[str] = mkdocs(
        ["build", "--strict", "-f", str(project.root / "mkdocs.yml"), "-d", str(site)], env=env, cwd=project.root
    )
    assert result.returncode == 0, result.stderr
    return site


def contents(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def twice(module_project: Project) -> tuple[Path, Path]:
    """The fixture site built twice with the same SOURCE_DATE_EPOCH, some seconds apart (a build takes that)."""
    return build(module_project, "first", EPOCH), build(module_project, "second", EPOCH)


def test_two_builds_with_source_date_epoch_are_the_same_bytes(twice: tuple[Path, Path]) -> None:
    first, second = (contents(site) for site in twice)
    assert sorted(first) == sorted(second)
    differing = [rel for rel in first if first[rel] != second[rel]]
    assert not differing, differing
    assert any(rel.startswith("pagefind/") for rel in first)  # the search index is part of the comparison


def test_the_feeds_last_build_date_is_source_date_epoch(twice: tuple[Path, Path]) -> None:
    for rel in ("feed.xml", "en/feed.xml"):
        feed = feedparser.parse((twice[0] / rel).read_bytes())
        assert email.utils.parsedate_to_datetime(feed.feed.updated) == STAMPED, rel


def test_every_calendar_is_stamped_with_source_date_epoch(twice: tuple[Path, Path]) -> None:
    calendars = sorted(twice[0].rglob("*.ics"))
    assert len(calendars) > 2
    for path in calendars:
        stamps = {e.decoded("DTSTAMP") for e in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")}
        assert stamps == {STAMPED}, path


def test_the_sitemap_is_dated_by_source_date_epoch_too(twice: tuple[Path, Path]) -> None:
    assert "<lastmod>2023-06-01</lastmod>" in (twice[0] / "sitemap.xml").read_text(encoding="utf-8")


def test_without_source_date_epoch_the_stamp_is_now_to_the_second(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    stamp = dates.build_time()
    assert before <= stamp <= dt.datetime.now(dt.UTC) and stamp.microsecond == 0 and stamp.tzinfo == dt.UTC


def test_source_date_epoch_pins_the_stamp_and_not_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.delenv("PROJECTSITE_TODAY", raising=False)
    before = dt.datetime.now(dates.zone()).date()
    assert dates.build_time() == STAMPED
    today = dates.today()  # a CI that sets it to the last commit's time must not freeze the archive
    assert before <= today <= dt.datetime.now(dates.zone()).date() and today > STAMPED.date()


@pytest.mark.parametrize("value", ["soon", "-1", "1.5", " 1685577600", "+1685577600", "١٢٣", "9" * 30])
def test_a_source_date_epoch_that_is_not_whole_seconds_stops_with_a_message(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(SystemExit, match=r"SOURCE_DATE_EPOCH=.*whole seconds since 1970"):
        dates.build_time()
