"""The plugin's settings in mkdocs.yml (`plugins: - projectsite: {...}`), typed and validated by MkDocs."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ProjectsiteConfig(Config):  # type: ignore[no-untyped-call]  # MkDocs' own typing
    # A page of its own for every event (/events/<id>/ in each language).
    event_pages = c.Type(bool, default=True)
    # The RSS feed, the events calendar and one calendar file per event, in each language.
    feeds = c.Type(bool, default=True)
    # Under `mkdocs serve`: keep what did not change between rebuilds (off: every rebuild starts afresh).
    fast_preview = c.Type(bool, default=True)
