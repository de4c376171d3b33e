"""Progress against goals on constructed series whose answers are known by hand."""

import datetime

import pytest

from vahti.indicators.trajectory import (
    Direction,
    Point,
    Progress,
    assess,
    fit_trend,
    share_of_way_to_goal,
)


def yearly(start: int, values: list[float | None]) -> list[Point]:
    """Year-end values from ``start``; None leaves a gap."""
    return [
        Point(datetime.date(start + i, 12, 31), v) for i, v in enumerate(values) if v is not None
    ]


def goal(year: int, value: float) -> Point:
    return Point(datetime.date(year, 12, 31), value)


def test_emissions_falling_fast_enough_are_on_track_and_reach_the_goal_early():
    # −100 kt a year from 3 000 (2015) to 2 500 (2020); 1 250 by 2035 is reached in 2033.
    result = assess(yearly(2015, [3000, 2900, 2800, 2700, 2600, 2500]), [goal(2035, 1250)])
    assert result.direction == Direction.DECREASE
    assert result.progress == Progress.ON_TRACK
    assert result.trend.slope_per_year == pytest.approx(-100, rel=1e-3)
    assert result.projected == pytest.approx(1000, abs=2)
    assert result.reached_year == 2033


def test_emissions_falling_too_slowly_are_off_track_with_the_later_year():
    # −50 a year from 2 500 (2020): 1 000 by 2030 would come in 2050.
    result = assess(yearly(2016, [2700, 2650, 2600, 2550, 2500]), [goal(2030, 1000)])
    assert result.progress == Progress.OFF_TRACK
    assert result.projected == pytest.approx(2000, abs=2)
    assert result.reached_year == 2050


def test_a_rising_cycling_share_meets_an_increasing_goal():
    # +1 percentage point a year from 30 % (2015) to 36 % (2021); 40 % by 2030 → 2025.
    result = assess(yearly(2015, [30, 31, 32, 33, 34, 35, 36]), [goal(2030, 40)])
    assert result.direction == Direction.INCREASE
    assert result.progress == Progress.ON_TRACK
    assert result.reached_year == 2025


def test_an_increasing_goal_out_of_reach_is_off_track():
    result = assess(yearly(2015, [30, 31, 32, 33, 34, 35, 36]), [goal(2030, 49.5)])
    assert result.progress == Progress.OFF_TRACK
    assert result.projected == pytest.approx(45, abs=0.05)
    assert result.reached_year == 2035


def test_a_flat_series_never_reaches_the_goal():
    result = assess(yearly(2015, [100, 100, 100, 100, 100]), [goal(2030, 80)])
    assert result.progress == Progress.OFF_TRACK
    assert result.trend.slope_per_year == pytest.approx(0)
    assert result.reached_on is None


def test_a_series_moving_away_from_the_goal_never_reaches_it():
    result = assess(yearly(2015, [100, 102, 104, 106]), [goal(2030, 50)])
    assert result.direction == Direction.DECREASE
    assert result.progress == Progress.OFF_TRACK
    assert result.reached_on is None


def test_gaps_in_the_series_do_not_bend_the_trend():
    # The same −100 a year line with 2016, 2017 and 2019 missing.
    result = assess(yearly(2015, [3000, None, None, 2700, None, 2500]), [goal(2035, 1250)])
    assert result.trend.points == 3
    assert result.trend.slope_per_year == pytest.approx(-100, rel=1e-3)
    assert result.reached_year == 2033


def test_only_the_recent_years_make_the_trend():
    # Rising until 2014, falling by 100 a year since: the rise is older than five years.
    values = yearly(2005, [1000, 1500, 2000, 2500, 3000, 3500, 3400, 3300, 3200, 3100, 3000, 2900])
    result = assess(values, [goal(2030, 1050)], direction="decrease")
    assert result.trend.first == datetime.date(2011, 12, 31)
    assert result.trend.slope_per_year == pytest.approx(-100, rel=1e-3)
    assert result.progress == Progress.OFF_TRACK
    assert result.reached_year == 2035


def test_a_goal_already_met_is_achieved_whatever_the_trend():
    result = assess(yearly(2018, [900, 950, 990]), [goal(2030, 1000)], direction="decrease")
    assert result.progress == Progress.ACHIEVED


def test_too_few_values_are_not_enough_data():
    result = assess(yearly(2019, [3000, 2900]), [goal(2035, 1000)])
    assert result.progress == Progress.NOT_ENOUGH_DATA
    assert result.goal == goal(2035, 1000)
    assert assess([], [goal(2035, 1000)]).progress == Progress.NOT_ENOUGH_DATA


def test_without_a_goal_there_is_nothing_to_assess():
    assert assess(yearly(2015, [1, 2, 3]), []).progress == Progress.NO_GOAL


def test_the_nearest_goal_ahead_is_assessed_and_a_passed_deadline_is_off_track():
    values = yearly(2015, [3000, 2900, 2800, 2700, 2600, 2500])
    result = assess(values, [goal(2019, 2000), goal(2030, 1600), goal(2035, 1000)])
    assert result.goal == goal(2030, 1600)
    assert result.progress == Progress.ON_TRACK
    # Every goal date passed, the last goal not met: off track, however good the pace.
    late = assess(values, [goal(2019, 2000)])
    assert late.goal == goal(2019, 2000)
    assert late.progress == Progress.OFF_TRACK


def test_the_indicator_may_say_which_way_is_better():
    # A goal above the first value would look like "up", but lower is better here.
    result = assess(yearly(2015, [10, 9, 8, 7]), [goal(2030, 12)], direction="decrease")
    assert result.progress == Progress.ACHIEVED


def test_monthly_values_use_days_not_periods():
    points = [Point(datetime.date(2024, m, 28), 10 + m) for m in range(1, 13)]
    trend = fit_trend(points)
    assert trend.slope_per_year == pytest.approx(12, rel=0.01)


@pytest.mark.parametrize(
    ("baseline", "latest", "target", "share"),
    [(3000, 2000, 1000, 50), (30, 36, 40, 60), (100, 110, 50, 0), (100, 40, 50, 100)],
)
def test_share_of_the_way_to_the_goal(baseline, latest, target, share):
    assert share_of_way_to_goal(baseline, latest, target) == pytest.approx(share)
    assert share_of_way_to_goal(5, 5, 5) is None
