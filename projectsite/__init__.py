"""projectsite: YAML data → validated models → pages, feeds, calendars and e-mails.

The engine imports no MkDocs, so that another generator could drive it; `projectsite.mkdocs` (the plugin)
adapts it to MkDocs. The site's languages come from its configuration (projectsite/languages.py), the words
around the data from one catalogue per language (projectsite/locales/).
"""
