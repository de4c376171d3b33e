"""The lists sheet: the plan's own lists, a row per item (statuses, phases, impacts,
timeframes, category types, dimensions and their categories, scenarios)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from vahti.core.services import upsert
from vahti.indicators.models import Dimension, DimensionCategory, Scenario
from vahti.plans.models import (
    ActionImpact,
    ActionImplementationPhase,
    ActionSchedule,
    ActionStatus,
    CategoryType,
)
from vahti.workbook.imports.rows import SheetRows
from vahti.workbook.report import RowFailed

LIST_MODELS = {
    "status": ActionStatus,
    "phase": ActionImplementationPhase,
    "impact": ActionImpact,
    "schedule": ActionSchedule,
    "category_type": CategoryType,
    "dimension": Dimension,
    "scenario": Scenario,
}
# Which attributes each kind of list item takes from the lists sheet.
LIST_ATTRIBUTES = {
    "status": ("color", "is_completed", "sentiment"),
    "phase": ("color",),
    "impact": ("is_estimate",),
    "schedule": ("begins_at", "ends_at"),
    "category_type": ("is_primary",),
    "dimension_category": ("color",),
}


def import_lists(rows: SheetRows) -> None:
    rows.duplicates("lists", lambda r: (r.get("kind"), r.get("parent") or "", r.get("identifier")))

    def one(number, record):
        values = rows.cells("lists", number, record)
        data = _item_data(rows, values)
        model, lookup = _model_and_lookup(rows, number, values, data)
        rows.check_row()
        existed = model.objects.filter(**lookup).exists()
        try:
            _instance, changed = upsert(model, lookup, data)
        except ValidationError as error:
            rows.validation_problems("lists", number, error, {})
            raise RowFailed from None
        rows.report.count("lists", created=not existed, changed=changed)

    rows.each_row("lists", one)


def _item_data(rows: SheetRows, values: dict) -> dict:
    data = rows.texts(values, "name")
    if "order" in values:
        data["order"] = values["order"] or 0
    for name in LIST_ATTRIBUTES.get(values["kind"], ()):
        if name in values and values[name] is not None:
            data[name] = values[name]
        elif name in ("begins_at", "ends_at") and name in values:
            data[name] = None
    return data


def _model_and_lookup(rows: SheetRows, number: int, values: dict, data: dict):
    """The model of the row's kind and how its item is found; a dimension category
    belongs to the dimension its parent column names (and gets the plan in ``data``)."""
    kind = values["kind"]
    if kind != "dimension_category":
        return LIST_MODELS[kind], {"plan": rows.plan, "identifier": values["identifier"]}
    dimension = Dimension.objects.filter(
        plan=rows.plan, identifier=values.get("parent") or ""
    ).first()
    if dimension is None:
        rows.problem(
            "lists",
            number,
            "parent",
            _("Name the dimension (a row of kind dimension) this category belongs to."),
        )
        raise RowFailed
    data["plan"] = rows.plan
    return DimensionCategory, {"dimension": dimension, "identifier": values["identifier"]}
