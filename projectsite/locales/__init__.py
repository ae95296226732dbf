"""One catalogue per language (`<code>.py`): the words the site writes around the data.

The only place that names languages: a site whose mkdocs.yml configures none (no mkdocs-static-i18n
`languages`, no theme language) gets these, the original first.
"""

UNCONFIGURED_SITE_LANGUAGES: tuple[str, ...] = ("et", "en")

# The legacy ("ANSI") code page Windows (and so Excel's plain CSV) uses for a language, where it is not
# Windows-1252: the default `csv_encoding`, for a CSV file that is not UTF-8 (projectsite/regional.py).
WINDOWS_CODE_PAGES: dict[str, tuple[str, ...]] = {
    "windows-1250": ("cs", "hr", "hu", "pl", "ro", "sk", "sl", "sq", "bs"),
    "windows-1251": ("be", "bg", "kk", "mk", "ru", "sr", "uk"),
    "windows-1253": ("el",),
    "windows-1254": ("az", "tr"),
    "windows-1255": ("he",),
    "windows-1256": ("ar", "fa", "ur"),
    "windows-1257": ("et", "lt", "lv"),
    "windows-1258": ("vi",),
}
