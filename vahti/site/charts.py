"""What the charts of the public pages draw, as plain values for ``site/charts.js``.

The indicator page's chart reads its values from the page's data table (the same numbers,
by construction) and gets only what the table does not hold from here: the trend line,
the unit and the texts of its legend. Small charts (the indicator list, action pages)
carry their few values with them. Everything is passed in a ``data-chart`` attribute:
public pages have no inline scripts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.utils.translation import gettext as _

from vahti.indicators.models import Indicator
from vahti.indicators.selectors import IndicatorData
from vahti.indicators.series import IndicatorSummary, plan_goals


def _dump(config: dict) -> str:
    return json.dumps(config, separators=(",", ":"), ensure_ascii=False)


def _trend(assessment) -> list[list] | None:
    """The trend line from its first value to the goal's date (or where it reaches the
    goal, if earlier)."""
    trend, goal = assessment.trend, assessment.goal
    if trend is None or goal is None:
        return None
    end = goal.date
    if assessment.reached_on and assessment.reached_on < end:
        end = assessment.reached_on
    return [
        [trend.first.isoformat(), trend.value_on(trend.first)],
        [end.isoformat(), trend.value_on(end)],
    ]


def indicator_chart(indicator: Indicator, data: IndicatorData, resolution: str = "") -> str:
    """The indicator page's chart; ``resolution`` that of its table when the page shows
    the series summarised (``vahti.indicators.summary``)."""
    return _dump(
        {
            "kind": "indicator",
            "resolution": resolution or indicator.time_resolution,
            "table": "values-table",
            "goals": "goals-table",
            "unit": str(indicator.unit),
            "decimals": indicator.decimals,
            "trend": _trend(data.assessment),
            "labels": {
                "total": str(indicator.name),
                "goal": _("Goal"),
                "trend": _("Trend"),
            },
        }
    )


@dataclass(frozen=True)
class SmallChart:
    config: str
    description: str


def small_chart(summary: IndicatorSummary) -> SmallChart | None:
    """A small chart of the recent values and the goals, with its text alternative; None
    without values."""
    if not summary.series:
        return None
    indicator = summary.indicator
    goals = plan_goals(summary.goals)
    config = _dump(
        {
            "kind": "small",
            "resolution": indicator.time_resolution,
            "unit": str(indicator.unit),
            "decimals": indicator.decimals,
            "values": [[p.date.isoformat(), p.value] for p in summary.series],
            "goals": [[p.date.isoformat(), p.value] for p in goals],
            "trend": _trend(summary.assessment),
            "labels": {"total": str(indicator.name), "goal": _("Goal"), "trend": _("Trend")},
        }
    )
    return SmallChart(config, series_description(indicator, summary.series, goals))


def series_description(indicator: Indicator, series, goals, resolution: str = "") -> str:
    """The chart in one sentence, for screen readers: “Values 2015–2023, from 3 000 to
    2 600 kt CO₂e. Goal 1 000 kt CO₂e by 2035.”"""
    from vahti.site.templatetags.vahti import number, period

    first, last = series[0], series[-1]
    unit, decimals = str(indicator.unit), indicator.decimals
    resolution = resolution or indicator.time_resolution
    text = _("Values %(start)s–%(end)s, from %(first)s to %(last)s %(unit)s.") % {
        "start": period(first.date, resolution),
        "end": period(last.date, resolution),
        "first": number(first.value, decimals),
        "last": number(last.value, decimals),
        "unit": unit,
    }
    if goals:
        goal = goals[-1]
        text += " " + _("Goal %(value)s %(unit)s by %(date)s.") % {
            "value": number(goal.value, decimals),
            "unit": unit,
            "date": period(goal.date, resolution),
        }
    return text
