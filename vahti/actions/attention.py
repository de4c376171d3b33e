"""What needs attention in a plan: the contact persons' and plan admins' to-do list.

An action needs attention when it has late tasks, unpublished changes (in a moderated
plan: waiting for a plan admin's review), tasks due within 30 days, has not been
updated for longer than the plan allows (``Plan.stale_after_days``, 180 by default), or
has fewer than three open tasks due within the next twelve months (Helsinki's rule for
keeping an action's plan of work visible). Counted for any number of actions in one
query.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import partial

from django.db import connection
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    FilteredRelation,
    OuterRef,
    Q,
    QuerySet,
)

from vahti.actions.models import Action, Task
from vahti.plans.changes import kept_for_versions
from vahti.plans.models import Plan

DUE_SOON_DAYS = 30
PLANNING_HORIZON_DAYS = 365
MIN_PLANNED_TASKS = 3


@dataclass(frozen=True)
class Attention:
    action: Action
    late_tasks: int
    tasks_due_soon: int
    planned_tasks: int  # open tasks due within the next twelve months
    days_since_update: int
    stale_after_days: int

    @property
    def is_stale(self) -> bool:
        return self.days_since_update > self.stale_after_days

    @property
    def too_few_planned_tasks(self) -> bool:
        return self.planned_tasks < MIN_PLANNED_TASKS

    @property
    def draft_waiting(self) -> bool:
        """Saved changes not yet published (in a moderated plan: awaiting review)."""
        return self.action.has_unpublished_changes

    @property
    def needs_attention(self) -> bool:
        return bool(
            self.late_tasks
            or self.draft_waiting
            or self.tasks_due_soon
            or self.is_stale
            or self.too_few_planned_tasks
        )

    @property
    def urgency(self) -> tuple:
        """Sorts the most urgent first: late tasks, then changes waiting to be published,
        then a stale action, then tasks due soon, then too thin a plan of work; among
        equals the one longest without an update (by its time, not its day: the
        database sorts the same way, issue 22)."""
        return (
            -self.late_tasks,
            not self.draft_waiting,
            not self.is_stale,
            -self.tasks_due_soon,
            not self.too_few_planned_tasks,
            self.action.updated_at,
            self.action.sort_key,
            self.action.pk,
        )


def with_attention_counts(actions: QuerySet[Action], today: datetime.date) -> QuerySet[Action]:
    open_task = Q(tasks__state__in=Task.OPEN_STATES)
    return actions.annotate(
        late_tasks=Count("tasks", filter=open_task & Q(tasks__due_at__lt=today)),
        tasks_due_soon=Count(
            "tasks",
            filter=open_task
            & Q(tasks__due_at__gte=today)
            & Q(tasks__due_at__lte=today + datetime.timedelta(days=DUE_SOON_DAYS)),
        ),
        planned_tasks=Count(
            "tasks",
            filter=open_task
            & Q(tasks__due_at__gte=today)
            & Q(tasks__due_at__lte=today + datetime.timedelta(days=PLANNING_HORIZON_DAYS)),
        ),
    )


def attention_list(
    actions: QuerySet[Action], today: datetime.date, *, only_needing: bool = False
) -> list[Attention]:
    """The actions with what each needs, most urgent first. One query."""
    rows = with_attention_counts(actions.select_related("plan").order_by(), today).defer(
        *_heavy_columns()
    )
    found = []
    for action in rows:
        item = _attention(action, today)
        if item.needs_attention or not only_needing:
            found.append(item)
    return sorted(found, key=lambda item: item.urgency)


def most_late_tasks(actions: list[Action], today: datetime.date) -> dict[int, int]:
    """Each action's most overdue open task, by action id: the one a "late task" link
    opens. One query."""
    late = Task.objects.filter(
        action__in=actions, state__in=Task.OPEN_STATES, due_at__lt=today
    ).order_by("action_id", "due_at", "pk")
    found: dict[int, int] = {}
    for action_id, task_id in late.values_list("action_id", "pk"):
        found.setdefault(action_id, task_id)
    return found


@dataclass(frozen=True)
class AttentionSummary:
    actions: int
    with_late_tasks: int
    with_drafts_waiting: int
    stale: int
    with_tasks_due_soon: int
    with_too_few_planned_tasks: int


def summarise(items: list[Attention], total: int) -> AttentionSummary:
    return AttentionSummary(
        actions=total,
        with_late_tasks=sum(1 for i in items if i.late_tasks),
        with_drafts_waiting=sum(1 for i in items if i.draft_waiting),
        stale=sum(1 for i in items if i.is_stale),
        with_tasks_due_soon=sum(1 for i in items if i.tasks_due_soon),
        with_too_few_planned_tasks=sum(1 for i in items if i.too_few_planned_tasks),
    )


def _heavy_columns() -> list[str]:
    """Long texts the list does not show."""
    return [
        f.attname
        for f in Action._meta.concrete_fields
        if f.get_internal_type() == "TextField" or f.attname.startswith("description")
    ]


# The same list and counts for a plan of any size: the admin's home shows the first few
# actions and the counts, which the database computes and sorts in one query, reading
# each action's open tasks from the index on the tasks' action, due date and state; no
# action is read into Python but those shown; and not again while the plan's data stays
# the same (issue 22).


def _stale_before(plans: list[Plan], today: datetime.date) -> Q:
    """Updated before the plan's first day that is not stale (in the plan's time zone):
    ``days_since_update > stale_after_days`` without reading the local date of each."""
    condition = Q()
    for plan in plans:
        first_fresh_day = today - datetime.timedelta(days=plan.stale_after_days)
        midnight = datetime.datetime.combine(first_fresh_day, datetime.time(), plan.tzinfo)
        condition |= Q(plan_id=plan.pk, updated_at__lt=midnight)
    return condition


def _flagged(actions: QuerySet[Action], today: datetime.date, plans: list[Plan]):
    """``actions`` with their open tasks' counts (late, due soon, planned) and flags, one
    row each: the open tasks due within the horizon are joined once (covered by the
    index on the tasks' action, due date and state)."""
    horizon = today + datetime.timedelta(days=PLANNING_HORIZON_DAYS)
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    coming = Q(coming__due_at__gte=today)
    return (
        # Named by plan too: SQLite then reads each plan's actions in order of their ids
        # from the plan's index and counts their tasks without sorting them.
        actions.filter(plan__in=[plan.pk for plan in plans])
        .order_by()
        .alias(
            coming=FilteredRelation(
                "tasks", condition=Q(tasks__state__in=Task.OPEN_STATES, tasks__due_at__lte=horizon)
            )
        )
        .values(
            action=F("pk"),
            key=F("sort_key"),
            changed=F("updated_at"),
            draft=F("has_unpublished_changes"),
        )
        .annotate(
            late=Count("coming", filter=Q(coming__due_at__lt=today)),
            soon=Count("coming", filter=coming & Q(coming__due_at__lte=soon)),
            planned=Count("coming", filter=coming),
            stale=ExpressionWrapper(_stale_before(plans, today), output_field=BooleanField()),
        )
    )


# Over the flagged actions, one row each: the first ``limit`` in Attention.urgency's
# order (those needing attention come first, as any flag sorts before none), each with
# the counts over them all.
URGENT_FIRST = """
SELECT action, late, soon, planned, {needs},
    COUNT(*) OVER (),
    COUNT(*) FILTER (WHERE {needs}) OVER (),
    COUNT(*) FILTER (WHERE late > 0) OVER (),
    COUNT(*) FILTER (WHERE draft) OVER (),
    COUNT(*) FILTER (WHERE stale) OVER (),
    COUNT(*) FILTER (WHERE soon > 0) OVER (),
    COUNT(*) FILTER (WHERE planned < {thin}) OVER ()
FROM ({flagged}) flagged
ORDER BY late DESC, draft DESC, stale DESC, soon DESC, planned >= {thin}, changed, key,
    action
LIMIT %s
"""


def attention_page(
    actions: QuerySet[Action], today: datetime.date, *, only_needing: bool, limit: int
) -> tuple[list[Attention], int, AttentionSummary]:
    """The ``limit`` most urgent actions (in :func:`attention_list`'s order), how many
    there are in all (of those needing attention, when ``only_needing``), and the
    counts of :func:`summarise`, in three queries: the database counts and sorts them.
    The counted rows are kept per data version of the plans (every save of an action or
    of its tasks moves it, drafts too) and by the query's text and parameters (the
    user's scope, today, the plans' time zones): while nothing changes, two queries and
    none of them over all the plan's actions (issue 22)."""
    plans = list(Plan.objects.filter(Exists(actions.filter(plan_id=OuterRef("pk")))))
    if not plans:
        return [], 0, AttentionSummary(0, 0, 0, 0, 0, 0)
    flagged, params = _flagged(actions, today, plans).query.sql_with_params()
    needs = f"(late > 0 OR draft OR stale OR soon > 0 OR planned < {MIN_PLANNED_TASKS})"
    sql = URGENT_FIRST.format(needs=needs, thin=MIN_PLANNED_TASKS, flagged=flagged)
    rows = kept_for_versions(
        plans, f"attention:{sql}:{[*params, limit]!r}", partial(_rows, sql, [*params, limit])
    )
    totals = rows[0][5:] if rows else (0,) * 7
    shown = {
        pk: (late, soon, planned)
        for pk, late, soon, planned, needed, *_totals in rows
        if needed or not only_needing
    }
    found = Action.objects.select_related("plan").defer(*_heavy_columns()).in_bulk(shown)
    items = []
    for pk, (late, soon, planned) in shown.items():
        action = found[pk]
        action.late_tasks, action.tasks_due_soon, action.planned_tasks = late, soon, planned
        items.append(_attention(action, today))
    total, needing, *flags = totals
    summary = AttentionSummary(total, *flags)
    return items, needing if only_needing else total, summary


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _attention(action: Action, today: datetime.date) -> Attention:
    """An action read :func:`with_attention_counts` with what it needs."""
    updated = action.updated_at.astimezone(action.plan.tzinfo).date()
    return Attention(
        action=action,
        late_tasks=action.late_tasks,
        tasks_due_soon=action.tasks_due_soon,
        planned_tasks=action.planned_tasks,
        days_since_update=(today - updated).days,
        stale_after_days=action.plan.stale_after_days,
    )
