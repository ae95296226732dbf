"""Sums of money and shares as a reader of each language writes them (Babel): '376 602 €', '€376,602', '100 %'."""

from __future__ import annotations

import re
from decimal import Decimal

from babel import Locale
from babel.numbers import format_currency, format_percent

from .dates import babel_locale

# CLDR's currency spacing, which Babel leaves out: a code written as letters keeps a space from the digits.
CODE_AGAINST_DIGIT = re.compile(r"(?<=[A-Z])(?=\d)|(?<=\d)(?=[A-Z])")


def money(amount: Decimal, currency: str, lang: str) -> str:
    """A whole amount without decimals ('281 160 €'), any other with the currency's own ('281 160,50 €');
    a currency without a sign of its own by its code ('NOK 281,160.50')."""
    locale = babel_locale(lang)
    if amount == amount.to_integral_value():
        pattern = Locale.parse(locale).currency_formats["standard"].pattern.replace("0.00", "0.##")
        text = format_currency(amount, currency, format=pattern, locale=locale, currency_digits=False)
    else:
        text = format_currency(amount, currency, locale=locale)
    return CODE_AGAINST_DIGIT.sub("\xa0", text)


def percent(rate: Decimal, lang: str) -> str:
    """A share given in per cent (100, 85.5) in the language's form ('100 %', '100%')."""
    locale = babel_locale(lang)
    pattern = Locale.parse(locale).percent_formats[None].pattern.replace("#,##0", "#,##0.##", 1)
    return format_percent(rate / 100, format=pattern, locale=locale)
