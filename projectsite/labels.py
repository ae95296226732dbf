"""The words the generated pages use around the data, in every language that has a catalogue in locales/."""

from __future__ import annotations

import importlib
import pkgutil

from babel import Locale, UnknownLocaleError

from . import locales


def _catalogues() -> dict[str, dict[str, str]]:
    found = {}
    for module in sorted(pkgutil.iter_modules(locales.__path__), key=lambda m: m.name):
        if module.name.startswith("messages_"):  # the editor's messages in that language (projectsite/messages.py)
            continue
        found[module.name] = dict(importlib.import_module(f"{locales.__name__}.{module.name}").LABELS)
    return found


LABELS: dict[str, dict[str, str]] = _catalogues()


def language_note(lang: str, text_lang: str) -> str:
    """What a page in `lang` says of a text written in `text_lang`: the catalogue's 'in Estonian' where it has
    one (`in_<code>`), else the language's own name in `lang` (Babel: 'norsk bokmål' → 'Norwegian Bokmål')."""
    own = LABELS.get(lang, {}).get(f"in_{text_lang}")
    if own:
        return own
    try:
        name = Locale.parse(LABELS.get(lang, {}).get("babel_locale", lang)).languages.get(text_lang)
    except (ValueError, UnknownLocaleError):
        name = None
    return str(name or text_lang)
