"""A completed report's snapshots read for showing: each public action as it stood, in the
page's language (with the language a text fell back to), the summary of the report, and
the comparison of two reports.

Everything here reads ``ReportSnapshot.data`` (the format is in ``vahti.reports.models``),
never a live action: what a report shows does not change when the actions do.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.safestring import SafeData

from vahti.core.i18n import TranslatedStr, active_language, pick_translation
from vahti.core.richtext import sanitize_html

ESTIMATES = ("emission_reduction", "energy_savings", "renewable_production")


def text(value, primary: str) -> TranslatedStr:
    """``{"fi": …, "sv": …}`` in the page's language, else the plan's primary one."""
    if isinstance(value, dict):
        return pick_translation(value, active_language(), primary)
    return TranslatedStr("" if value is None else str(value), None)


def as_decimal(value) -> Decimal | None:
    """A stored number ("1200.5000"), or None when there is none or it is not one."""
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def as_date(value) -> datetime.date | None:
    """A stored ISO date ("2025-06-30"), or None when there is none or it is not one."""
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass
class Item:
    """A named thing of the snapshot: a status, a phase, a field, a task, an indicator."""

    identifier: str = ""
    name: TranslatedStr = field(default_factory=lambda: TranslatedStr("", None))
    extra: dict = field(default_factory=dict)


@dataclass
class Estimates:
    emission_reduction: Decimal | None = None
    energy_savings: Decimal | None = None
    renewable_production: Decimal | None = None
    year: int | None = None
    method: TranslatedStr = field(default_factory=lambda: TranslatedStr("", None))

    @property
    def any(self) -> bool:
        return any(getattr(self, name) is not None for name in ESTIMATES)

    def values(self) -> tuple:
        return tuple(getattr(self, name) for name in ESTIMATES)


@dataclass
class Entry:
    """One public action of the report."""

    position: int
    identifier: str
    name: TranslatedStr
    status: Item | None
    phase: Item | None
    categories: list[TranslatedStr]
    start_date: datetime.date | None
    end_date: datetime.date | None
    responsible: list[TranslatedStr]
    tasks: list[Item]
    fields: list[Item]
    estimates: Estimates
    indicators: list[Item]
    commentary: TranslatedStr
    answered_by: str


def _item(data, primary: str, **extra) -> Item | None:
    if not data:
        return None
    return Item(data.get("identifier", ""), text(data.get("name"), primary), extra)


def _tasks(data: dict, primary: str) -> list[Item]:
    return [
        Item(
            task.get("state", ""),
            text(task.get("name"), primary),
            {
                "due_at": as_date(task.get("due_at")),
                "completed_at": as_date(task.get("completed_at")),
            },
        )
        for task in data.get("tasks") or []
    ]


class SafeTranslatedStr(TranslatedStr, SafeData):
    """Sanitised rich text with its language, shown as HTML."""

    def __str__(self):
        return self


def _display(value: dict, primary: str) -> TranslatedStr:
    """The value as shown; a rich text's is HTML, sanitised again as it is shown so."""
    shown = text(value.get("display"), primary)
    if value.get("kind") == "rich_text":
        return SafeTranslatedStr(sanitize_html(shown), shown.lang)
    return shown


def _fields(data: dict, primary: str) -> list[Item]:
    """The public fields only: a field that was not public never leaves this function.
    Beside the value as shown, its stored ``value`` (None in a snapshot without it) and
    its ``unit``, for the workbook's typed cells."""
    return [
        Item(
            value.get("identifier", ""),
            text(value.get("name"), primary),
            {
                "display": _display(value, primary),
                "kind": value.get("kind", ""),
                "value": value.get("value"),
                "unit": text(value.get("unit"), primary),
            },
        )
        for value in data.get("fields") or []
        if value.get("is_public") is True
    ]


def _estimates(data: dict, primary: str) -> Estimates:
    values = data.get("estimates") or {}
    year = values.get("year")
    return Estimates(
        *(as_decimal(values.get(name)) for name in ESTIMATES),
        year=year if isinstance(year, int) else None,
        method=text(values.get("method"), primary),
    )


def _indicators(data: dict, primary: str) -> list[Item]:
    indicators = []
    for indicator in data.get("indicators") or []:
        latest = indicator.get("latest") or {}
        indicators.append(
            Item(
                indicator.get("identifier", ""),
                text(indicator.get("name"), primary),
                {
                    "unit": text(indicator.get("unit"), primary),
                    "date": as_date(latest.get("date")),
                    "value": latest.get("value"),
                },
            )
        )
    return indicators


def _commentary(data: dict, primary: str) -> TranslatedStr:
    """Sanitised when it was written; sanitised again, as it is shown as HTML."""
    commentary = text(data.get("commentary"), primary)
    return SafeTranslatedStr(sanitize_html(commentary), commentary.lang)


def entry(position: int, data: dict, primary: str) -> Entry:
    status = data.get("status")
    return Entry(
        position=position,
        identifier=str(data.get("identifier", "")),
        name=text(data.get("name"), primary),
        status=_item(status, primary, color=(status or {}).get("color") or ""),
        phase=_item(data.get("phase"), primary),
        categories=[text(c.get("name"), primary) for c in data.get("categories") or []],
        start_date=as_date(data.get("start_date")),
        end_date=as_date(data.get("end_date")),
        responsible=[text(r.get("name"), primary) for r in data.get("responsible") or []],
        tasks=_tasks(data, primary),
        fields=_fields(data, primary),
        estimates=_estimates(data, primary),
        indicators=_indicators(data, primary),
        commentary=_commentary(data, primary),
        answered_by=data.get("answered_by") or "",
    )


def entries(snapshots, primary: str) -> list[Entry]:
    """The public snapshots (already only the public ones, in position order) as entries."""
    return [entry(s.position, s.data, primary) for s in snapshots if s.is_public]


@dataclass
class Summary:
    count: int
    by_status: list[dict]
    tasks: int
    tasks_completed: int
    with_estimates: int
    totals: Estimates


def summary(shown: list[Entry]) -> Summary:
    """How many actions per status (in the order they first come, none last), the tasks,
    and the sums of the estimates."""
    by_status: dict[str, dict] = {}
    for item in shown:
        key = item.status.identifier if item.status else ""
        if key not in by_status:
            by_status[key] = {"status": item.status, "count": 0}
        by_status[key]["count"] += 1
    if "" in by_status:
        by_status[""] = by_status.pop("")
    totals = Estimates()
    for name in ESTIMATES:
        values = [getattr(item.estimates, name) for item in shown]
        values = [value for value in values if value is not None]
        setattr(totals, name, sum(values, Decimal(0)) if values else None)
    return Summary(
        count=len(shown),
        by_status=list(by_status.values()),
        tasks=sum(len(item.tasks) for item in shown),
        tasks_completed=sum(
            1 for item in shown for task in item.tasks if task.identifier == "completed"
        ),
        with_estimates=sum(1 for item in shown if item.estimates.any),
        totals=totals,
    )
