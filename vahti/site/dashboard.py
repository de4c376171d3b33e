"""The dashboard's table as the page and the downloads show it: its columns, the links
that sort it (plain links, so sorting works without JavaScript), its pages, and the
rows of the CSV and Excel downloads, which hold exactly what the table holds."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from vahti.actions.dashboard import DashboardRow, Timeliness
from vahti.actions.dashboard_sorting import parse_sort

PAGE_SIZE = 100


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    numeric: bool = False


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


def sort_headers(path: str, query: QueryDict) -> list[SortHeader]:
    """A header per column linking to the table sorted by it: ascending first, the
    other way round when it is already sorted so. Filters stay; the page starts over."""
    current, descending = parse_sort(query.get("sort"))
    headers = []
    for column in COLUMNS:
        params = query.copy()
        params.pop("page", None)
        sorted_here = column.key == current
        flip = sorted_here and not descending
        # Counts and dates are most useful largest / newest first.
        first_descending = column.numeric or column.key == "updated"
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


def export_header() -> list[str]:
    """The table's headings, then what the download adds."""
    labels = [column.label for column in COLUMNS] + [_("Update timeliness"), _("Address")]
    return [str(label) for label in labels]


def export_rows(rows: list[DashboardRow], base_url: str):
    """The download: a header, then one row per table row in the table's order."""
    yield export_header()
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
        ]
