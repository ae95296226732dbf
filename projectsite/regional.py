"""What a site's place implies: its time zone, currency and spreadsheets' encoding, derived from the original
language's likely territory (Babel's CLDR data) unless the settings name them (`extra.projectsite`)."""

from __future__ import annotations

from dataclasses import dataclass

from babel.core import get_global
from babel.numbers import get_territory_currencies

from .languages import Languages
from .locales import WINDOWS_CODE_PAGES


@dataclass(frozen=True)
class Regional:
    time_zone: str = "UTC"
    currency: str = "EUR"
    csv_encoding: str = "windows-1252"


def territory(lang: str) -> str | None:
    """The language's likely territory ('nb' → 'NO', 'et' → 'EE'), from CLDR's likely subtags."""
    likely = get_global("likely_subtags").get(lang.replace("-", "_").split("_")[0])
    parts = str(likely or "").split("_")
    return next((part for part in parts[1:] if len(part) == 2 and part.isupper()), None)


def _code_page(lang: str) -> str:
    base = lang.replace("-", "_").split("_")[0]
    return next((page for page, langs in WINDOWS_CODE_PAGES.items() if base in langs), "windows-1252")


def regional_defaults(languages: Languages) -> Regional:
    """The original language's territory's first time zone and current currency (UTC and EUR without one)."""
    place = territory(languages.original)
    zones = get_global("territory_zones").get(place, []) if place else []
    currencies = get_territory_currencies(place) if place else []
    return Regional(
        time_zone=zones[0] if zones else "UTC",
        currency=currencies[0] if currencies else "EUR",
        csv_encoding=_code_page(languages.original),
    )


def chosen(defaults: Regional, time_zone: str | None, currency: str | None, csv_encoding: str | None) -> Regional:
    return Regional(
        time_zone=time_zone or defaults.time_zone,
        currency=currency or defaults.currency,
        csv_encoding=csv_encoding or defaults.csv_encoding,
    )
