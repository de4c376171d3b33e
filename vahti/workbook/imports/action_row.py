"""One action of the import: its row of the actions sheet with its rows of the tasks,
history and news sheets, checked, then written (an existing action) or built to be
written with the other added ones (:mod:`vahti.workbook.imports.actions`)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from vahti.actions.bulk import NewAction, action_build
from vahti.actions.models import Action
from vahti.actions.services import (
    action_check_unlocked,
    action_update,
    content_would_change,
)
from vahti.workbook.imports import past
from vahti.workbook.imports.field_values import Fields, missing_required, value_data
from vahti.workbook.imports.rows import SheetRows
from vahti.workbook.imports.tasks import count_tasks, task_contents, task_data
from vahti.workbook.report import RowFailed
from vahti.workbook.sheets import ACTION_TEXTS

# Model fields named differently in the sheets.
ACTION_COLUMNS = {
    "implementation_phase": "phase",
    "schedule_continuous": "continuous",
    "responsible_parties": "primary_organisation",
    "contact_persons": "contact_persons",
}
ESTIMATES = (
    "emission_reduction_estimate",
    "energy_savings_estimate",
    "renewable_production_estimate",
)
ROLES = {"contact_persons": "contact", "editors": "editor", "moderators": "moderator"}
DRAFT_MESSAGE = _(
    "Action %(identifier)s has changes saved as a draft that are not published: the import "
    "would replace them. Publish the draft, or go back to the published version, in the "
    "action editor first."
)
NOT_PUBLISHED_MESSAGE = _(
    "Action %(identifier)s has not been published yet: the import would publish it. "
    "Publish it in the action editor first."
)


@dataclass
class Known:
    """What the actions' rows may name (``lookups`` by column), the plan's actions by
    lower-case identifier, and the rows of the other sheets by the action they are of;
    filled in as the rows are read: the added actions, and each row's related actions
    (row, action, identifiers, the moment to date the change or None)."""

    lookups: dict
    existing: dict
    tasks: dict
    past: dict
    fields: Fields
    new: dict[str, NewAction] = field(default_factory=dict)
    related: list[tuple[int, str, list[str], datetime.datetime | None]] = field(
        default_factory=list
    )


def import_action(rows: SheetRows, number: int | None, record: dict, known: Known) -> None:
    """The row of an action (``number`` None for one only another sheet names)."""
    values = (
        rows.cells("actions", number, record)
        if number is not None
        else {"identifier": record["identifier"]}
    )
    key = values["identifier"].strip().lower()
    data = rows.texts(values, *ACTION_TEXTS, "estimate_method")
    _named(rows, number, values, known.lookups, data)
    if "primary_organisation" in values or "collaborating_organisations" in values:
        data["responsible_parties"] = _parties(rows, number, values, known, key)
    if any(column in values for column in ROLES):
        data["contact_persons"] = _contacts(rows, number, values, known, key)
    if "visibility" in values:
        data["visibility"] = values["visibility"] or Action.Visibility.PUBLIC
    if "internal_notes" in values:
        data["internal_notes"] = values["internal_notes"] or ""
    _estimates(values, data)
    task_rows, news_rows, value_rows = [], [], []
    if "tasks" in rows.sheets:
        data["tasks"], task_rows = task_data(rows, known.tasks.get(key, []))
    if "news" in rows.sheets:
        data["news_posts"], news_rows = past.news_posts(
            rows, known.past["news"].get(key, []), known.lookups["people"]
        )
    if "field_values" in rows.sheets:
        data["field_values"], value_rows = value_data(
            rows, known.fields, key, known.existing.get(key)
        )
    if "field_values" in data or key not in known.existing:
        created = key not in known.existing
        missing_required(
            rows, known.fields, number, key, data.get("field_values", []), created=created
        )
    child_rows = {
        "tasks": ("tasks", task_rows),
        "news_posts": ("news", news_rows),
        "field_values": ("field_values", value_rows),
    }
    _write(rows, number, values, data, known, child_rows)


def _named(rows: SheetRows, number, values: dict, lookups: dict, data: dict) -> None:
    """The fields the row names from the plan's lists and categories, and its dates."""
    for column, field_name in (
        ("status", "status"),
        ("phase", "implementation_phase"),
        ("impact", "impact"),
    ):
        if column in values:
            data[field_name] = rows.find("actions", number, column, lookups[column], values[column])
    if "schedules" in values:
        data["schedules"] = rows.find_all(
            "actions", number, "schedules", lookups["schedules"], values["schedules"]
        )
    for column in ("start_date", "end_date"):
        if column in values:
            data[column] = values[column]
    if "continuous" in values:
        data["schedule_continuous"] = bool(values["continuous"])
    if "categories" in values:
        data["categories"] = rows.find_all(
            "actions", number, "categories", lookups["categories"], values["categories"]
        )


def _estimates(values: dict, data: dict) -> None:
    """The estimated yearly effects, their year and method."""
    for name in ESTIMATES:
        if name in values:
            number = values[name]
            data[name] = Decimal(str(number)) if number is not None else None
    if "estimate_year" in values:
        data["estimate_year"] = values["estimate_year"]


