"""A plan's own action fields as the public site reads them: the public fields with their
options and categories, kept per data version (for the list's filters, the dashboard's
columns and the downloads), an action's public values for its page (read along with the
action, no query of their own), and every listed action's values for the dashboard and
the downloads. Non-public fields and their values are never read here.

Each function issues a fixed number of queries whatever the number of fields, options,
values or actions.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import OuterRef, QuerySet, Subquery

from vahti.actions.models import Action, ActionField, ActionFieldOption, ActionFieldValue
from vahti.core.i18n import active_language, column_name, language_codes, pick_translation
from vahti.plans.changes import kept_for_version
from vahti.plans.models import Category, Plan


@dataclass(frozen=True)
class PlanFields:
    """The plan's public fields in order; a choice field's ``option_list`` in the
    options' order, a category field's ``category_list`` in the categories' order."""

    fields: list[ActionField] = field(default_factory=list)
    options: dict[int, ActionFieldOption] = field(default_factory=dict)
    categories: dict[int, Category] = field(default_factory=dict)

    @property
    def filterable(self) -> list[ActionField]:
        return [f for f in self.fields if f.is_filterable]


def public_fields(plan: Plan) -> PlanFields:
    """The plan's public fields with their options and their categories, kept per data
    version: no query while the plan's data stays the same, 1 to 3 after a change."""
    return kept_for_version(plan, "public-action-fields", lambda: _read_public_fields(plan))


def _read_public_fields(plan: Plan) -> PlanFields:
    fields = list(ActionField.objects.filter(plan=plan).public().select_related("category_type"))
    by_pk = {f.pk: f for f in fields}
    for item in fields:
        item.option_list, item.category_list = [], []
    options = {}
    if any(f.has_options for f in fields):
        for option in ActionFieldOption.objects.filter(field_id__in=list(by_pk)).order_by(
            "order", "pk"
        ):
            option.field = by_pk[option.field_id]
            option.field.option_list.append(option)
            options[option.pk] = option
    categories = {}
    type_ids = {f.category_type_id for f in fields if f.kind == ActionField.Kind.CATEGORY}
    if type_ids:
        for category in (
            Category.objects.filter(type_id__in=type_ids)
            .select_related("type")
            .order_by("order", "pk")
        ):
            categories[category.pk] = category
            for item in fields:
                if item.category_type_id == category.type_id:
                    item.category_list.append(category)
    return PlanFields(fields, options, categories)


def _columns_of(field: ActionField) -> list[str]:
    """The value's columns a field's kind reads (a text's in every language)."""
    column = field.value_column
    if column in ("text", "rich_text"):
        return [column_name(column, code) for code in language_codes()]
    if column in ("option", "category"):
        return [f"{column}_id"]
    return [column]


def with_public_values(actions: QuerySet[Action], plan_fields: PlanFields) -> QuerySet[Action]:
    """``actions`` with their values of the plan's public fields read along, each column
    a look-up of one row by the unique (action, field) index: the action page's fields
    cost no query of their own (the fields, options and categories are kept per data
    version). Read them with :func:`attach_public_values`."""
    annotations = {}
    for item in plan_fields.fields:
        values = ActionFieldValue.objects.filter(action_id=OuterRef("pk"), field_id=item.pk)
        for column in _columns_of(item):
            annotations[f"field_{item.pk}_{column}"] = Subquery(values.values(column)[:1])
    return actions.annotate(**annotations)


def attach_public_values(action: Action, plan_fields: PlanFields) -> None:
    """``action.public_field_values`` from what :func:`with_public_values` read."""
    values = []
    for item in plan_fields.fields:
        data = {
            column: getattr(action, f"field_{item.pk}_{column}") for column in _columns_of(item)
        }
        option_id, category_id = data.pop("option_id", None), data.pop("category_id", None)
        value = ActionFieldValue(action_id=action.pk, **data)
        value.field = item
        value.option = plan_fields.options.get(option_id)
        value.category = plan_fields.categories.get(category_id)
        values.append(value)
    action.public_field_values = values


def shown_values(action: Action) -> list[ActionFieldValue]:
    """The action's values of public fields that hold something, in the fields' order.
    Prefetched for the published page; a preview's draft values are read with their
    fields (1 query and one per option or category chosen)."""
    values = getattr(action, "public_field_values", None)
    if values is None:
        drafted = list(action.field_values.all())
        fields = ActionField.objects.filter(
            pk__in=[v.field_id for v in drafted], is_public=True
        ).in_bulk()
        values = []
        for value in drafted:
            if value.field_id in fields:
                value.field = fields[value.field_id]
                values.append(value)
        values.sort(key=lambda v: (v.field.order, v.field_id))
    return [value for value in values if not value.is_empty]


# What the dashboard and the downloads read of each value (texts in every language).
_VALUE_COLUMNS = ["number", "date", "yes_no", "option_id", "category_id"]


def _text_columns() -> list[str]:
    return [column_name(name, code) for name in ("text", "rich_text") for code in language_codes()]


FieldValue = Decimal | datetime.date | bool | ActionFieldOption | Category | str | None


@dataclass(frozen=True, slots=True)
class Cell:
    """A field's value of one action in the dashboard's table and downloads."""

    field: ActionField
    value: FieldValue


def values_by_action(
    plan: Plan, plan_fields: PlanFields, fields: list[ActionField], actions: QuerySet[Action]
) -> dict[int, dict[int, FieldValue]]:
    """``{action id: {field id: value}}`` of ``fields`` (public fields of ``plan_fields``)
    for ``actions``: a number, date, yes/no, option, category, or a text in the page's
    language (its fallback marked). 1 query, none without fields."""
    by_pk = {f.pk: f for f in fields}
    if not by_pk:
        return {}
    texts = any(f.kind in ActionField.TEXT_KINDS for f in fields)
    text_columns = _text_columns() if texts else []
    language, primary = active_language(), plan.primary_language
    found: dict[int, dict[int, FieldValue]] = {}
    rows = ActionFieldValue.objects.filter(action__in=actions, field_id__in=list(by_pk)).values(
        "action_id", "field_id", *_VALUE_COLUMNS, *text_columns
    )
    for row in rows.order_by():
        column = by_pk[row["field_id"]].value_column
        if column == "option":
            value = plan_fields.options.get(row["option_id"])
        elif column == "category":
            value = plan_fields.categories.get(row["category_id"])
        elif column in ("text", "rich_text"):
            value = pick_translation(
                {code: row[column_name(column, code)] for code in language_codes()},
                language,
                primary,
            )
        else:
            value = row[column]
        if value is not None and value != "":
            found.setdefault(row["action_id"], {})[row["field_id"]] = value
    return found
