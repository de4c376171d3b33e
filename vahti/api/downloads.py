"""The plan's public workbook and its sheets through the API: the same files as
``/data/plan.xlsx`` and ``/data/<sheet>.csv`` (:mod:`vahti.workbook.export`), for any
plan by its identifier, with the API's ETag, Last-Modified and CORS."""

from __future__ import annotations

from enum import Enum

from vahti.api import schemas
from vahti.api.base import ApiRouter, plan_for, stamped
from vahti.core import spreadsheets
from vahti.workbook.export import Export
from vahti.workbook.sheets import PUBLIC_SHEETS

router = ApiRouter("downloads")
PublicSheet = Enum("PublicSheet", {name: name for name in PUBLIC_SHEETS}, type=str)


def _file(media_type: str, description: str) -> dict:
    return {
        "responses": {
            200: {
                "description": description,
                "content": {media_type: {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    }


@router.get(
    "/plans/{identifier}/plan.xlsx",
    response={404: schemas.Problem, 429: schemas.Problem},
    url_name="plan-workbook",
    summary="The plan as an Excel workbook",
    openapi_extra=_file(spreadsheets.XLSX_TYPE, "The workbook."),
)
def plan_workbook(request, identifier: str):
    """Everything public in the plan, a sheet per kind: the plan, its lists, categories,
    organisations, people (name, title, organisation), actions, tasks, indicators,
    goals and values. The columns are those of the import (documented on the admin's
    import page and in `docs/workbook.md`); text cells are protected against formula
    injection."""
    plan = plan_for(request, identifier)
    return stamped(
        request,
        plan,
        spreadsheets.xlsx_file_response(
            Export(plan, public=True).workbook(), f"{plan.identifier}.xlsx"
        ),
    )


@router.get(
    "/plans/{identifier}/{sheet}.csv",
    response={400: schemas.Problem, 404: schemas.Problem, 429: schemas.Problem},
    url_name="plan-sheet-csv",
    summary="One sheet of the plan as CSV",
    openapi_extra=_file("text/csv", "The sheet as CSV in UTF-8 (with a byte-order mark)."),
)
def plan_sheet_csv(request, identifier: str, sheet: PublicSheet):
    """One sheet of the workbook (`actions`, `tasks`, `indicators`, `goals` or `values`)
    as CSV, the columns as in the workbook."""
    plan = plan_for(request, identifier)
    name = sheet.value
    return stamped(
        request,
        plan,
        spreadsheets.csv_file_response(
            Export(plan, public=True).csv(name), f"{plan.identifier}-{name}.csv"
        ),
    )
