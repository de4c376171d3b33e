"""A long series summarised for the indicator page: ten thousand daily values would make
a page of more than a megabyte, which no reader scrolls and a chart cannot show apart.
Past :data:`MOST_PERIODS` periods the page shows the mean of each month (or of each year,
when even the months are too many), says so, and leaves the full series to the CSV
download. Pure functions on the page's :class:`~vahti.indicators.selectors.IndicatorData`.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable

from vahti.indicators import periods
from vahti.indicators.selectors import Breakdown, IndicatorData
from vahti.indicators.trajectory import Point

# The most rows the page's table (and points its chart) may have: a monthly series of
# thirty years, a yearly one of four hundred.
MOST_PERIODS = 400
COARSER = {periods.DAY: periods.MONTH, periods.MONTH: periods.YEAR}


@dataclasses.dataclass(frozen=True)
class Summary:
    """What the page shows: ``data`` at ``resolution``; ``summarised`` when that is
    coarser than the indicator's own."""

    data: IndicatorData
    resolution: str
    summarised: bool


def shown_resolution(dates: Iterable[datetime.date], resolution: str) -> str:
    """The indicator's own resolution while its dates fit in MOST_PERIODS periods, else
    the first coarser one at which they do (a year at the coarsest)."""
    dates = list(dates)
    while resolution in COARSER:
        if len({periods.period_end(day, resolution) for day in dates}) <= MOST_PERIODS:
            break
        resolution = COARSER[resolution]
    return resolution


def _means(values: Iterable[tuple[datetime.date, float]], resolution: str):
    sums: dict[datetime.date, list[float]] = {}
    for day, value in values:
        entry = sums.setdefault(periods.period_end(day, resolution), [0.0, 0])
        entry[0] += value
        entry[1] += 1
    return {day: total / count for day, (total, count) in sorted(sums.items())}


def summarised(data: IndicatorData, resolution: str) -> Summary:
    """``data`` as the page shows it: unchanged when short, else each period's mean."""
    shown = shown_resolution(data.dates, resolution)
    if shown == resolution:
        return Summary(data, resolution, summarised=False)
    totals = _means(((p.date, p.value) for p in data.totals), shown)
    breakdowns = [
        Breakdown(breakdown.category, _means(breakdown.values.items(), shown))
        for breakdown in data.breakdowns
    ]
    dates = sorted(set(totals).union(*(b.values for b in breakdowns)))
    return Summary(
        dataclasses.replace(
            data,
            totals=[Point(day, value) for day, value in totals.items()],
            breakdowns=breakdowns,
            dates=dates,
        ),
        shown,
        summarised=True,
    )
