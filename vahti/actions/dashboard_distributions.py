"""The dashboard's counts of a filtered set of actions: how many are in each status and
phase, how recently they were updated (see ``dashboard.Timeliness``), their late tasks,
and the plan's progress over time, each as shares of a bar. Counted by the database in
a fixed number of queries whatever the number of actions."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vahti.actions import history
from vahti.actions.dashboard import Lookups, Timeliness
from vahti.actions.lateness import late_condition
from vahti.actions.models import Action, Task
from vahti.core.i18n import active_language
from vahti.plans.changes import kept_for_version
from vahti.plans.models import Plan


def _in_order(items: dict) -> list:
    return sorted(items.values(), key=lambda item: (item.order, item.pk))


@dataclass(frozen=True)
class Share:
    """One part of a distribution: what (a status, a phase, a timeliness), how many, the
    share of all in whole percent, and where its segment lies on a bar 1,000 wide."""

    key: str
    label: str
    lang: str | None  # of the label, when a fallback in another language than the page's
    colour: str
    count: int
    percent: int
    start: float
    width: float


def _shares(items: list[tuple[str, str, str | None, str, int]], total: int) -> list[Share]:
    shares, start = [], 0.0
    for key, label, lang, colour, count in items:
        if not count:
            continue
        width = 1000 * count / total
        shares.append(
            Share(key, label, lang, colour, count, round(100 * count / total), start, width)
        )
        start += width
    return shares


# Colours for phases that have none of their own, in order; each 3:1 against white.
PHASE_PALETTE = ["#0a4f8a", "#00727d", "#6a3d9a", "#9c4f1f", "#555b5e", "#8a6d00", "#0a5c36"]
NO_VALUE_COLOUR = "#6b6b6b"


@dataclass(frozen=True)
class Distributions:
    total: int
    by_status: list[Share]
    by_phase: list[Share]
    by_timeliness: list[Share]
    late_tasks: int
    actions_with_late_tasks: int
    late_actions: int  # late by the plan's derived lateness (vahti.actions.lateness)


def _lang_of(text) -> str | None:
    lang = getattr(text, "lang", None)
    return lang if lang and lang != active_language() else None


def _status_items(counts: Counter, lookups: Lookups) -> list[tuple]:
    """(key, label, lang, colour, count) of each status in the plan's order, then of
    "no progress given"."""
    items = [
        (s.identifier, str(s.name), _lang_of(s.name), s.color, counts[s.pk])
        for s in _in_order(lookups.statuses)
    ]
    items.append(("", str(_("No progress given")), None, NO_VALUE_COLOUR, counts[None]))
    return items


@dataclass(frozen=True)
class QuarterRow:
    label: str
    end: datetime.datetime
    total: int
    shares: list[Share]
    counts: list[int]  # in the order of ``OverTime.columns``


@dataclass(frozen=True)
class OverTime:
    """The plan's progress on a past day and quarter by quarter up to now."""

    day: datetime.date
    total: int
    by_status: list[Share]
    columns: list[tuple]  # (key, label, lang, colour) of every status, then "none"
    quarters: list[QuarterRow]


def over_time(
    plan: Plan, actions: QuerySet[Action], day: datetime.date, lookups: Lookups
) -> OverTime:
    """``actions`` counted by the status each had published at the end of ``day``, and
    at the end of each quarter: 2 queries (see :mod:`vahti.actions.history`)."""
    end_of_day = _local_midnight(day + datetime.timedelta(days=1), plan)
    now = timezone.now()
    ends = history.quarter_ends(plan, history.first_change(actions), now)
    # The day and every quarter's end in one pass over the rows.
    *quarter_counts, counts = history.counts_at(
        actions, [end for _label, end in ends] + [min(end_of_day, now)]
    )
    items = _status_items(counts, lookups)
    total = sum(counts.values())
    columns = [item[:4] for item in _status_items(Counter(), lookups)]
    quarter_rows = []
    for (label, end), quarter in zip(ends, quarter_counts, strict=True):
        quarter_items = _status_items(quarter, lookups)
        quarter_total = sum(quarter.values())
        quarter_rows.append(
            QuarterRow(
                label,
                end,
                quarter_total,
                _shares(quarter_items, quarter_total) if quarter_total else [],
                [item[4] for item in quarter_items],
            )
        )
    return OverTime(day, total, _shares(items, total) if total else [], columns, quarter_rows)


