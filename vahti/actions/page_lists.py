"""The action page's categories and schedules: the plan's lists kept per data version
(the same for every action page of the plan), the action's own picked from them by the
ids of its links, both kinds read in one query."""

from __future__ import annotations

from django.db.models import IntegerField, QuerySet, Value

from vahti.actions.models import Action
from vahti.plans.changes import kept_for_version
from vahti.plans.models import ActionSchedule, Category

CATEGORY, SCHEDULE = 1, 2


def plan_categories(plan) -> list[Category]:
    """The plan's categories with their parents and types, in their order. Kept per data
    version."""
    return kept_for_version(
        plan,
        "categories",
        lambda: list(Category.objects.filter(plan_id=plan.pk).select_related("parent", "type")),
    )


def plan_schedules(plan) -> list[ActionSchedule]:
    """The plan's schedules in their order. Kept per data version."""
    return kept_for_version(
        plan, "schedules", lambda: list(ActionSchedule.objects.filter(plan_id=plan.pk))
    )


def _linked_ids(action_id: int) -> dict[int, set[int]]:
    """The ids of the action's categories and schedules. 1 query (UNION ALL)."""
    kind = IntegerField()
    categories = (
        Action.categories.through.objects.filter(action_id=action_id)
        .annotate(kind=Value(CATEGORY, output_field=kind))
        .values_list("category_id", "kind")
    )
    schedules = (
        Action.schedules.through.objects.filter(action_id=action_id)
        .annotate(kind=Value(SCHEDULE, output_field=kind))
        .values_list("actionschedule_id", "kind")
    )
    found: dict[int, set[int]] = {CATEGORY: set(), SCHEDULE: set()}
    for pk, of_kind in categories.union(schedules, all=True):
        found[of_kind].add(pk)
    return found


def _as_prefetched(action: Action, name: str, objects: list) -> None:
    """``action.<name>.all()`` gives ``objects`` without a query, as after
    ``prefetch_related``."""
    queryset: QuerySet = Action._meta.get_field(name).related_model.objects.all()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    if not hasattr(action, "_prefetched_objects_cache"):
        action._prefetched_objects_cache = {}
    action._prefetched_objects_cache[name] = queryset


def attach_categories_and_schedules(action: Action) -> None:
    """Give the action its categories and schedules, as a prefetch would, in 1 query
    (none more while the plan's data version stays)."""
    ids = _linked_ids(action.pk)
    categories = [c for c in plan_categories(action.plan) if c.pk in ids[CATEGORY]]
    schedules = [s for s in plan_schedules(action.plan) if s.pk in ids[SCHEDULE]]
    _as_prefetched(action, "categories", categories)
    _as_prefetched(action, "schedules", schedules)
