"""The actions sheet, with the sheets of what belongs to an action (tasks, history,
news): each row checked and written in a savepoint of its own, added actions checked in
memory and written together after the last row (:mod:`vahti.actions.bulk`: a few
queries per action however large the plan), then the related actions, once every
action exists."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from vahti.actions.bulk import actions_insert, actions_publish
from vahti.actions.models import Action
from vahti.actions.services import action_update
from vahti.orgs.models import Organization, Person
from vahti.plans import changes
from vahti.plans.models import (
    ActionImpact,
    ActionImplementationPhase,
    ActionSchedule,
    ActionStatus,
)
from vahti.workbook.imports import past
from vahti.workbook.imports.action_row import Known, check_writable, import_action
from vahti.workbook.imports.field_values import fields_and_rows
from vahti.workbook.imports.rows import SheetRows
from vahti.workbook.imports.tasks import tasks_by_action
from vahti.workbook.report import RowFailed


def import_actions(rows: SheetRows) -> None:
    if not {"actions", "tasks", "field_values"} & set(rows.sheets):
        return
    bad = rows.duplicates("actions", lambda r: str(r.get("identifier") or "").strip().lower())
    lookups = _lookups(rows)
    existing = {a.identifier.lower(): a for a in Action.objects.filter(plan=rows.plan)}
    in_sheet = {str(r.get("identifier") or "").strip().lower() for n, r in rows.rows("actions")}
    tasks = tasks_by_action(rows, existing, in_sheet)
    fields = fields_and_rows(rows, existing, in_sheet)
    action_rows = [(n, r) for n, r in rows.rows("actions") if n not in bad]
    known = Known(
        lookups,
        existing,
        tasks,
        past={
            sheet: past.rows_by_action(rows, sheet, existing, in_sheet)
            for sheet in ("history", "news")
        },
        fields=fields,
    )
    # Actions that only the tasks or news sheet names: their tasks or posts change.
    for identifier in dict.fromkeys([*tasks, *known.past["news"], *fields.rows]):
        if identifier not in in_sheet and identifier in existing:
            action_rows.append((None, {"identifier": existing[identifier].identifier}))
    total = len(action_rows)
    for done, (number, record) in enumerate(action_rows, start=1):
        rows.begin_row()
        try:
            with transaction.atomic():
                import_action(rows, number, record, known)
        except RowFailed:
            pass
        except DatabaseError as error:
            rows.not_saved("actions", number, error)
        rows.progress("actions", done, total)
    _write_added(rows, known)


def _lookups(rows: SheetRows) -> dict:
    plan = rows.plan
    return {
        "status": {s.identifier: s for s in ActionStatus.objects.filter(plan=plan)},
        "phase": {p.identifier: p for p in ActionImplementationPhase.objects.filter(plan=plan)},
        "impact": {i.identifier: i for i in ActionImpact.objects.filter(plan=plan)},
        "schedules": {s.identifier: s for s in ActionSchedule.objects.filter(plan=plan)},
        "organisations": {o.identifier: o for o in Organization.objects.filter(plan=plan)},
        "people": {p.identifier: p for p in Person.objects.filter(plan=plan)},
        "categories": rows.categories_by_key(),
    }


def _write_added(rows: SheetRows, known: Known) -> None:
    """Write the added actions, relate the actions, then publish the added ones."""
    try:
        with transaction.atomic():
            actions_insert(list(known.new.values()))
    except DatabaseError as error:
        rows.not_saved("actions", None, error)
        return
    _relate(rows, known)
    try:
        with transaction.atomic():
            actions_publish(list(known.new.values()), user=rows.user)
    except DatabaseError as error:
        rows.not_saved("actions", None, error)
    if known.new:
        changes.touch(rows.plan.pk)


def _relate(rows: SheetRows, known: Known) -> None:
    """Related actions, once every action exists."""
    actions = {a.identifier.lower(): a for a in Action.objects.filter(plan=rows.plan)}
    actions.update({key: new.action for key, new in known.new.items()})
    for number, identifier, others, dated in known.related:
        if identifier in known.new:  # in memory until published
            rows.begin_row()
            found = rows.find_all(
                "actions", number, "related_actions", actions, [o.lower() for o in others]
            )
            known.new[identifier].action.related_actions = found
            continue
        rows.begin_row()
        try:
            with transaction.atomic():
                found = rows.find_all(
                    "actions", number, "related_actions", actions, [o.lower() for o in others]
                )
                rows.check_row()
                action = actions[identifier]
                current = sorted(a.pk for a in action.related_actions.all())
                if current != sorted(a.pk for a in found):
                    check_writable(action, rows.user)
                    action_update(action, user=rows.user, updated_at=dated, related_actions=found)
        except RowFailed:
            pass
        except ValidationError as error:
            rows.validation_problems("actions", number, error, {})
