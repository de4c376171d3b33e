"""The plan's own public action fields in the API's shapes (:mod:`vahti.api.schemas`):
their definitions with options for the plan, each action's values by field identifier,
typed by kind, and its estimates. Non-public fields are never read."""

from __future__ import annotations

from decimal import Decimal

from vahti.actions.models import ActionField, ActionFieldOption
from vahti.core.i18n import column_name

Kind = ActionField.Kind


def _texts(ctx, row: dict, prefix: str) -> dict[str, str]:
    found = {}
    for language in ctx.languages:
        value = row.get(column_name(prefix, language))
        if value:
            found[language] = value
    return found


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def fields_data(ctx) -> list[dict]:
    """The plan's public fields with their options, in their order. 2 queries."""
    fields = list(
        ActionField.objects.filter(plan=ctx.plan)
        .public()
        .select_related("category_type")
        .order_by("order", "pk")
    )
    options: dict[int, list[dict]] = {}
    for option in ActionFieldOption.objects.filter(field__in=[f.pk for f in fields]).order_by(
        "order", "pk"
    ):
        options.setdefault(option.field_id, []).append(
            {
                "identifier": option.identifier,
                "name": ctx.texts(option, "name"),
                "order": option.order,
            }
        )
    return [
        {
            "identifier": field.identifier,
            "kind": field.kind,
            "name": ctx.texts(field, "name"),
            "help_text": ctx.texts(field, "help_text"),
            "unit": ctx.texts(field, "unit"),
            "category_type": field.category_type.identifier if field.category_type else None,
            "order": field.order,
            "is_required": field.is_required,
            "options": options.get(field.pk, []),
        }
        for field in fields
    ]


def field_values_data(ctx, rows: list[dict]) -> dict:
    """An action's public values (rows of :func:`vahti.actions.open_data`) by field
    identifier: a number, an ISO date, true or false, {identifier, name} for a choice or
    a category, the texts by language for a text or rich text; empty ones left out."""
    found = {}
    for row in rows:
        value = _value(ctx, row)
        if value not in (None, {}):
            found[row["field__identifier"]] = value
    return found


def _value(ctx, row: dict):
    kind = row["field__kind"]
    if kind == Kind.NUMBER:
        return _number(row["number"])
    if kind == Kind.DATE:
        return row["date"]
    if kind == Kind.YES_NO:
        return row["yes_no"]
    if kind == Kind.TEXT:
        return _texts(ctx, row, "text")
    if kind == Kind.RICH_TEXT:
        return _texts(ctx, row, "rich_text")
    prefix = "option" if kind in ActionField.CHOICE_KINDS else "category"
    if row[f"{prefix}__identifier"] is None:
        return None
    return {"identifier": row[f"{prefix}__identifier"], "name": _texts(ctx, row, f"{prefix}__name")}


def estimates_data(ctx, row: dict) -> dict | None:
    """The action's estimated yearly effects; None when it has none."""
    estimates = {
        "emission_reduction": _number(row["emission_reduction_estimate"]),
        "energy_savings": _number(row["energy_savings_estimate"]),
        "renewable_production": _number(row["renewable_production_estimate"]),
    }
    if all(value is None for value in estimates.values()):
        return None
    return {
        **estimates,
        "year": row["estimate_year"],
        "method": _texts(ctx, row, "estimate_method"),
    }
