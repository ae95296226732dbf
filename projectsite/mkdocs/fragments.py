"""The theme's parts that are the same on every page of a folder outside the navigation, rendered once.

Material renders the whole navigation, the tabs and its settings script into every page: with 20,000 events,
that was a fifth of the build (issue #21). On a page the navigation does not list (an event page, a news
post), none of them marks anything as current, and their links are relative to the page's own folder. So
every such page in one folder (all of `events/`, say) gets the same HTML, as long as no page of the
navigation lies inside the page's own folder (then a link to it would differ between sibling pages).

main.html asks for each of those parts through `once`, with the key from `outside_nav`: the first page of a
folder renders it, the others reuse it. A page in the navigation has no key and is always rendered itself.
One Fragments per language build (made in on_env, kept on the build's state).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field

from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


@dataclass
class Fragments:
    made: dict[tuple[str, str], str] = field(default_factory=dict)
    nav_urls: tuple[str, ...] | None = None  # the navigation's pages, by address (one navigation per build)

    def outside_nav(self, page: object, nav: object) -> str:
        """The folder of a page the navigation does not reach into; "" for any other page (never shared)."""
        if not isinstance(page, Page) or not isinstance(nav, Navigation):
            return ""
        if self.nav_urls is None:
            self.nav_urls = tuple(p.url for p in nav.pages)
        if any(url == page.url or url.startswith(page.url) for url in self.nav_urls):
            return ""
        return posixpath.dirname(page.url.rstrip("/")) + "/"

    def once(self, name: str, folder: str, caller: Callable[[], str]) -> str:
        """The part `name` as rendered for the first page of `folder` (every time without a folder)."""
        if not folder:
            return caller()
        key = (name, folder)
        if key not in self.made:
            self.made[key] = self.render(caller)
        return self.made[key]

    @staticmethod
    def render(caller: Callable[[], str]) -> str:
        """Renders a part (apart, so that the tests can count how often the build does)."""
        return str(caller())
