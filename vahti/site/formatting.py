"""Numbers and periods as the page's language writes them, fast enough for tables of ten
thousand values (Django's per-call formatting would spend seconds there). Each formatter
reads the language's formats once and is then a plain function."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal

from django.utils import formats
from django.utils.dates import MONTHS_3
from django.utils.text import capfirst

from vahti.core.i18n import DATE_FORMATS, active_language

MONTH_FORMATS = {"fi": "n/Y", "sv": "n/Y", "en": "M Y"}


def number_formatter(decimals: int) -> Callable[[float], str]:
    """2630.5 → "2 630,5" in Finnish, "2,630.5" in English (grouped by thousands)."""
    decimal_separator = formats.get_format("DECIMAL_SEPARATOR")
    thousand_separator = formats.get_format("THOUSAND_SEPARATOR")
    decimals = int(decimals)

    def format_number(value: float) -> str:
        rounded = round(float(value), decimals)
        if rounded == 0:
            rounded = 0.0  # no "-0"
        text = f"{rounded:,.{decimals}f}"
        return (
            text.replace(",", "\0")
            .replace(".", decimal_separator)
            .replace("\0", thousand_separator)
        )

    return format_number


_TOKENS: dict[str, Callable[[datetime.date], str]] = {
    "d": lambda day: f"{day.day:02d}",
    "j": lambda day: str(day.day),
    "m": lambda day: f"{day.month:02d}",
    "n": lambda day: str(day.month),
    "Y": lambda day: f"{day.year:04d}",
    "M": lambda day: capfirst(str(MONTHS_3[day.month])),
}


def date_formatter(pattern: str) -> Callable[[datetime.date], str]:
    """A formatter for the few Django date-format letters the site uses (d j m n Y M)."""
    parts = [_TOKENS.get(char, char) for char in pattern]
    return lambda day: "".join(part(day) if callable(part) else part for part in parts)


def period_formatter(resolution: str) -> Callable[[datetime.date], str]:
    """2023 for a year, 5/2023 for a month, 17.05.2023 for a day."""
    if resolution == "year":
        return lambda day: str(day.year)
    language = active_language()
    if resolution == "month":
        return date_formatter(MONTH_FORMATS.get(language, "Y-m"))
    return date_formatter(DATE_FORMATS.get(language, "Y-m-d"))


def number(value, decimals=1) -> str:
    """A value as the page's language writes numbers: 2 630,5 in Finnish (the template
    filter ``number``)."""
    if value is None:
        return ""
    return number_formatter(decimals)(value)


def decimal(value) -> str:
    """A stored number with the decimals it has and no more: 1200.5000 → "1 200,5" in
    Finnish, "1,200.5" in English (the template filter ``decimal``)."""
    if value is None:
        return ""
    exponent = Decimal(value).normalize().as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return number_formatter(decimals)(value)


# English writes 703%; Finnish and Swedish (as most languages) 703 % with a no-break
# space, so the sign never starts a line.
PERCENT_FORMATS = {"en": "{}%"}


def percent(shown: str) -> str:
    """A number already formatted ("703", "2,5") as a percentage in the page's
    language: "703 %" in Finnish and Swedish, "703%" in English."""
    return PERCENT_FORMATS.get(active_language(), "{}\u00a0%").format(shown)


def period(value, resolution) -> str:
    """A value's date as its period: 2023, 5/2023 or 17.05.2023 (the template filter
    ``period``)."""
    if not value:
        return ""
    return period_formatter(resolution)(value)
