"""Progress of an indicator against its goal: the trend of its recent values, projected to
the goal's date. Pure functions on plain values; no database.

The method, as the indicator page explains it to readers:

1. The goal assessed is the nearest goal after the latest value; when every goal date
   has passed, the last goal.
2. Whether the goal is to go down (emissions) or up (the cycling share) is the
   indicator's own setting, or else follows from the goal: below the first value means
   down.
3. If the latest value already meets the goal, the goal is **achieved**.
4. Otherwise the trend is the least-squares line through the values of the last
   ``TREND_YEARS`` years before the latest value (at least ``MIN_POINTS`` values: when the
   window holds fewer, the latest ``MIN_POINTS``). Time is measured in days, so gaps in the
   series (a missing year) simply weigh nothing.
5. If the line reaches the goal value by the goal's date, the indicator is **on track**;
   if not, or if the goal's date has passed, **off track**. Where the line moves towards
   the goal, the year it gets there is "the year the goal would be reached at the current
   pace"; a flat line or one moving away never gets there.
6. With fewer than ``MIN_POINTS`` values (and the goal not yet met) there is **not enough
   data**; without any goal, there is **no goal** to assess.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

TREND_YEARS = 5
MIN_POINTS = 3
DAYS_PER_YEAR = 365.2425


class Progress(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    OFF_TRACK = "off_track"
    NOT_ENOUGH_DATA = "not_enough_data"
    NO_GOAL = "no_goal"


class Direction(StrEnum):
    DECREASE = "decrease"
    INCREASE = "increase"


@dataclass(frozen=True, slots=True)
class Point:
    date: datetime.date
    value: float


@dataclass(frozen=True, slots=True)
class Trend:
    """value = intercept + slope_per_day * (date.toordinal())"""

    slope_per_day: float
    intercept: float
    first: datetime.date  # the first value the line was fitted to
    last: datetime.date
    points: int

    @property
    def slope_per_year(self) -> float:
        return self.slope_per_day * DAYS_PER_YEAR

    def value_on(self, day: datetime.date) -> float:
        return self.intercept + self.slope_per_day * day.toordinal()

    def date_of(self, value: float) -> datetime.date | None:
        """The day the line reaches ``value``; None for a flat line."""
        if self.slope_per_day == 0:
            return None
        ordinal = (value - self.intercept) / self.slope_per_day
        if not (1 <= ordinal < datetime.date.max.toordinal()):
            return None
        return datetime.date.fromordinal(math.ceil(ordinal))


@dataclass(frozen=True, slots=True)
class Assessment:
    progress: Progress
    direction: Direction | None = None
    latest: Point | None = None
    goal: Point | None = None
    trend: Trend | None = None
    # The trend's value on the goal's date.
    projected: float | None = None
    # When the trend line reaches the goal: None if it never does at the current pace.
    reached_on: datetime.date | None = None

    @property
    def reached_year(self) -> int | None:
        return self.reached_on.year if self.reached_on else None

    @property
    def has_trend(self) -> bool:
        return self.trend is not None


def fit_trend(points: Sequence[Point]) -> Trend:
    """The least-squares line through the points (at least two distinct dates)."""
    xs = [p.date.toordinal() for p in points]
    ys = [p.value for p in points]
    n = len(points)
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    if sxx == 0:
        raise ValueError("A trend needs values on at least two different dates.")
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    slope = sxy / sxx
    return Trend(
        slope_per_day=slope,
        intercept=mean_y - slope * mean_x,
        first=points[0].date,
        last=points[-1].date,
        points=n,
    )


def recent(points: Sequence[Point], years: int = TREND_YEARS) -> list[Point]:
    """The values the trend is fitted to: those of the last ``years`` years before the
    latest one, or the latest ``MIN_POINTS`` if the window holds fewer."""
    latest = points[-1].date
    try:
        start = latest.replace(year=latest.year - years)
    except ValueError:  # 29 February
        start = latest.replace(year=latest.year - years, day=28)
    window = [p for p in points if p.date >= start]
    return window if len(window) >= MIN_POINTS else list(points[-MIN_POINTS:])


def goal_to_assess(goals: Sequence[Point], latest: datetime.date) -> Point:
    ahead = [g for g in goals if g.date > latest]
    return min(ahead, key=lambda g: g.date) if ahead else max(goals, key=lambda g: g.date)


def meets(value: float, goal: float, direction: Direction) -> bool:
    return value <= goal if direction == Direction.DECREASE else value >= goal


def assess(
    values: Sequence[Point], goals: Sequence[Point], direction: Direction | str | None = None
) -> Assessment:
    """Classify an indicator; see the module's docstring for the method."""
    values = sorted(values, key=lambda p: p.date)
    if not goals:
        return Assessment(Progress.NO_GOAL, latest=values[-1] if values else None)
    if not values:
        goal = min(goals, key=lambda g: g.date)
        return Assessment(Progress.NOT_ENOUGH_DATA, goal=goal)
    latest = values[-1]
    goal = goal_to_assess(goals, latest.date)
    if direction:
        direction = Direction(direction)
    else:
        direction = Direction.DECREASE if goal.value < values[0].value else Direction.INCREASE
    found = {"direction": direction, "latest": latest, "goal": goal}
    if meets(latest.value, goal.value, direction):
        return Assessment(Progress.ACHIEVED, **found)
    window = recent(values)
    if len({p.date for p in window}) < MIN_POINTS:
        return Assessment(Progress.NOT_ENOUGH_DATA, **found)
    trend = fit_trend(window)
    projected = trend.value_on(goal.date)
    towards = (
        trend.slope_per_day < 0 if direction == Direction.DECREASE else trend.slope_per_day > 0
    )
    reached_on = trend.date_of(goal.value) if towards else None
    if reached_on is not None and reached_on < latest.date:
        # Noisy values: the line passed the goal already while the latest value did not.
        reached_on = latest.date
    on_track = goal.date > latest.date and meets(projected, goal.value, direction)
    return Assessment(
        Progress.ON_TRACK if on_track else Progress.OFF_TRACK,
        trend=trend,
        projected=projected,
        reached_on=reached_on,
        **found,
    )


def share_of_way_to_goal(baseline: float, latest: float, goal: float) -> float | None:
    """How far the indicator has come from its baseline towards the goal, 0–100 %:
    (latest − baseline) / (goal − baseline), held within 0 and 100. None when the goal
    equals the baseline (there is no way to go)."""
    if goal == baseline:
        return None
    share = (latest - baseline) / (goal - baseline) * 100
    return max(0.0, min(100.0, share))
