"""Dates of indicator values at the indicator's time resolution. Pure functions.

A value describes a period (a year, a month or a day) and is stored on the period's last
day: the emissions of 2023 on 2023-12-31, the cycling share of May 2024 on 2024-05-31.
Goals follow the same rule ("1 000 kt by 2035" is 2035-12-31). In spreadsheets and forms
a period may be written as it is read: "2023" for a year, "2024-05" or "5/2024" for a
month, "2024-05-17" or "17.5.2024" for a day; a full date is accepted for a year or a
month only when it is the period's last day, so that a value cannot silently move.
"""

from __future__ import annotations

import calendar
import datetime
import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

YEAR = "year"
MONTH = "month"
DAY = "day"
RESOLUTIONS = (YEAR, MONTH, DAY)
# "a value per year"
PER = {
    YEAR: gettext_lazy("per year"),
    MONTH: gettext_lazy("per month"),
    DAY: gettext_lazy("per day"),
}

# re.ASCII: \d alone would take any script's digits (٢٠٢٣, ２０２３), which int() reads.
_YEAR = re.compile(r"^(\d{4})$", re.ASCII)
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$|^(\d{1,2})/(\d{4})$", re.ASCII)
_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", re.ASCII)
_FINNISH_DAY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$", re.ASCII)


class PeriodError(ValueError):
    """The text is not a date, or not a period of the indicator's resolution."""


def period_end(day: datetime.date, resolution: str) -> datetime.date:
    if resolution == YEAR:
        return datetime.date(day.year, 12, 31)
    if resolution == MONTH:
        return datetime.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    return day


def is_period_end(day: datetime.date, resolution: str) -> bool:
    return period_end(day, resolution) == day


def _date(year: int, month: int, day: int, text: str) -> datetime.date:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise PeriodError(_("“%(text)s” is not a date.") % {"text": text}) from None


def _wrong_kind(text: str, kind: str, resolution: str) -> PeriodError:
    params = {"text": text, "per": PER[resolution]}
    if kind == YEAR:
        message = _("“%(text)s” is a year, but this indicator has a value %(per)s.")
    else:
        message = _("“%(text)s” is a month, but this indicator has a value %(per)s.")
    return PeriodError(message % params)


def parse_period(text: str, resolution: str) -> datetime.date:
    """The stored date (the period's last day) for a period written as text."""
    text = text.strip()
    if match := _YEAR.match(text):
        if resolution != YEAR:
            raise _wrong_kind(text, YEAR, resolution)
        return datetime.date(int(match.group(1)), 12, 31)
    if match := _MONTH.match(text):
        if resolution != MONTH:
            raise _wrong_kind(text, MONTH, resolution)
        year, month = (match.group(1), match.group(2)) if match.group(1) else match.group(4, 3)
        return period_end(_date(int(year), int(month), 1, text), MONTH)
    if match := _ISO_DAY.match(text):
        day = _date(int(match.group(1)), int(match.group(2)), int(match.group(3)), text)
    elif match := _FINNISH_DAY.match(text):
        day = _date(int(match.group(3)), int(match.group(2)), int(match.group(1)), text)
    else:
        raise PeriodError(
            _(
                "“%(text)s” is not a date: write a year (2023), a month (2023-05) or a day "
                "(2023-05-17)."
            )
            % {"text": text}
        )
    if not is_period_end(day, resolution):
        raise PeriodError(off_period_message(day, resolution))
    return day


def off_period_message(day: datetime.date, resolution: str) -> str:
    return _(
        "%(date)s is within a period: this indicator has a value %(per)s, stored on the "
        "period's last day; write %(period)s."
    ) % {
        "date": day.isoformat(),
        "per": PER[resolution],
        "period": format_period(period_end(day, resolution), resolution),
    }


def format_period(day: datetime.date, resolution: str) -> str:
    """How a stored date is written back as a period (CSV, forms): the inverse of
    :func:`parse_period`."""
    if resolution == YEAR:
        return f"{day.year:04d}"
    if resolution == MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()
