"""The Covenant of Mayors export: a workbook whose first sheet is laid out like the
SECAP template's mitigation-actions table (its headings in its order, one row per public
action of the plan in the plan's order, the Covenant's English labels, numbers in
EUR, MWh/a and t CO₂/a), ready to paste; the second names each action and column that
the template requires and the plan does not yet give."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from vahti.core.i18n import primary_language
from vahti.core.spreadsheets import xlsx_bytes
from vahti.covenant.categories import COLUMNS, HEADINGS
from vahti.covenant.selectors import covenant_rows, problem_text

TABLE_SHEET = "Mitigation actions"
TABLE_WIDTHS = [50, 34, 40, 30, 22, 34, 14, 14, 18, 18, 18, 18, 18]
MISSING_WIDTHS = [12, 50, 30, 60]


def covenant_sheets(plan) -> list[tuple[str, list, list]]:
    """The two sheets' rows, header first. The table's texts are read in English where
    the plan has them (the Covenant's language), else in the plan's primary language."""
    with primary_language(plan.primary_language), translation.override("en"):
        rows = covenant_rows(plan)
        table = [[heading for _key, heading in COLUMNS]]
        table += [[row.values.get(key) for key, _heading in COLUMNS] for row in rows]
    missing_rows = [
        [row.action.identifier, str(row.action.name), HEADINGS[column], problem_text(problem)]
        for row in rows
        for column, problem in row.missing
    ]
    header = [_("Action"), _("Name"), _("Column"), _("What is missing")]
    missing = [header, *missing_rows]
    return [
        (TABLE_SHEET, table, TABLE_WIDTHS),
        (_("Missing values"), missing, MISSING_WIDTHS),
    ]


def covenant_workbook(plan) -> bytes:
    return xlsx_bytes(covenant_sheets(plan))


def covenant_filename(plan) -> str:
    return f"{plan.identifier}-covenant-of-mayors.xlsx"
