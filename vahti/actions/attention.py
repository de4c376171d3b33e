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
import heapq
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from vahti.actions.models import Action, Task
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
        then a stale action, then tasks due soon, then too thin a plan of work."""
        return (
            -self.late_tasks,
            not self.draft_waiting,
            not self.is_stale,
            -self.tasks_due_soon,
            not self.too_few_planned_tasks,
            -self.days_since_update,
            self.action.sort_key,
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
# actions and the counts, so each action is read as a few plain values (two queries in
# all) and only the ones shown as objects (issue 22).


def _task_counts(actions: QuerySet[Action], today: datetime.date) -> dict[int, tuple]:
    """(late, due soon, planned) open tasks by action id, for actions with any."""
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    horizon = today + datetime.timedelta(days=PLANNING_HORIZON_DAYS)
    rows = (
        Task.objects.filter(
            action__in=actions.order_by().values("pk"),
            state__in=Task.OPEN_STATES,
            due_at__lte=horizon,
        )
        .order_by()
        .values("action_id")
        .annotate(
            late=Count("pk", filter=Q(due_at__lt=today)),
            soon=Count("pk", filter=Q(due_at__gte=today, due_at__lte=soon)),
            planned=Count("pk", filter=Q(due_at__gte=today)),
        )
        .values_list("action_id", "late", "soon", "planned")
    )
    return {action_id: counts for action_id, *counts in rows}


def attention_page(
    actions: QuerySet[Action], today: datetime.date, *, only_needing: bool, limit: int
) -> tuple[list[Attention], int, AttentionSummary]:
    """The ``limit`` most urgent actions (in :func:`attention_list`'s order), how many
    there are in all, and the counts of :func:`summarise`, in four queries."""
    plans = {plan.pk: plan for plan in Plan.objects.filter(pk__in=actions.values("plan_id"))}
    counts = _task_counts(actions, today)
    columns = ("pk", "plan_id", "has_unpublished_changes", "updated_at", "sort_key")
    tally = dict.fromkeys(("late", "draft", "stale", "soon", "thin"), 0)
    listed, total = [], 0
    for pk, plan_id, draft, updated_at, sort_key in actions.order_by().values_list(*columns):
        total += 1
        plan = plans[plan_id]
        late, soon, planned = counts.get(pk, (0, 0, 0))
        days = (today - updated_at.astimezone(plan.tzinfo).date()).days
        stale, thin = days > plan.stale_after_days, planned < MIN_PLANNED_TASKS
        flags = {"late": late, "draft": draft, "stale": stale, "soon": soon, "thin": thin}
        for name, flag in flags.items():
            tally[name] += bool(flag)
        if only_needing and not any(flags.values()):
            continue
        # Attention.urgency, without building every action.
        listed.append(((-late, not draft, not stale, -soon, not thin, -days, sort_key), pk))
    shown = [pk for _key, pk in heapq.nsmallest(limit, listed)]
    found = actions.model.objects.select_related("plan").defer(*_heavy_columns())
    found = with_attention_counts(found.filter(pk__in=shown), today).in_bulk()
    items = [_attention(found[pk], today) for pk in shown]
    summary = AttentionSummary(
        actions=total,
        with_late_tasks=tally["late"],
        with_drafts_waiting=tally["draft"],
        stale=tally["stale"],
        with_tasks_due_soon=tally["soon"],
        with_too_few_planned_tasks=tally["thin"],
    )
    return items, len(listed), summary


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
