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

from django.db.models import Case, Count, IntegerField, OuterRef, Q, QuerySet, Subquery, When
from django.db.models.functions import Coalesce, TruncDate

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
        updated = action.updated_at.astimezone(action.plan.tzinfo).date()
        item = Attention(
            action=action,
            late_tasks=action.late_tasks,
            tasks_due_soon=action.tasks_due_soon,
            planned_tasks=action.planned_tasks,
            days_since_update=(today - updated).days,
            stale_after_days=action.plan.stale_after_days,
        )
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


# The same lists and counts worked out by the database, for a plan of any size: the
# admin's home shows the first few actions and the counts, not every action (issue 22).


def _open_tasks_count(condition: Q):
    tasks = (
        Task.objects.filter(condition, action=OuterRef("pk"), state__in=Task.OPEN_STATES)
        .order_by()
        .values("action")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(tasks, output_field=IntegerField()), 0)


def _stale(plans: list, today: datetime.date) -> Q:
    """Not updated for longer than the plan allows: last updated before the start of
    the day ``stale_after_days`` before ``today`` (in the plan's time zone)."""
    stale = Q(pk__in=[])
    for plan in plans:
        day = today - datetime.timedelta(days=plan.stale_after_days)
        cutoff = datetime.datetime.combine(day, datetime.time(), tzinfo=plan.tzinfo)
        stale |= Q(plan_id=plan.pk, updated_at__lt=cutoff)
    return stale


def _with_attention(actions: QuerySet[Action], today: datetime.date, plans: list) -> QuerySet:
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    horizon = today + datetime.timedelta(days=PLANNING_HORIZON_DAYS)
    return actions.annotate(
        late_tasks=_open_tasks_count(Q(due_at__lt=today)),
        tasks_due_soon=_open_tasks_count(Q(due_at__gte=today, due_at__lte=soon)),
        planned_tasks=_open_tasks_count(Q(due_at__gte=today, due_at__lte=horizon)),
        stale=Case(When(_stale(plans, today), then=True), default=False),
        thin=Case(When(planned_tasks__lt=MIN_PLANNED_TASKS, then=True), default=False),
        updated_on=TruncDate("updated_at", tzinfo=plans[0].tzinfo),
    )


NEEDING = (
    Q(late_tasks__gt=0)
    | Q(has_unpublished_changes=True)
    | Q(tasks_due_soon__gt=0)
    | Q(stale=True)
    | Q(thin=True)
)


def attention_page(
    actions: QuerySet[Action], today: datetime.date, *, only_needing: bool, limit: int
) -> tuple[list[Attention], int, AttentionSummary]:
    """The ``limit`` most urgent actions (as :func:`attention_list` orders them), how many
    there are in all, and the counts of :func:`summarise`: a few queries, whatever the
    number of actions."""
    plans = list(Plan.objects.filter(pk__in=actions.order_by().values("plan_id")))
    if not plans:
        return [], 0, summarise([], 0)
    annotated = _with_attention(actions.order_by(), today, plans)
    counts = annotated.aggregate(
        actions=Count("pk"),
        needing=Count("pk", filter=NEEDING),
        with_late_tasks=Count("pk", filter=Q(late_tasks__gt=0)),
        with_drafts_waiting=Count("pk", filter=Q(has_unpublished_changes=True)),
        stale=Count("pk", filter=Q(stale=True)),
        with_tasks_due_soon=Count("pk", filter=Q(tasks_due_soon__gt=0)),
        with_too_few_planned_tasks=Count("pk", filter=Q(thin=True)),
    )
    listed = annotated.filter(NEEDING) if only_needing else annotated
    rows = listed.select_related("plan").defer(*_heavy_columns()).order_by(
        "-late_tasks", "-has_unpublished_changes", "-stale", "-tasks_due_soon", "-thin",
        "updated_on", "sort_key",
    )[:limit]  # fmt: skip
    by_plan = {plan.pk: plan for plan in plans}
    items = [
        Attention(
            action=action,
            late_tasks=action.late_tasks,
            tasks_due_soon=action.tasks_due_soon,
            planned_tasks=action.planned_tasks,
            days_since_update=(
                today - action.updated_at.astimezone(by_plan[action.plan_id].tzinfo).date()
            ).days,
            stale_after_days=by_plan[action.plan_id].stale_after_days,
        )
        for action in rows
    ]
    needing = counts.pop("needing")
    total = needing if only_needing else counts["actions"]
    return items, total, AttentionSummary(**counts)
