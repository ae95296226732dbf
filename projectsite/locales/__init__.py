"""One catalogue per language (`<code>.py`): the words the site writes around the data.

The only place that names languages: a site whose mkdocs.yml configures none (no mkdocs-static-i18n
`languages`, no theme language) gets these, the original first.
"""

UNCONFIGURED_SITE_LANGUAGES: tuple[str, ...] = ("et", "en")
