"""What holds for any valid content of each site: it passes the check and the strict build, every item of its data
and every post is on its pages, feeds and calendars, its links resolve, and its pages fetch nothing from another host."""

from __future__ import annotations

from pathlib import Path

import any_content
import pytest
from site_build import SITES, BuiltSite, check_and_build, copy_site


@pytest.fixture(scope="module", params=sorted(SITES))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """Each site of the repository, checked and built once for this module's tests."""
    name: str = request.param
    root: Path = copy_site(SITES[name], tmp_path_factory.mktemp(name) / "site-sources")
    return check_and_build(root)


def test_the_data_check_passes(built: BuiltSite) -> None:
    assert built.check.returncode == 0, built.check.stdout + built.check.stderr


def test_the_strict_build_passes(built: BuiltSite) -> None:
    assert built.build.returncode == 0, built.build.stderr


def test_every_event_has_its_page_in_every_language(built: BuiltSite) -> None:
    assert any_content.events_have_pages(built.sources, built.site) == []


def test_every_event_is_listed_on_the_events_page(built: BuiltSite) -> None:
    assert any_content.events_are_listed(built.sources, built.site) == []


def test_every_dated_event_is_in_every_languages_calendar(built: BuiltSite) -> None:
    assert any_content.events_are_in_the_calendars(built.sources, built.site) == []


def test_every_feed_holds_the_newest_events_and_posts_and_each_leads_to_a_page(built: BuiltSite) -> None:
    assert any_content.feeds_hold_the_newest_items(built.sources, built.site) == []


def test_every_training_programme_is_shown(built: BuiltSite) -> None:
    assert any_content.trainings_are_shown(built.sources, built.site) == []


def test_every_media_item_is_shown(built: BuiltSite) -> None:
    assert any_content.media_are_shown(built.sources, built.site) == []


def test_every_publication_is_shown(built: BuiltSite) -> None:
    assert any_content.publications_are_shown(built.sources, built.site) == []


def test_every_team_member_is_shown(built: BuiltSite) -> None:
    assert any_content.team_is_shown(built.sources, built.site) == []


def test_every_post_is_published_and_listed_in_every_language(built: BuiltSite) -> None:
    assert any_content.posts_are_published_and_listed(built.sources, built.site) == []


def test_every_link_resolves(built: BuiltSite) -> None:
    assert any_content.links_resolve(built.sources, built.site) == []


def test_no_page_fetches_anything_from_another_host(built: BuiltSite) -> None:
    assert any_content.nothing_is_fetched_from_another_host(built.sources, built.site) == []
