"""The order of the dashboard's table: by the column a link names, ties in identifier
order, a missing value last. The page and the downloads both take their order from
here, reading only what the column needs."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from vahti.actions.dashboard import (
    Lookups,
    first_primary_organizations,
    first_themes,
    task_counts,
)
from vahti.actions.field_values import PlanFields
from vahti.actions.models import Action, ActionField, ActionFieldValue
from vahti.core.i18n import active_language, column_name, language_codes, pick_translation
from vahti.plans.models import Plan

# Finnish and Swedish put å, ä and ö after z, in that order, and ü with y; code points
# would put ä before å.
_NORDIC = str.maketrans({"å": "z\U0010fff1", "ä": "z\U0010fff2", "ö": "z\U0010fff3", "ü": "y"})


def _sort_text(text) -> str:
    return str(text or "").casefold().translate(_NORDIC)


SORT_COLUMNS = (
    "identifier",
    "name",
    "category",
    "organization",
    "status",
    "phase",
    "open_tasks",
    "late_tasks",
    "updated",
)
DEFAULT_SORT = "identifier"
# A column of the plan's own field: its identifier after this (as in the filters).
FIELD_PREFIX = "f."


def field_sort_key(field: ActionField) -> str:
    return FIELD_PREFIX + field.identifier


def parse_sort(value: str | None, plan_fields: PlanFields | None = None) -> tuple[str, bool]:
    """``"-updated"`` → ("updated", descending); ``"f.cost"`` a public filterable field's
    column. Unknown columns sort by identifier."""
    value = (value or "").strip()
    descending = value.startswith("-")
    column = value.removeprefix("-")
    known = {field_sort_key(f) for f in plan_fields.filterable} if plan_fields else set()
    if column not in SORT_COLUMNS and column not in known:
        return DEFAULT_SORT, False
    return column, descending


def sorted_ids(
    plan: Plan,
    actions: QuerySet[Action],
    today: datetime.date,
    sort: str | None,
    lookups: Lookups,
) -> list[int]:
    """The ids of ``actions`` in the order the table shows them: by the column ``sort``
    names (``-`` first for descending), ties in identifier order, a missing value
    last. The page and the downloads both take their order from here. Reads only what
    the column needs: 1 to 4 queries."""
    column, descending = parse_sort(sort, lookups.plan_fields)
    ordered = actions.in_natural_order()
    if column == "identifier":
        ids = list(ordered.values_list("pk", flat=True))
        return ids[::-1] if descending else ids
    if column == "name":
        keyed = _name_keys(plan, ordered)
    elif column in ("status", "phase"):
        keyed = _lookup_keys(column, ordered, lookups)
    elif column == "updated":
        keyed = list(ordered.values_list("pk", "updated_at"))
    elif column in ("open_tasks", "late_tasks"):
        counts = task_counts(actions, today)
        index = 0 if column == "open_tasks" else 1
        keyed = [(pk, counts.get(pk, (0, 0))[index]) for pk in ordered.values_list("pk", flat=True)]
    elif column.startswith(FIELD_PREFIX):
        keyed = _field_keys(column, ordered, lookups)
    else:
        keyed = _first_item_keys(column, actions, ordered, lookups)
    if descending and (
        column in ("name", "category", "organization", "status", "phase")
        or column.startswith(FIELD_PREFIX)
    ):
        # A missing value stays last the other way round too.
        present = [item for item in keyed if not _missing(item[1])]
        missing = [item for item in keyed if _missing(item[1])]
        present.sort(key=lambda item: item[1], reverse=True)
        keyed = present + missing
    else:
        keyed.sort(key=lambda item: item[1], reverse=descending)
    return [pk for pk, _key in keyed]


def _name_keys(plan: Plan, ordered: QuerySet[Action]) -> list[tuple]:
    """(pk, name as sorted) of each action, the name in the page's language. 1 query."""
    language, primary = active_language(), plan.primary_language
    name_columns = [column_name("name", code) for code in language_codes()]
    return [
        (
            row[0],
            _sort_text(
                pick_translation(
                    {c.rsplit("_", 1)[1]: v for c, v in zip(name_columns, row[1:], strict=True)},
                    language,
                    primary,
                )
            ),
        )
        for row in ordered.values_list("pk", *name_columns)
    ]


def _lookup_keys(column: str, ordered: QuerySet[Action], lookups: Lookups) -> list[tuple]:
    """(pk, (missing, the status's or phase's place in the plan's order)). 1 query."""
    items, field = (
        (lookups.statuses, "status_id")
        if column == "status"
        else (lookups.phases, "implementation_phase_id")
    )
    order = {item.pk: (item.order, item.pk) for item in items.values()}
    return [
        (pk, (value not in order, order.get(value, (0, 0))))
        for pk, value in ordered.values_list("pk", field)
    ]


def _first_item_keys(
    column: str, actions: QuerySet[Action], ordered: QuerySet[Action], lookups: Lookups
) -> list[tuple]:
    """(pk, (missing, name)) of each action's first theme or first primarily responsible
    organisation. 2 or 3 queries."""
    first, items = (
        (first_themes(lookups, actions), lookups.themes) if column == "category"
        else first_primary_organizations(actions)
    )  # fmt: skip

    def name_of(pk):
        item = items.get(first.get(pk))
        return (item is None, _sort_text(item.name) if item else "")

    return [(pk, name_of(pk)) for pk in ordered.values_list("pk", flat=True)]


def _field_keys(column: str, ordered: QuerySet[Action], lookups: Lookups) -> list[tuple]:
    """(pk, (missing, value)) of the field the column names: a number, date or yes/no as
    it is, an ordered choice by its options' order, a choice or a category by name.
    2 queries."""
    plan_fields = lookups.plan_fields
    field = next(f for f in plan_fields.filterable if field_sort_key(f) == column)
    found = dict(
        ActionFieldValue.objects.filter(field=field, action__in=ordered)
        .order_by()
        .values_list("action_id", field.value_column)
    )

    def key(value):
        if field.kind == ActionField.Kind.ORDERED_CHOICE:
            option = plan_fields.options.get(value)
            return (option.order, option.pk) if option else None
        if field.kind == ActionField.Kind.CHOICE:
            option = plan_fields.options.get(value)
            return _sort_text(option.name) if option else None
        if field.kind == ActionField.Kind.CATEGORY:
            category = plan_fields.categories.get(value)
            return _sort_text(category.name) if category else None
        return value

    keys = {pk: key(value) for pk, value in found.items()}
    return [
        (pk, (keys.get(pk) is None, keys.get(pk) if keys.get(pk) is not None else 0))
        for pk in ordered.values_list("pk", flat=True)
    ]


def _missing(key) -> bool:
    return isinstance(key, tuple) and key[0] is True