def _parties(rows: SheetRows, number, values: dict, known: Known, key: str) -> list:
    """The responsible organisations; a column left out keeps the action's own."""
    organisations = known.lookups["organisations"]
    existing = known.existing
    parties = []
    if values.get("primary_organisation"):
        primary = rows.find(
            "actions",
            number,
            "primary_organisation",
            organisations,
            values["primary_organisation"],
        )
        parties.append((primary, "primary"))
    elif "primary_organisation" not in values and key in existing:
        parties += [
            (p.organization, p.role)
            for p in existing[key].responsible_parties.filter(role="primary")
        ]
    if "collaborating_organisations" in values:
        collaborators = rows.find_all(
            "actions",
            number,
            "collaborating_organisations",
            organisations,
            values["collaborating_organisations"],
        )
        parties += [(o, "collaborator") for o in collaborators]
    elif key in existing:
        parties += [
            (p.organization, p.role)
            for p in existing[key].responsible_parties.exclude(role="primary")
        ]
    return parties


def _contacts(rows: SheetRows, number, values: dict, known: Known, key: str) -> list:
    """The people of each role; a column left out keeps the action's own."""
    contacts = []
    current = (
        list(known.existing[key].contact_persons.select_related("person"))
        if key in known.existing
        else []
    )
    for column, role in ROLES.items():
        if column in values:
            people = rows.find_all(
                "actions", number, column, known.lookups["people"], values[column]
            )
            contacts += [(person, role) for person in people]
        else:
            contacts += [(c.person, c.role) for c in current if c.role == role]
    return contacts


def _write(rows: SheetRows, number, values: dict, data: dict, known: Known, child_rows) -> None:
    identifier = values["identifier"]
    key = identifier.strip().lower()
    action = known.existing.get(key)
    created = action is None
    # Only an added action takes its history; an existing one's is checked.
    steps = past.history_steps(rows, known.past["history"].get(key, []), known.lookups)
    updated_at, redated = past.updated_at(rows, number, values, action, steps)
    rows.check_row()
    tasks_before = task_contents(action) if action is not None and "tasks" in data else {}
    try:
        if created:
            # Validated now, written with the others after the last row (bulk).
            action = action_build(plan=rows.plan, identifier=identifier, data=data)
            known.new[key] = past.new_action(rows.plan, action, steps, updated_at)
            known.existing[key] = action
            changed = True
        else:
            changed = content_would_change(action, **data) or redated
            if changed:
                _check_writable(rows, number, action, child_rows)
                action_update(action, user=rows.user, updated_at=updated_at, **data)
    except ValidationError as error:
        _action_problems(rows, number, error, child_rows)
        raise RowFailed from None
    if number is not None:
        rows.report.count("actions", created=created, changed=changed)
    for _step in steps:
        rows.report.count("history", created=created, changed=created)
    if "tasks" in data:
        count_tasks(
            rows, action, data["tasks"], created=created, changed=changed, before=tasks_before
        )
    if "related_actions" in values:
        # Part of the row: an added action publishes them with its own content, a
        # redated one keeps the row's date.
        dated = action.updated_at if redated else None
        known.related.append((number, key, values["related_actions"] or [], dated))


def check_writable(action: Action, user) -> None:
    """Refuse (a ValidationError naming the action and why) to change ``action`` when
    someone else has locked it, or when it has a draft: the import publishes what it
    changes, and would silently replace the draft (or publish an action nobody has)."""
    action_check_unlocked(action, user)
    if action.has_unpublished_changes:
        message = DRAFT_MESSAGE if action.live else NOT_PUBLISHED_MESSAGE
        raise ValidationError(message, code="draft", params={"identifier": action.identifier})


def _check_writable(rows: SheetRows, number, action: Action, child_rows: dict) -> None:
    """:func:`check_writable` as a problem of the action's row or, for an action only
    another sheet names, of its first row there."""
    try:
        check_writable(action, rows.user)
    except ValidationError as error:
        sheet, row = "actions", number
        if number is None:
            sheet, row = next(
                ((child, numbers[0]) for child, numbers in child_rows.values() if numbers),
                (sheet, row),
            )
        for text in error.messages:
            rows.problem(sheet, row, None, text)
        raise RowFailed from None


def _action_problems(rows: SheetRows, number, error: ValidationError, child_rows: dict) -> None:
    """The action's problems on the rows they are of: a task's or news post's on its
    row of the tasks or news sheet (``child_rows``: relation → (sheet, rows))."""
    messages = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    for key, texts in messages.items():
        match = re.match(r"(tasks|news_posts|field_values)\[(\d+)\]\.?(.*)", key or "")
        child_sheet, numbers = child_rows.get(match.group(1) if match else None, (None, []))
        if match and int(match.group(2)) < len(numbers):
            sheet, row = child_sheet, numbers[int(match.group(2))]
            column = _child_column(child_sheet, match.group(3) or None)
        else:
            sheet, row = "actions", number
            column = ACTION_COLUMNS.get(key, key) if key not in (None, "__all__") else None
            if column and re.match(r"\w+\[\d+\]", column):
                column = column.split("[", 1)[0]
                column = ACTION_COLUMNS.get(column, column)
        for text in texts:
            rows.problem(sheet, row, column, text)


def _child_column(sheet: str, column: str | None) -> str | None:
    """A child's field as the column of its sheet: a field value's in the value or
    text columns."""
    if sheet != "field_values" or column is None:
        return column
    if column.startswith(("text_", "rich_text_")):
        return "text_" + column.rsplit("_", 1)[1]
    return "value" if column in ("number", "date", "yes_no", "option", "category") else None
