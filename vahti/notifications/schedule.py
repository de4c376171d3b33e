"""When reminders fall due: plain functions of dates, no database.

A reminder belongs to an *occasion*: "7 days before the due date", "the 37th day after
it". On any day the latest occasion that has come is the one to send; earlier ones
that were missed (the job did not run, the task was added late) are not sent as well,
so a person gets one current reminder, never a pile of stale ones. Each occasion has a
key; the same key is never sent twice to the same person.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

# The day repetitions are counted from, so that "every 30 days" falls on the same days
# whenever the job runs.
EPOCH = datetime.date(2000, 1, 1)


def before(due: datetime.date, today: datetime.date, days: Sequence[int]) -> int | None:
    """Of the occasions ``days`` before ``due``, the latest that has come by ``today``
    (its number of days), or None: before the first, or once ``due`` is here."""
    if today >= due:
        return None
    come = [d for d in days if d > 0 and due - datetime.timedelta(days=d) <= today]
    return min(come) if come else None


def after(
    due: datetime.date, today: datetime.date, days: Sequence[int], repeat: int = 0
) -> int | None:
    """Of the occasions ``days`` after ``due`` and then every ``repeat`` days after the
    last of them, the latest that has come by ``today`` (days after ``due``), or None."""
    late = (today - due).days
    offsets = sorted(d for d in days if d > 0)
    if not offsets or late < offsets[0]:
        return None
    if repeat > 0 and late > offsets[-1]:
        return offsets[-1] + (late - offsets[-1]) // repeat * repeat
    return max(d for d in offsets if d <= late)


def stale(updated: datetime.date, today: datetime.date, limit: int, repeat: int = 0) -> int | None:
    """Once an action has gone ``limit`` days without an update: which reminder is due
    (0 the first, on the day after the limit; then one every ``repeat`` days), or None
    while it is fresh."""
    over = (today - updated).days - limit
    if over < 1:
        return None
    return (over - 1) // repeat if repeat > 0 else 0


def window(today: datetime.date, repeat: int) -> int:
    """Which ``repeat``-day window ``today`` is in: a condition that lasts is reminded of
    once per window."""
    return (today - EPOCH).days // max(1, repeat)
