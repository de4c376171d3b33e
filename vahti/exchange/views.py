"""The plan's public workbook and its sheets as CSV: ``/data/plan.xlsx``,
``/data/<sheet>.csv`` (actions, tasks, indicators, goals, values)."""

from __future__ import annotations

from django.http import Http404
from django.urls import path, re_path
from django.views.decorators.http import require_safe

from vahti.core import spreadsheets
from vahti.workbook.export import Export
from vahti.workbook.sheets import PUBLIC_SHEETS


def _plan(request):
    plan = getattr(request, "plan", None)
    if plan is None:
        raise Http404("No plan is published on this site yet.")
    return plan


@require_safe
def workbook(request):
    plan = _plan(request)
    return spreadsheets.xlsx_file_response(
        Export(plan, public=True).workbook(), f"{plan.identifier}.xlsx"
    )


@require_safe
def sheet_csv(request, sheet: str):
    plan = _plan(request)
    if sheet not in PUBLIC_SHEETS:
        raise Http404("No such sheet.")
    return spreadsheets.csv_file_response(
        Export(plan, public=True).csv(sheet), f"{plan.identifier}-{sheet}.csv"
    )


app_name = "exchange"
urlpatterns = [
    path("data/plan.xlsx", workbook, name="workbook"),
    re_path(r"^data/(?P<sheet>[a-z]+)\.csv$", sheet_csv, name="sheet-csv"),
]
