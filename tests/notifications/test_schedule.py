"""The occasions of reminders, as plain dates."""

import datetime

from vahti.notifications import schedule

D = datetime.date


def test_before_gives_the_latest_occasion_that_has_come():
    due = D(2026, 12, 31)
    assert schedule.before(due, D(2026, 11, 30), [30, 7, 1]) is None
    assert schedule.before(due, D(2026, 12, 1), [30, 7, 1]) == 30
    assert schedule.before(due, D(2026, 12, 23), [30, 7, 1]) == 30
    assert schedule.before(due, D(2026, 12, 24), [30, 7, 1]) == 7
    assert schedule.before(due, D(2026, 12, 30), [30, 7, 1]) == 1
    assert schedule.before(due, D(2026, 12, 31), [30, 7, 1]) is None  # due: late from now
    assert schedule.before(due, D(2026, 12, 1), []) is None


def test_after_counts_the_days_and_then_repeats():
    due = D(2026, 12, 1)
    days = [1, 7]
    assert schedule.after(due, D(2026, 12, 1), days, 30) is None
    assert schedule.after(due, D(2026, 12, 2), days, 30) == 1
    assert schedule.after(due, D(2026, 12, 7), days, 30) == 1
    assert schedule.after(due, D(2026, 12, 8), days, 30) == 7
    assert schedule.after(due, D(2027, 1, 6), days, 30) == 7
    assert schedule.after(due, D(2027, 1, 7), days, 30) == 37
    assert schedule.after(due, D(2027, 2, 6), days, 30) == 67
    assert schedule.after(due, D(2027, 2, 6), days, 0) == 7  # no repetition


def test_stale_starts_the_day_after_the_limit_and_repeats():
    updated = D(2026, 1, 1)
    assert schedule.stale(updated, D(2026, 6, 30), 180, 30) is None  # 180 days: still fresh
    assert schedule.stale(updated, D(2026, 7, 1), 180, 30) == 0
    assert schedule.stale(updated, D(2026, 7, 30), 180, 30) == 0
    assert schedule.stale(updated, D(2026, 7, 31), 180, 30) == 1


def test_windows_are_fixed_whatever_day_the_job_runs():
    assert schedule.window(D(2000, 1, 30), 30) == 0
    assert schedule.window(D(2000, 1, 31), 30) == 1
