"""The plan sheet: one row, the plan itself, added when the installation has none of
that identifier; with a plan chosen, the row must name that plan."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vahti.core.services import upsert
from vahti.plans.models import Plan
from vahti.workbook.imports.rows import SheetRows
from vahti.workbook.report import RowFailed


def import_plan(rows: SheetRows) -> None:
    """Check the plan sheet's row and write it; ``rows.plan`` is then the plan (None
    when there is none to import into, a problem of the workbook)."""
    sheet = rows.sheets.get("plan")
    if sheet is None:
        if rows.plan is None:
            rows.problem(
                "plan",
                None,
                None,
                _("Choose the plan to import into, or add a plan sheet that names it."),
            )
        return
    if len(sheet.rows) != 1:
        rows.problem("plan", None, None, _("The plan sheet has one row: the plan."))
        return
    number, record = sheet.rows[0]
    rows.begin_row()
    try:
        values = rows.cells("plan", number, {**record, "identifier": record.get("identifier")})
    except RowFailed:
        return
    identifier = values.get("identifier")
    if rows.plan is not None and identifier != rows.plan.identifier:
        rows.problem(
            "plan",
            number,
            "identifier",
            _("The workbook is of the plan “%(given)s”, not of “%(plan)s”.")
            % {"given": identifier, "plan": rows.plan.identifier},
        )
        return
    _write(rows, number, identifier, _plan_data(rows, values))


def _plan_data(rows: SheetRows, values: dict) -> dict:
    data = rows.texts(values, "name", "short_name")
    for name in ("primary_language", "time_zone"):
        if values.get(name):
            data[name] = values[name]
    if "other_languages" in values:
        data["other_languages"] = values["other_languages"] or []
    return data


def _write(rows: SheetRows, number: int, identifier: str, data: dict) -> None:
    try:
        rows.check_row()
    except RowFailed:
        return
    try:
        with transaction.atomic():
            plan, changed = upsert(Plan, {"identifier": identifier}, data)
    except ValidationError as error:
        rows.validation_problems("plan", number, error, {})
        return
    rows.report.count("plan", created=rows.plan is None and changed, changed=changed)
    rows.plan = rows.report.plan = plan
