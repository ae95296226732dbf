"""Building the site with Zensical (`projectsite zensical-build`): one Zensical project per language, made from
the engine's filled Markdown, and what Zensical does not make (feeds, calendars, JSON-LD, language links) added
after it. Nothing here imports MkDocs; the configuration is loaded by the engine's own loader (load.py)."""
