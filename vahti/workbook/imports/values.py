"""The values sheet: indicator values by date (and dimension category), saved together
per indicator; a value for a period that has one changes it, the others stay."""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction
from django.utils.translation import gettext as _

from vahti.indicators.models import DimensionCategory, Indicator
from vahti.indicators.services import ValueRow, ValuesRejected, indicator_values_save
from vahti.workbook.imports.rows import SheetRows
from vahti.workbook.report import RowFailed


def import_values(rows: SheetRows) -> None:
    if rows.sheets.get("values") is None:
        return
    indicators = {i.identifier.lower(): i for i in Indicator.objects.filter(plan=rows.plan)}
    grouped = _by_indicator(rows, indicators)
    total = len(grouped)
    for done, (key, values) in enumerate(grouped.items(), start=1):
        try:
            with transaction.atomic():
                saved = indicator_values_save(indicators[key], [row for _n, row in values])
        except ValuesRejected as error:
            for problem in error.problems:
                rows.problem("values", values[problem.row - 1][0], problem.column, problem.message)
            continue
        counts = rows.report.counts["values"]
        counts.created += saved.created
        counts.updated += saved.updated
        counts.unchanged += saved.unchanged
        rows.progress("values", done, total)


def _by_indicator(rows: SheetRows, indicators: dict) -> dict[str, list[tuple[int, ValueRow]]]:
    """The sheet's rows, read and checked, by the (lower-case) indicator they are of."""
    parts = {
        (p.dimension.identifier, p.identifier): p
        for p in DimensionCategory.objects.filter(plan=rows.plan).select_related("dimension")
    }
    grouped: dict[str, list[tuple[int, ValueRow]]] = defaultdict(list)
    for number, record in rows.sheets["values"].rows:
        rows.begin_row()
        try:
            values = rows.cells("values", number, record)
        except RowFailed:
            continue
        indicator = rows.find(
            "values", number, "indicator", indicators, str(values["indicator"]).lower()
        )
        if indicator is None or rows.row_failed():
            continue
        category = None
        if values.get("dimension") or values.get("category"):
            category = parts.get((values.get("dimension") or "", values.get("category") or ""))
            if category is None:
                rows.problem(
                    "values",
                    number,
                    "category",
                    _("The dimension “%(dimension)s” has no category “%(category)s”.")
                    % {
                        "dimension": values.get("dimension") or "",
                        "category": values.get("category") or "",
                    },
                )
                continue
        grouped[indicator.identifier.lower()].append(
            (number, ValueRow(values["date"], values["value"], category))
        )
    return grouped
