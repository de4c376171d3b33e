"""A completed report as a workbook: one row per public action, with the report's columns
(the action, its status and phase, tasks, its public fields, the estimates, the
commentary), read from the snapshots only.

The plan's own fields are written as the action list's download writes them
(vahti.site.dashboard.export_value): numbers as numbers with the unit in the column's
heading, dates as dates, yes/no as the words Yes and No, options and categories by name,
rich text as its text. A snapshot without a field's stored value gives the value as
shown then."""

from __future__ import annotations

from html import unescape

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from vahti.actions.models import ActionField
from vahti.core.spreadsheets import xlsx_bytes
from vahti.reports.snapshots import Entry, Item, as_date, as_decimal

Kind = ActionField.Kind


def _heading(value: Item) -> str:
    """A field's column heading, a number's unit after its name: “Kustannusarvio (€)”."""
    unit = value.extra.get("unit") or ""
    if value.extra["kind"] == Kind.NUMBER and unit:
        return f"{value.name} ({unit})"
    return str(value.name)


def _field_columns(shown: list[Entry]) -> list[tuple[str, str]]:
    """(identifier, heading) of the public fields the actions have, in the order they
    come."""
    columns: dict[str, str] = {}
    for item in shown:
        for value in item.fields:
            columns.setdefault(value.identifier, _heading(value))
    return list(columns.items())


def _plain(html: str) -> str:
    return " ".join(unescape(strip_tags(html.replace("</p>", "</p> "))).split())


def field_cell(value: Item):
    """A field's value as a cell: typed from the stored value when the snapshot has it."""
    kind, stored, shown = value.extra["kind"], value.extra.get("value"), value.extra["display"]
    if kind == Kind.RICH_TEXT:
        return _plain(str(shown))
    if kind == Kind.NUMBER and not isinstance(stored, bool):
        number = as_decimal(stored)
        if number is not None and number.is_finite():
            return int(number) if number == number.to_integral() else number.normalize()
    elif kind == Kind.DATE and isinstance(stored, str):
        day = as_date(stored)
        if day is not None:
            return day
    elif kind == Kind.YES_NO and isinstance(stored, bool):
        return str(_("Yes") if stored else _("No"))
    return str(shown)


def report_rows(shown: list[Entry]) -> list[list]:
    fields = _field_columns(shown)
    header = [
        _("Identifier"), _("Action"), _("Categories"), _("Status"), _("Phase"),
        _("Start date"), _("End date"), _("Responsible"), _("Tasks"), _("Tasks completed"),
        *(name for _identifier, name in fields),
        _("Estimated emission reduction (t CO₂e/a)"), _("Estimated energy savings (MWh/a)"),
        _("Estimated renewable production (MWh/a)"), _("Year of the estimates"),
        _("Method of the estimates"), _("Progress commentary"),
    ]  # fmt: skip
    rows = [[str(column) for column in header]]
    for item in shown:
        values = {value.identifier: field_cell(value) for value in item.fields}
        estimates = item.estimates
        rows.append(
            [
                item.identifier, str(item.name), ", ".join(map(str, item.categories)),
                str(item.status.name) if item.status else "",
                str(item.phase.name) if item.phase else "",
                item.start_date, item.end_date, ", ".join(map(str, item.responsible)),
                len(item.tasks), sum(1 for task in item.tasks if task.identifier == "completed"),
                *(values.get(identifier, "") for identifier, _name in fields),
                estimates.emission_reduction, estimates.energy_savings,
                estimates.renewable_production, estimates.year, str(estimates.method),
                _plain(str(item.commentary)),
            ]
        )  # fmt: skip
    return rows


def report_xlsx(shown: list[Entry], title: str) -> bytes:
    rows = report_rows(shown)
    widths = [10, 50, 30, 18, 18, 12, 12, 30, 8, 10] + [20] * (len(rows[0]) - 16)
    widths += [14, 14, 14, 10, 30, 60]
    return xlsx_bytes([(title, rows, widths)])
