"""Load the demo plans: each is a plan workbook kept as CSV sheets in
``vahti/demo/data/<plan>/``, imported through the workbook importer exactly as a city's
would be (so the demo also proves the importer), then given what a workbook does not
carry (``extras.json``, :mod:`vahti.demo.extras`). Loading is an upsert by identifier:
running it again changes nothing, and running it after the data changed updates only
what changed. A plan whose folder has no lists sheet is created by ``plan_create`` with
the default lists, like a city's.

Dates relative to the day of loading ("today+30", "today-3") are resolved against that
day in the plan's time zone, so the demo always has tasks that are late, due soon and so on.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from vahti.demo import extras
from vahti.demo.hosts import register_demo_hosts
from vahti.plans.models import Plan
from vahti.plans.setup import plan_create
from vahti.search import services as search
from vahti.workbook.importer import import_workbook
from vahti.workbook.reader import Sheet, read

DATA = Path(__file__).resolve().parent / "data"
# Helsinki first: the first plan is the one served at hosts no plan claims.
DEMO_PLANS = ("hnh2035", "northbay2040")
# The sheets whose rows are the things the report counts; values count per indicator.
COUNTED = (
    "plan",
    "lists",
    "fields",
    "field_options",
    "categories",
    "organisations",
    "people",
    "actions",
    "indicators",
)


class DemoDataError(Exception):
    """The demo's data does not import: a developer's mistake, named row by row."""


@dataclass
class LoadReport:
    plan: str = ""
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0

    def count(self, kind: str, changed: bool, created: bool, number: int = 1) -> None:
        if not number:
            return
        if created:
            self.created[kind] = self.created.get(kind, 0) + number
        elif changed:
            self.updated[kind] = self.updated.get(kind, 0) + number
        else:
            self.unchanged += number

    @property
    def changed_anything(self) -> bool:
        return bool(self.created or self.updated)

    def __str__(self) -> str:
        if not self.changed_anything:
            return f"Demo plan {self.plan} is up to date ({self.unchanged} objects unchanged)."
        parts = [f"created {n} {kind}" for kind, n in sorted(self.created.items())]
        parts += [f"updated {n} {kind}" for kind, n in sorted(self.updated.items())]
        return (
            f"Demo plan {self.plan} loaded: " + ", ".join(parts) + f"; {self.unchanged} unchanged."
        )


@dataclass
class DemoReport:
    """What loading every demo plan did: one report per plan."""

    plans: list[LoadReport]

    @property
    def changed_anything(self) -> bool:
        return any(report.changed_anything for report in self.plans)

    def __str__(self) -> str:
        return "\n".join(map(str, self.plans))


def demo_sheets(identifier: str) -> dict[str, Sheet]:
    """The plan's workbook as the importer reads it."""
    sheets = {}
    for path in sorted((DATA / identifier).glob("*.csv")):
        sheets.update(read(path.name, path.read_bytes()))
    return sheets


def _dated(sheets: dict[str, Sheet], today: datetime.date) -> dict[str, Sheet]:
    """The sheets with their relative dates made days."""
    for sheet in sheets.values():
        for _number, record in sheet.rows:
            for column, value in record.items():
                record[column] = extras.resolve(value, today)
    return sheets


@transaction.atomic
def load_plan(identifier: str, today: datetime.date | None = None) -> LoadReport:
    """Import the demo plan ``identifier`` and add what its workbook does not carry."""
    sheets = demo_sheets(identifier)
    (_number, row) = sheets["plan"].rows[0]
    today = today or timezone.localdate(timezone=ZoneInfo(row["time_zone"]))
    sheets = _dated(sheets, today)
    plan = Plan.objects.filter(identifier=identifier).first()
    if plan is None and "lists" not in sheets:
        language = row["primary_language"]
        plan = plan_create(
            identifier,
            row[f"name_{language}"],
            primary_language=language,
            other_languages=[code.strip() for code in row["other_languages"].split(",")],
            time_zone=row["time_zone"],
        )
    imported = import_workbook(sheets, plan=plan)
    if imported.problems:
        raise DemoDataError("\n".join(map(str, imported.problems)))
    report = _report(identifier, imported, sheets)
    # The import has indexed the plan for search; what follows it, only when it changes.
    before = (dict(report.created), dict(report.updated))
    with search.deferred():
        extras.Extras(imported.plan, today, report).load(DATA / identifier / "extras.json")
    if before != (report.created, report.updated):
        search.rebuild_plan(imported.plan)
    return report


def _report(identifier: str, imported, sheets: dict[str, Sheet]) -> LoadReport:
    """What the import did, counted as the demo counts: a thing per row of the sheets
    that name things, the values of an indicator as one, and the related actions of an
    action as one more (the step that links actions once all exist)."""
    report = LoadReport(plan=identifier)
    for sheet, counts in imported.rows:
        report.count(sheet, True, True, counts.created)
        report.count(sheet, True, False, counts.updated)
        if sheet in COUNTED:
            report.unchanged += counts.unchanged

    def rows(sheet: str) -> list[dict]:
        return [record for _n, record in sheets[sheet].rows] if sheet in sheets else []

    values, actions = imported.counts["values"], imported.counts["actions"]
    if not (values.created or values.updated):
        report.unchanged += len({record["indicator"] for record in rows("values")})
    if not (actions.created or actions.updated):
        report.unchanged += sum(1 for record in rows("actions") if record.get("related_actions"))
    return report


def load_demo(
    today: datetime.date | None = None, plans: tuple[str, ...] = DEMO_PLANS
) -> DemoReport:
    """Load every demo plan (or those of ``plans``) and give them their host names."""
    reports = [load_plan(identifier, today=today) for identifier in plans]
    added = register_demo_hosts()
    if added:
        reports[-1].created["host names"] = added
    return DemoReport(reports)