def _local_midnight(day: datetime.date, plan: Plan) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min).replace(tzinfo=plan.tzinfo)


@dataclass(frozen=True)
class Counts:
    """What :class:`Distributions` are drawn from: plain numbers, the same in every
    language, so that the whole plan's can be kept per data version."""

    statuses: Counter
    phases: Counter
    ages: Counter
    late_actions: int
    late_tasks: int
    actions_with_late_tasks: int


def distributions(
    plan: Plan,
    actions: QuerySet[Action],
    today: datetime.date,
    lookups: Lookups,
    *,
    whole_plan: bool = False,
) -> Distributions:
    """Counts and shares of ``actions`` by status (in the plan's order), by phase and by
    timeliness of updates, and their late tasks: counted by the database, 2 queries.
    ``whole_plan``: ``actions`` are all the plan's public ones, whose counts are kept per
    data version and day (no query while the plan's data stays the same)."""
    if whole_plan:
        counts = kept_for_version(
            plan, f"dashboard-counts:{today.isoformat()}", lambda: _counts(plan, actions, today)
        )
    else:
        counts = _counts(plan, actions, today)
    total = sum(counts.statuses.values())
    by_status = _status_items(counts.statuses, lookups)
    by_phase = [
        (
            p.identifier,
            str(p.name),
            _lang_of(p.name),
            p.color or PHASE_PALETTE[index % len(PHASE_PALETTE)],
            counts.phases[p.pk],
        )
        for index, p in enumerate(_in_order(lookups.phases))
    ]
    by_phase.append(("", str(_("No phase given")), None, NO_VALUE_COLOUR, counts.phases[None]))
    by_timeliness = [
        (key, str(Timeliness.LABELS[key]), None, Timeliness.COLOURS[key], counts.ages[key])
        for key in Timeliness.ORDER
    ]
    return Distributions(
        total=total,
        by_status=_shares(by_status, total),
        by_phase=_shares(by_phase, total),
        by_timeliness=_shares(by_timeliness, total),
        late_tasks=counts.late_tasks,
        actions_with_late_tasks=counts.actions_with_late_tasks,
        late_actions=counts.late_actions,
    )


def _counts(plan: Plan, actions: QuerySet[Action], today: datetime.date) -> Counts:
    """``actions`` counted by status, phase and timeliness, and their late tasks. 2
    queries."""
    # Within the target: published on or after the local midnight that many days ago.
    recent_from = _local_midnight(today - datetime.timedelta(days=plan.update_target), plan)
    acceptable_from = _local_midnight(today - datetime.timedelta(days=plan.stale_after_days), plan)
    status_counts: Counter = Counter()
    phase_counts: Counter = Counter()
    ages: Counter = Counter()
    late_actions = 0
    for status_id, phase_id, count, recent, acceptable, late_count in (
        actions.order_by()
        .values_list("status", "implementation_phase")
        .annotate(
            n=Count("id"),
            recent=Count("id", filter=Q(updated_at__gte=recent_from)),
            acceptable=Count(
                "id", filter=Q(updated_at__lt=recent_from, updated_at__gte=acceptable_from)
            ),
            late=Count("id", filter=late_condition(plan, today)),
        )
    ):
        late_actions += late_count
        status_counts[status_id] += count
        phase_counts[phase_id] += count
        ages[Timeliness.RECENT] += recent
        ages[Timeliness.ACCEPTABLE] += acceptable
        ages[Timeliness.STALE] += count - recent - acceptable
    late = Task.objects.filter(
        action__in=actions, state__in=Task.OPEN_STATES, due_at__lt=today
    ).aggregate(tasks=Count("id"), actions=Count("action", distinct=True))
    return Counts(
        statuses=status_counts,
        phases=phase_counts,
        ages=ages,
        late_actions=late_actions,
        late_tasks=late["tasks"],
        actions_with_late_tasks=late["actions"],
    )
