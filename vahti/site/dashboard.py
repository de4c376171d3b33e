"""The dashboard's table as the page and the downloads show it: its columns, the links
that sort it (plain links, so sorting works without JavaScript), its pages, and the
rows of the CSV and Excel downloads, which hold exactly what the table holds."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.http import QueryDict
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from vahti.actions.dashboard import DashboardRow, Timeliness
from vahti.actions.dashboard_sorting import field_sort_key, parse_sort
from vahti.actions.field_values import Cell, PlanFields
from vahti.actions.models import ActionField
from vahti.core.i18n import TranslatedStr

PAGE_SIZE = 100
Kind = ActionField.Kind


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    numeric: bool = False
    field: ActionField | None = None  # a column of the plan's own field


def field_column(field: ActionField) -> Column:
    """A public field's column, its unit after its name: “Kustannusarvio (€)”."""
    label = field.name
    if field.kind == Kind.NUMBER and field.unit:
        label = TranslatedStr(f"{field.name} ({field.unit})", field.name.lang)
    return Column(field_sort_key(field), label, numeric=field.kind == Kind.NUMBER, field=field)


def columns(plan_fields: PlanFields | None = None) -> list[Column]:
    """The table's columns: the common ones, then the public filterable fields'."""
    extra = [field_column(f) for f in plan_fields.filterable] if plan_fields else []
    return COLUMNS + extra


COLUMNS = [
    Column("identifier", _("Identifier")),
    Column("name", _("Name")),
    Column("category", _("Theme")),
    Column("organization", _("Primary organisation")),
    Column("status", _("Progress")),
    Column("phase", _("Phase")),
    Column("open_tasks", _("Open tasks"), numeric=True),
    Column("late_tasks", _("Late tasks"), numeric=True),
    Column("updated", _("Last update")),
]


@dataclass(frozen=True)
class SortHeader:
    column: Column
    url: str
    aria_sort: str | None  # "ascending" / "descending" on the column sorted by
    next_label: str  # what following the link does, for screen readers


def sort_headers(
    path: str, query: QueryDict, plan_fields: PlanFields | None = None
) -> list[SortHeader]:
    """A header per column linking to the table sorted by it: ascending first, the
    other way round when it is already sorted so. Filters stay; the page starts over."""
    current, descending = parse_sort(query.get("sort"), plan_fields)
    headers = []
    for column in columns(plan_fields):
        params = query.copy()
        params.pop("page", None)
        sorted_here = column.key == current
        flip = sorted_here and not descending
        # Counts and dates are most useful largest / newest first.
        first_descending = column.numeric or column.key == "updated"
        first_descending = first_descending or (column.field and column.field.kind == Kind.DATE)
        descending_next = flip or (not sorted_here and first_descending)
        params["sort"] = ("-" if descending_next else "") + column.key
        if params["sort"] == "identifier":
            params.pop("sort")
        headers.append(
            SortHeader(
                column=column,
                url=f"{path}?{params.urlencode()}" if params else path,
                aria_sort=("descending" if descending else "ascending") if sorted_here else None,
                next_label=str(_("sort descending") if descending_next else _("sort ascending")),
            )
        )
    return headers


def page_url(path: str, query: QueryDict, page: int) -> str:
    params = query.copy()
    params.pop("page", None)
    if page > 1:
        params["page"] = str(page)
    return f"{path}?{params.urlencode()}" if params else path


def export_header(fields: list[ActionField] = ()) -> list[str]:
    """The table's headings, what the download adds, then a column per public field."""
    labels = [column.label for column in COLUMNS] + [_("Update timeliness"), _("Address")]
    labels += [field_column(field).label for field in fields]
    return [str(label) for label in labels]


def export_value(cell: Cell):
    """A field's value as a spreadsheet holds it: numbers and dates as such, yes/no and
    names as words, rich text as its text."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if cell.field.kind == Kind.RICH_TEXT:
        return " ".join(strip_tags(value).split())
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral() else value.normalize()
    if isinstance(value, datetime.date):
        return value
    return str(getattr(value, "name", value))


def export_rows(rows: list[DashboardRow], base_url: str, fields: list[ActionField] = ()):
    """The download: a header, then one row per table row in the table's order, with
    the values of ``fields`` (the rows read with them)."""
    yield export_header(fields)
    for row in rows:
        yield [
            row.identifier,
            str(row.name),
            str(row.category.name) if row.category else "",
            str(row.organization.name) if row.organization else "",
            str(row.status.name) if row.status else "",
            str(row.phase.name) if row.phase else "",
            row.open_tasks,
            row.late_tasks,
            row.updated,
            str(Timeliness.LABELS[row.timeliness]),
            base_url + row.url,
            *(export_value(cell) for cell in row.field_values),
        ]
