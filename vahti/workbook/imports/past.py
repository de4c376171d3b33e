"""The past of an imported action: its last-updated date (the actions sheet's
``updated_at``), its dated status and phase history (the history sheet) and its news
posts (the news sheet), so that a migrated plan does not look freshly updated.

An added action with history rows is published once per row, on the row's date, then as
the workbook has it now (:func:`new_action`, written by :mod:`vahti.actions.bulk`): a
revision and a progress row per publication, as :mod:`vahti.actions.history` records the
admin's, so the timeline, the over-time view and the feeds read the past from the one
place they always read it from. An action that exists keeps the
history its publications recorded: its history rows are checked, not written.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vahti.actions.bulk import NewAction
from vahti.actions.models import Action
from vahti.actions.selectors import plan_today
from vahti.plans.models import Plan
from vahti.workbook.imports.rows import SheetRows
from vahti.workbook.report import RowFailed

IN_THE_FUTURE = _("“%(value)s” is in the future: a date that has passed is needed here.")
AFTER_LAST_UPDATE = _(
    "After the action's last update on %(value)s (column updated_at of the actions sheet)."
)
UNKNOWN_ACTION = _("Unknown action “%(value)s”: not in the plan nor in the actions sheet.")


@dataclass(frozen=True)
class Step:
    """One row of the history sheet: published on ``day`` with this status and phase."""

    row: int
    day: datetime.date
    status: object
    phase: object


def moment(day: datetime.date, plan: Plan) -> datetime.datetime:
    """The moment a day of the workbook stands for: noon in the plan's time zone (as the
    feeds date a day), or now for today before noon, never a moment still to come."""
    at = datetime.datetime.combine(day, datetime.time(12), tzinfo=plan.tzinfo)
    return min(at, timezone.now())


def local_day(at: datetime.datetime | None, plan: Plan) -> datetime.date | None:
    return at.astimezone(plan.tzinfo).date() if at else None


def rows_by_action(
    importer: SheetRows, sheet: str, existing: dict, in_sheet: set
) -> dict[str, list]:
    """The sheet's rows grouped by the (lower-case) action they name; a row naming no
    action of the plan or of the actions sheet is a problem."""
    grouped: dict[str, list[tuple[int, dict]]] = {}
    for number, record in importer.sheets[sheet].rows if sheet in importer.sheets else []:
        action = str(record.get("action") or "").strip().lower()
        if action not in existing and action not in in_sheet:
            importer.problem(
                sheet, number, "action", UNKNOWN_ACTION % {"value": record.get("action")}
            )
            continue
        grouped.setdefault(action, []).append((number, record))
    return grouped


def history_steps(importer: SheetRows, rows: list[tuple[int, dict]], lookups: dict) -> list[Step]:
    """The history rows of one action, read and checked, oldest first (rows of one day
    in the sheet's order). Problems are noted on their rows."""
    steps = []
    today = plan_today(importer.plan)
    for number, record in rows:
        try:
            values = importer.cells("history", number, record)
        except RowFailed:
            continue  # noted; check_row stops the action
        day = values["date"]
        if day > today:
            importer.problem("history", number, "date", IN_THE_FUTURE % {"value": day})
            continue
        status = importer.find("history", number, "status", lookups["status"], values.get("status"))
        phase = importer.find("history", number, "phase", lookups["phase"], values.get("phase"))
        steps.append(Step(number, day, status, phase))
    return sorted(steps, key=lambda step: step.day)


def news_posts(
    importer: SheetRows, rows: list[tuple[int, dict]], people: dict
) -> tuple[list[dict], list[int]]:
    """The news rows of one action as the services take them, and the row of each."""
    posts, numbers = [], []
    for number, record in rows:
        try:
            values = importer.cells("news", number, record)
        except RowFailed:
            continue  # noted; check_row stops the action
        numbers.append(number)
        posts.append(
            {
                **importer.texts(values, "title", "body"),
                "published_on": values["published_on"],
                "author": importer.find("news", number, "author", people, values.get("author")),
            }
        )
    return posts, numbers


def updated_at(
    importer: SheetRows, number, values: dict, action: Action | None, steps: list[Step]
) -> tuple[datetime.datetime | None, bool]:
    """The "Tietoja päivitetty" moment the row gives, and whether it differs from the
    action's: (None, False) when the cell is empty, left out or the same day as stored
    (a change of content is then dated now)."""
    day = values.get("updated_at")
    if day is None:
        return None, False
    plan = importer.plan
    if day > plan_today(plan):
        importer.problem("actions", number, "updated_at", IN_THE_FUTURE % {"value": day})
        return None, False
    if action is not None and local_day(action.updated_at, plan) == day:
        return None, False
    for step in steps:
        if step.day > day:
            importer.problem("history", step.row, "date", AFTER_LAST_UPDATE % {"value": day})
    return moment(day, plan), True


def new_action(
    plan: Plan, action: Action, steps: list[Step], updated: datetime.datetime | None
) -> NewAction:
    """An added action for :func:`vahti.actions.bulk.actions_publish`: published as it
    was on each history row's date, then as the workbook has it now, on its
    last-updated date (else the last row's)."""
    earlier = [
        (moment(step.day, plan), {"status": step.status, "implementation_phase": step.phase})
        for step in steps
    ]
    return NewAction(action, earlier, updated or (earlier[-1][0] if earlier else None))
