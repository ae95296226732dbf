"""projectsite: YAML data → validated models → pages, feeds, calendars and e-mails.

The engine imports no MkDocs, so that another generator could drive it; `projectsite.mkdocs` (the plugin)
adapts it to MkDocs.
"""

LANGUAGES: tuple[str, ...] = ("et", "en")
DEFAULT_LANGUAGE = "et"
