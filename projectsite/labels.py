"""The words the generated pages use around the data, in every language that has a catalogue in locales/."""

from __future__ import annotations

import importlib
import pkgutil

from . import locales


def _catalogues() -> dict[str, dict[str, str]]:
    found = {}
    for module in sorted(pkgutil.iter_modules(locales.__path__), key=lambda m: m.name):
        if module.name.startswith("messages_"):  # the editor's messages in that language (projectsite/messages.py)
            continue
        found[module.name] = dict(importlib.import_module(f"{locales.__name__}.{module.name}").LABELS)
    return found


LABELS: dict[str, dict[str, str]] = _catalogues()
