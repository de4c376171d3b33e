"""The export's plan fields (:mod:`vahti.actions.models.fields`): their definitions,
their options, and each action's values, a row per value; in the public export only
the public fields. A fixed number of queries whatever the plan's size."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from vahti.actions.models import ActionField, ActionFieldOption, ActionFieldValue
from vahti.plans.models import Plan
from vahti.workbook.exports.cells import translated


def number(value: Decimal | None) -> int | float | None:
    """A stored decimal as the spreadsheet's number: a whole one without decimals."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def plan_fields(plan: Plan, *, public: bool):
    fields = ActionField.objects.filter(plan=plan)
    return fields.public() if public else fields


def field_rows(plan: Plan, *, public: bool) -> Iterator[dict]:
    fields = plan_fields(plan, public=public).select_related("category_type")
    for field in fields.order_by("order", "pk"):
        yield {
            "identifier": field.identifier,
            "kind": field.kind,
            **translated(field, "name", "help_text", "unit"),
            "category_type": field.category_type.identifier if field.category_type else None,
            "order": field.order,
            "public": field.is_public,
            "required": field.is_required,
        }


def option_rows(plan: Plan, *, public: bool) -> Iterator[dict]:
    options = (
        ActionFieldOption.objects.filter(field__in=plan_fields(plan, public=public))
        .select_related("field")
        .order_by("field__order", "field__pk", "order", "pk")
    )
    for option in options:
        yield {
            "field": option.field.identifier,
            "identifier": option.identifier,
            **translated(option, "name"),
            "order": option.order,
        }


def value_rows(actions, plan: Plan, *, public: bool) -> Iterator[dict]:
    values = (
        ActionFieldValue.objects.filter(
            action__in=actions, field__in=plan_fields(plan, public=public)
        )
        .select_related("action", "field", "option", "category")
        .order_by("action__sort_key", "action__pk", "field__order", "field__pk")
    )
    for value in values:
        row = {
            "action": value.action.identifier,
            "field": value.field.identifier,
            "value": cell(value),
            **dict.fromkeys(translated(value, "text")),
        }
        if value.field.kind in ActionField.TEXT_KINDS:
            source = "text" if value.field.kind == ActionField.Kind.TEXT else "rich_text"
            texts = translated(value, source)
            row.update({f"text{key[len(source) :]}": text for key, text in texts.items()})
        if any(row[key] is not None for key in row if key not in ("action", "field")):
            yield row


def cell(value: ActionFieldValue):
    """The value column's cell: a number, a date, yes/no, an option's or a category's
    identifier; a text's are in the text columns."""
    kind = value.field.kind
    if kind == ActionField.Kind.NUMBER:
        return number(value.number)
    if kind == ActionField.Kind.DATE:
        return value.date
    if kind == ActionField.Kind.YES_NO:
        return value.yes_no
    if kind in ActionField.CHOICE_KINDS:
        return value.option.identifier if value.option else None
    if kind == ActionField.Kind.CATEGORY:
        return value.category.identifier if value.category else None
    return None
