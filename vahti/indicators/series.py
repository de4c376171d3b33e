"""Indicators' values and goals as series of points: each indicator's recent values,
its goals and the goals progress is assessed against, and the summary a row of a list
shows. Each function issues a fixed number of queries whatever the number of indicators
or values; tests assert the counts."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import F, Max, Q, Window
from django.db.models.functions import RowNumber

from vahti.indicators.models import Indicator, IndicatorGoal, IndicatorValue
from vahti.indicators.trajectory import MIN_POINTS, TREND_YEARS, Assessment, Point, assess
from vahti.plans.changes import kept_for_version


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def recent_series(
    indicator_ids: Sequence[int], years: int, latest: dict[int, datetime.date] | None = None
) -> dict[int, list[Point]]:
    """Each indicator's own values (not their breakdown) of the last ``years`` years
    before its latest value, at least its latest ``MIN_POINTS``, oldest first.
    Two queries, three when a series is too sparse for its window; one fewer when the
    caller knows each one's ``latest`` date (``latest_date``)."""
    if not indicator_ids:
        return {}
    totals = IndicatorValue.objects.totals().filter(indicator_id__in=indicator_ids)
    if latest is None:
        latest = dict(
            totals.values("indicator_id")
            .annotate(latest=Max("date"))
            .values_list("indicator_id", "latest")
        )
    latest = {pk: day for pk, day in latest.items() if day is not None}
    if not latest:
        return {}
    window = Q()
    for indicator_id, day in latest.items():
        window |= Q(indicator_id=indicator_id, date__gte=_years_before(day, years))
    series: dict[int, list[Point]] = {}
    for indicator_id, day, value in (
        totals.filter(window).order_by("date").values_list("indicator_id", "date", "value")
    ):
        series.setdefault(indicator_id, []).append(Point(day, value))
    sparse = [pk for pk in latest if len(series.get(pk, ())) < MIN_POINTS]
    if sparse:
        last = (
            totals.filter(indicator_id__in=sparse)
            .annotate(
                position=Window(
                    RowNumber(), partition_by=[F("indicator_id")], order_by=F("date").desc()
                )
            )
            .filter(position__lte=MIN_POINTS)
            .values_list("indicator_id", "date", "value")
        )
        refilled: dict[int, list[Point]] = {}
        for indicator_id, day, value in last:
            refilled.setdefault(indicator_id, []).append(Point(day, value))
        for indicator_id, points in refilled.items():
            series[indicator_id] = sorted(points, key=lambda p: p.date)
    return series


def goals_by_indicator(indicator_ids: Iterable[int]) -> dict[int, list[IndicatorGoal]]:
    """The goals of each indicator, scenario-less ones (the plan's own) first. 1 query."""
    found: dict[int, list[IndicatorGoal]] = {}
    for goal in IndicatorGoal.objects.filter(indicator_id__in=list(indicator_ids)).select_related(
        "scenario"
    ):
        found.setdefault(goal.indicator_id, []).append(goal)
    return found


def plan_indicator_goals(plan) -> dict[int, list[IndicatorGoal]]:
    """The goals of each of the plan's indicators, kept per data version: every action
    page with indicators reads them without a query."""
    return kept_for_version(
        plan,
        "indicator-goals",
        lambda: goals_by_indicator(
            Indicator.objects.filter(plan_id=plan.pk).values_list("pk", flat=True)
        ),
    )


def plan_goals(goals: Sequence[IndicatorGoal]) -> list[Point]:
    """The goals progress is assessed against: those without a scenario; where every goal
    belongs to a scenario, those of the first scenario."""
    own = [g for g in goals if g.scenario_id is None]
    if not own and goals:
        first = min(goals, key=lambda g: (g.scenario.order, g.scenario_id)).scenario_id
        own = [g for g in goals if g.scenario_id == first]
    return sorted((Point(g.date, g.value) for g in own), key=lambda p: p.date)


@dataclass
class IndicatorSummary:
    """An indicator with what a row of the list (or the action page) shows of it."""

    indicator: Indicator
    series: list[Point]
    goals: list[IndicatorGoal]
    assessment: Assessment

    @property
    def latest(self) -> Point | None:
        return self.series[-1] if self.series else None


def summaries(
    indicators: Sequence[Indicator],
    years: int = TREND_YEARS,
    latest: dict[int, datetime.date] | None = None,
    goals: dict[int, list[IndicatorGoal]] | None = None,
) -> list[IndicatorSummary]:
    ids = [indicator.pk for indicator in indicators]
    series = recent_series(ids, years, latest)
    if goals is None:
        goals = goals_by_indicator(ids)
    found = []
    for indicator in indicators:
        points = series.get(indicator.pk, [])
        own_goals = goals.get(indicator.pk, [])
        found.append(
            IndicatorSummary(
                indicator=indicator,
                series=points,
                goals=own_goals,
                assessment=assess(points, plan_goals(own_goals), indicator.desired_direction),
            )
        )
    return found
