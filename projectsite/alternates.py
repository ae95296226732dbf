"""A page's hreflang alternates: absolute, reciprocal, and only for languages the page is written in."""
from __future__ import annotations

import re
from collections.abc import Callable

from . import DEFAULT_LANGUAGE, LANGUAGES, links

EVENT_PAGE = re.compile(r"^[a-z]{2}/events/[a-z0-9-]+\.md$")  # made from data: always in both languages


def alternates(site_url: str, src_uri: str, lang: str, written_in: str, url: str,
               exists: Callable[[str], bool]) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for each language that has this page, itself included, and x-default.

    `src_uri` is 'et/project.md', `url` the page's address in `lang` ('en/project/'), `exists(src)` tells
    whether a docs file exists. A page shown in a language it is not written in (the fallback) gets none."""
    if written_in != lang:
        return []
    path = url.removeprefix(links.language_prefix(lang)) if lang != DEFAULT_LANGUAGE else url
    rest = src_uri.split("/", 1)[-1]
    found = [(other, links.language_root(site_url, other) + path) for other in LANGUAGES
             if other == lang or EVENT_PAGE.match(src_uri) or exists(f"{other}/{rest}")]
    if len(found) < 2:
        return []
    default = dict(found).get(DEFAULT_LANGUAGE)
    return found + ([("x-default", default)] if default else [])
