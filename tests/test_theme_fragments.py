"""The theme's navigation, tabs and settings script are shared only by pages whose copies would be the same
(projectsite/mkdocs/fragments.py): pages outside the navigation, by folder."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from projectsite.mkdocs.fragments import Fragments


def page(src: str) -> Page:
    config = MkDocsConfig()
    return Page(None, File(src, "docs", "site", use_directory_urls=True), config)


def nav(*srcs: str) -> Navigation:
    pages = [page(src) for src in srcs]
    return Navigation(list(pages), pages)


SITE = nav("et/index.md", "et/events.md", "et/news/index.md")


def test_pages_outside_the_navigation_in_one_folder_share_it() -> None:
    fragments = Fragments()
    first, second = (
        fragments.outside_nav(page("et/events/a.md"), SITE),
        fragments.outside_nav(page("et/events/b.md"), SITE),
    )
    assert first == second == "et/events/"


def test_pages_in_different_folders_do_not_share() -> None:
    fragments = Fragments()
    assert fragments.outside_nav(page("et/events/a.md"), SITE) != fragments.outside_nav(page("et/news/a.md"), SITE)


def test_a_page_of_the_navigation_is_never_shared() -> None:
    assert Fragments().outside_nav(page("et/events.md"), SITE) == ""


def test_a_page_with_a_navigation_page_inside_its_folder_is_never_shared() -> None:
    # From et/news/ the link to et/news/ itself is "./", from a sibling it is "../news/": not the same HTML.
    assert Fragments().outside_nav(page("et/news.md"), nav("et/index.md", "et/news/archive.md")) == ""


def test_without_a_page_or_a_navigation_nothing_is_shared() -> None:
    assert Fragments().outside_nav(None, SITE) == ""
    assert Fragments().outside_nav(page("et/events/a.md"), None) == ""


def test_a_shared_part_is_rendered_for_the_first_page_and_reused() -> None:
    fragments, made = Fragments(), iter(["first", "second"])
    assert [fragments.once("tabs", "et/events/", lambda: next(made)) for _ in range(2)] == ["first", "first"]


def test_a_part_without_a_folder_is_rendered_every_time() -> None:
    fragments, made = Fragments(), iter(["first", "second"])
    assert [fragments.once("tabs", "", lambda: next(made)) for _ in range(2)] == ["first", "second"]
