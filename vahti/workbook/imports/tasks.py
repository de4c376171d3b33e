"""The tasks sheet: an action named in the workbook gets exactly its rows here as its
tasks, matched to its current ones by name, and each task is counted by what happened
to it."""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext as _

from vahti.actions.models import Action, Task
from vahti.workbook.imports.rows import SheetRows
from vahti.workbook.report import RowFailed


def tasks_by_action(rows: SheetRows, existing: dict, in_sheet: set) -> dict[str, list]:
    """The tasks sheet's rows by the (lower-case) action they are of; a row naming no
    action of the plan or of the actions sheet, or a task twice, is a problem."""
    tasks: dict[str, list[tuple[int, dict]]] = defaultdict(list)
    # Tasks are matched to an action's current ones by name: one name twice would be
    # published twice.
    name = f"name_{rows.plan.primary_language}"
    twice = rows.duplicates(
        "tasks",
        lambda r: (
            (str(r.get("action") or "").strip().lower(), str(r[name]).strip())
            if str(r.get(name) or "").strip()
            else None
        ),
        column=name,
    )
    for number, record in rows.rows("tasks"):
        if number in twice:
            continue
        action = str(record.get("action") or "").strip().lower()
        if action not in existing and action not in in_sheet:
            rows.problem(
                "tasks",
                number,
                "action",
                _("Unknown action “%(value)s”: not in the plan nor in the actions sheet.")
                % {"value": record.get("action")},
            )
            continue
        tasks[action].append((number, record))
    return tasks


def task_data(rows: SheetRows, records: list[tuple[int, dict]]) -> tuple[list[dict], list[int]]:
    """One action's task rows as the services take them, and the row of each."""
    data, numbers = [], []
    for number, record in records:
        try:
            values = rows.cells("tasks", number, record)
        except RowFailed:
            continue  # noted; check_row stops the action
        numbers.append(number)
        data.append(
            {
                **rows.texts(values, "name", "comment"),
                "state": values["state"],
                "due_at": values["due_at"],
                "completed_at": values.get("completed_at"),
            }
        )
    return data, numbers


def task_contents(action: Action) -> dict[int, dict]:
    """The action's stored tasks, by id: what each holds, without its id and times."""
    skip = {"id", "action_id", "created_at", "updated_at"}
    fields = [f.attname for f in Task._meta.concrete_fields if f.attname not in skip]
    return {task["id"]: task for task in Task.objects.filter(action=action).values("id", *fields)}


def count_tasks(
    rows: SheetRows, action: Action, tasks: list, *, created: bool, changed: bool, before: dict
) -> None:
    """Count an action's tasks: every one of an added action as added, else each by what
    happened to it (a task matched by name keeps its row); ``before``: its tasks before
    the row was written (:func:`task_contents`)."""
    if created:
        for _task in tasks:
            rows.report.count("tasks", created=True, changed=True)
        return
    after = task_contents(action) if changed else before
    for pk, content in after.items():
        rows.report.count("tasks", created=pk not in before, changed=content != before.get(pk))
