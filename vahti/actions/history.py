"""History over time: what each publication of an action said about its status and
phase, for the action's timeline and for the plan's progress on past dates.

``ProgressChange`` rows are written here, on every publication that changes the status,
the phase or whether the action is public (:func:`record`, called on
``public_version_changed`` by :mod:`vahti.actions.signals`). A row's time is the
publication's "Tietoja päivitetty" moment, so that a plan loaded with its history gets
the dates it had.

The distribution on a date counts each action by its latest row up to that moment, if
that row says the action was public; quarter by quarter is the same at each quarter's
end (the current quarter ends now).
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Case, IntegerField, Min, QuerySet, Value, When
from django.utils import timezone

from vahti.actions.models import Action, ProgressChange
from vahti.plans.models import ActionImplementationPhase, ActionStatus, Plan

MAX_QUARTERS = 12


def _state(action: Action) -> tuple[int | None, int | None, bool]:
    public = action.live and action.visibility == Action.Visibility.PUBLIC
    return action.status_id, action.implementation_phase_id, public and not action.merged_with_id


def record(action: Action, *, published: bool, revision=None) -> ProgressChange | None:
    """Add a row when the action as stored now (just published or unpublished) differs
    from its last row; returns the row, or None when nothing changed. A publication's
    row is dated with the action's "Tietoja päivitetty" moment, an unpublication now."""
    stored = Action.objects.filter(pk=action.pk).first()
    if stored is None:
        return None
    state = _state(stored)
    last = ProgressChange.objects.filter(action=stored).order_by("-pk").first()
    if last and (last.status_id, last.implementation_phase_id, last.is_public) == state:
        return None
    status, phase, public = state
    return ProgressChange.objects.create(
        plan_id=stored.plan_id,
        action=stored,
        changed_at=(stored.updated_at if published else None) or timezone.now(),
        status_id=status,
        implementation_phase_id=phase,
        is_public=public,
        revision=revision,
    )


@dataclass(frozen=True)
class TimelineEntry:
    changed_at: datetime.datetime
    status: ActionStatus | None
    phase: ActionImplementationPhase | None
    status_changed: bool
    phase_changed: bool
    first: bool


def timeline(action: Action) -> list[TimelineEntry]:
    """The public history of the action's status and phase, newest first (one query)."""
    rows = (
        ProgressChange.objects.filter(action=action, is_public=True)
        .select_related("status", "implementation_phase")
        .order_by("changed_at", "pk")
    )
    entries, previous = [], None
    for row in rows:
        status_changed = previous is None or row.status_id != previous.status_id
        phase_changed = previous is None or row.implementation_phase_id != (
            previous.implementation_phase_id
        )
        if status_changed or phase_changed:
            entries.append(
                TimelineEntry(
                    row.changed_at,
                    row.status,
                    row.implementation_phase,
                    status_changed,
                    phase_changed,
                    first=previous is None,
                )
            )
        previous = row
    return entries[::-1]


def counts_at(actions: QuerySet[Action], moments: list[datetime.datetime]) -> list[Counter]:
    """For each moment, how many of ``actions`` were public with each status (id, None
    for none) then. One query whatever the number of moments: the database puts each
    row in the interval between two moments it falls in (plain integers, no dates to
    convert), then one pass over each action's rows in time order."""
    if not moments:
        return []
    ends = sorted(set(moments))
    bucket = Case(
        *[When(changed_at__lte=end, then=Value(index)) for index, end in enumerate(ends)],
        default=Value(len(ends)),
        output_field=IntegerField(),
    )
    rows = (
        ProgressChange.objects.filter(action__in=actions.values("pk"), changed_at__lte=ends[-1])
        .annotate(bucket=bucket)
        .order_by("action_id", "changed_at", "pk")
        .values_list("action_id", "bucket", "status_id", "is_public")
    )
    counts = [Counter() for _ in ends]
    current_action, states = None, []

    def add(states: list[tuple[int, int | None, bool]]) -> None:
        # states: (bucket, status, public) in time order; at the end of interval k the
        # action is in its last state whose bucket is k or lower.
        index = 0
        state = None
        for position in range(len(ends)):
            while index < len(states) and states[index][0] <= position:
                state = states[index]
                index += 1
            if state is not None and state[2]:
                counts[position][state[1]] += 1

    for action_id, row_bucket, status_id, is_public in rows:
        if action_id != current_action:
            if states:
                add(states)
            current_action, states = action_id, []
        states.append((row_bucket, status_id, is_public))
    if states:
        add(states)
    by_moment = dict(zip(ends, counts, strict=True))
    return [by_moment[moment] for moment in moments]


def status_counts_on(actions: QuerySet[Action], moment: datetime.datetime) -> Counter:
    """How many of ``actions`` were public with each status at ``moment``."""
    return counts_at(actions, [moment])[0]


def first_change(actions: QuerySet[Action]) -> datetime.datetime | None:
    return ProgressChange.objects.filter(action__in=actions.values("pk")).aggregate(
        first=Min("changed_at")
    )["first"]


@dataclass(frozen=True)
class Quarter:
    label: str  # "2026 Q3"
    end: datetime.datetime
    counts: Counter


def _quarter_start(day: datetime.date) -> datetime.date:
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _next_quarter(start: datetime.date) -> datetime.date:
    return datetime.date(start.year + (start.month == 10), (start.month + 2) % 12 + 1, 1)


def quarter_ends(plan: Plan, first: datetime.datetime | None, now: datetime.datetime):
    """(label, end) of each quarter from the one of ``first`` (at most the last
    ``MAX_QUARTERS``) to now; the current quarter ends now."""
    if first is None:
        return []
    tz = plan.tzinfo
    today = now.astimezone(tz).date()
    starts = [_quarter_start(first.astimezone(tz).date())]
    while _next_quarter(starts[-1]) <= today:
        starts.append(_next_quarter(starts[-1]))
    return [
        (
            f"{start.year} Q{(start.month - 1) // 3 + 1}",
            min(now, datetime.datetime.combine(_next_quarter(start), datetime.time(), tzinfo=tz)),
        )
        for start in starts[-MAX_QUARTERS:]
    ]


def quarters(plan: Plan, actions: QuerySet[Action], now: datetime.datetime) -> list[Quarter]:
    """The status counts at the end of each quarter up to now: 2 queries."""
    ends = quarter_ends(plan, first_change(actions), now)
    counts = counts_at(actions, [end for _label, end in ends])
    return [Quarter(label, end, count) for (label, end), count in zip(ends, counts, strict=True)]
