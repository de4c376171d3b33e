"""Importing a plan workbook (:mod:`vahti.workbook.sheets`).

Everything is written through the domain's services and models, exactly as the admin
writes it, inside one transaction: each row in a savepoint of its own, so that every
problem of every row is found in one pass. Added actions are checked row by row in
memory and written together after the last row (:mod:`vahti.actions.bulk`: a few
queries per action however large the plan, where publishing each costs hundreds). With
problems, or in a dry run, the transaction is rolled back and nothing is kept; the
report says what would have been added and changed, or lists every problem with its
sheet, row and column.

Rows name things by identifier: a row whose identifier exists changes that thing, the
others are added; importing the same workbook twice changes nothing the second time. A
column left out of a sheet leaves that field alone; an empty cell empties it. The tasks
of an action named in the workbook become exactly its rows in the tasks sheet (when the
workbook has one), matched to the current tasks by name; likewise an indicator's goals.
Values are added or changed by date (and category); others are kept.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from vahti.actions.bulk import NewAction, action_build, actions_insert, actions_publish
from vahti.actions.models import Action, Task
from vahti.actions.services import action_update, content_would_change
from vahti.core.i18n import language_codes
from vahti.core.services import upsert
from vahti.core.upserts import Upserts
from vahti.indicators.models import Dimension, DimensionCategory, Indicator, Scenario
from vahti.indicators.services import indicator_upsert, indicator_values_save
from vahti.indicators.value_rows import ValueRow, ValuesRejected
from vahti.orgs.models import Organization, Person
from vahti.plans import changes
from vahti.plans.models import (
    ActionImpact,
    ActionImplementationPhase,
    ActionSchedule,
    ActionStatus,
    Category,
    CategoryType,
    Plan,
)
from vahti.search import services as search
from vahti.workbook import past
from vahti.workbook.reader import Sheet
from vahti.workbook.report import Report, RowFailed, RowProblems
from vahti.workbook.sheets import ORDER, SHEETS, CellError, parse

LIST_MODELS = {
    "status": ActionStatus,
    "phase": ActionImplementationPhase,
    "impact": ActionImpact,
    "schedule": ActionSchedule,
    "category_type": CategoryType,
    "dimension": Dimension,
    "scenario": Scenario,
}
# Which attributes each kind of list item takes from the lists sheet.
LIST_ATTRIBUTES = {
    "status": ("color", "is_completed", "sentiment"),
    "phase": ("color",),
    "impact": ("is_estimate",),
    "schedule": ("begins_at", "ends_at"),
    "category_type": ("is_primary",),
    "dimension_category": ("color",),
}
# Model fields named differently in the sheets.
ACTION_COLUMNS = {
    "implementation_phase": "phase",
    "schedule_continuous": "continuous",
    "responsible_parties": "primary_organisation",
    "contact_persons": "contact_persons",
}
INDICATOR_COLUMNS = {"organization": "organisation", "action_links": "actions"}


Progress = Callable[[str, int, int], None]


class Importer(RowProblems):
    def __init__(
        self, sheets: dict[str, Sheet], *, plan: Plan | None, user, progress: Progress | None
    ):
        self.plan = plan
        self.user = user
        self.progress = progress or (lambda sheet, done, total: None)
        super().__init__(sheets, Report(plan=plan))

    # Problems ---------------------------------------------------------------------

    def cells(self, sheet: str, number: int, record: dict) -> dict:
        """The row's values, parsed by column kind. Every bad cell is a problem and left
        out of the values; the row fails at once only when one of its keys (a required
        column that is not a text) is bad, else when it is to be written (check_row)."""
        values, bad = {}, set()
        header = self.sheets[sheet].header if sheet in self.sheets else []
        if self.row_has_reported_cells(sheet, number):
            self.fail_row()  # a formula or merged cell: the row may not be written
        for column in SHEETS[sheet]:
            if column.name not in record:
                continue
            try:
                values[column.name] = parse(column, record[column.name])
            except CellError as error:
                self.problem(sheet, number, column.name, str(error))
                bad.add(column.name)
        primary = self._primary_language(sheet, values)
        for column in SHEETS[sheet]:
            if not column.required or column.name in bad:
                continue
            if column.translated:
                missing = column.language == primary and not values.get(column.name)
                message = _("Required in the plan's primary language.")
            else:
                given = column.name in record or column.name in header
                missing = given and values.get(column.name) in (None, "", [])
                message = _("Required.")
            if missing:
                self.problem(sheet, number, column.name, message)
                bad.add(column.name)
        if any(c.required and not c.translated and c.name in bad for c in SHEETS[sheet]):
            raise RowFailed
        return values

    def _primary_language(self, sheet: str, values: dict) -> str:
        """The language whose texts are required: the plan row's own for the plan (a new
        plan's in English needs no Finnish name), else the plan's."""
        if sheet == "plan" and values.get("primary_language"):
            return values["primary_language"]
        return self.plan.primary_language if self.plan else settings.LANGUAGE_CODE

    def each_row(self, sheet: str, handle: Callable[[int, dict], None]) -> None:
        """``handle`` each of the sheet's rows in a savepoint of its own; a failing row's
        problems are noted (and its writes undone) and the next row follows."""
        found = self.sheets.get(sheet)
        if found is None:
            return
        total = len(found.rows)
        for done, (number, record) in enumerate(found.rows, start=1):
            self.begin_row()
            try:
                with transaction.atomic():
                    handle(number, record)
            except RowFailed:
                pass
            except ValidationError as error:
                self.validation_problems(sheet, number, error, {})
            except DatabaseError as error:
                self.problem(
                    sheet, number, None, _("Could not be saved: %(error)s") % {"error": error}
                )
            self.progress(sheet, done, total)

    # The sheets, in order -----------------------------------------------------------

    def run(self) -> None:
        self._plan()
        if self.plan is None:
            return
        self._lists()
        self._tree("categories", Category)
        self._tree("organisations", Organization)
        self._people()
        self._actions()
        self._indicators()
        self._values()

    def _texts(self, values: dict, *names: str) -> dict:
        return {
            f"{name}_{code}": values.get(f"{name}_{code}") or ""
            for name in names
            for code in language_codes()
            if f"{name}_{code}" in values
        }

    def _plan(self):
        sheet = self.sheets.get("plan")
        if sheet is None:
            if self.plan is None:
                self.problem(
                    "plan",
                    None,
                    None,
                    _("Choose the plan to import into, or add a plan sheet that names it."),
                )
            return
        if len(sheet.rows) != 1:
            self.problem("plan", None, None, _("The plan sheet has one row: the plan."))
            return
        number, record = sheet.rows[0]
        self.begin_row()
        try:
            values = self.cells("plan", number, {**record, "identifier": record.get("identifier")})
        except RowFailed:
            return
        identifier = values.get("identifier")
        if self.plan is not None and identifier != self.plan.identifier:
            self.problem(
                "plan",
                number,
                "identifier",
                _("The workbook is of the plan “%(given)s”, not of “%(plan)s”.")
                % {"given": identifier, "plan": self.plan.identifier},
            )
            return
        data = self._texts(values, "name", "short_name")
        for name in ("primary_language", "time_zone"):
            if values.get(name):
                data[name] = values[name]
        if "other_languages" in values:
            data["other_languages"] = values["other_languages"] or []
        try:
            self.check_row()
        except RowFailed:
            return
        try:
            with transaction.atomic():
                plan, changed = upsert(Plan, {"identifier": identifier}, data)
        except ValidationError as error:
            self.validation_problems("plan", number, error, {})
            return
        self.report.count("plan", created=self.plan is None and changed, changed=changed)
        self.plan = self.report.plan = plan

    def _lists(self):
        self.duplicates(
            "lists", lambda r: (r.get("kind"), r.get("parent") or "", r.get("identifier"))
        )

        def one(number, record):
            values = self.cells("lists", number, record)
            kind = values["kind"]
            data = self._texts(values, "name")
            if "order" in values:
                data["order"] = values["order"] or 0
            for name in LIST_ATTRIBUTES.get(kind, ()):
                if name in values and values[name] is not None:
                    data[name] = values[name]
                elif name in ("begins_at", "ends_at") and name in values:
                    data[name] = None
            if kind == "dimension_category":
                dimension = Dimension.objects.filter(
                    plan=self.plan, identifier=values.get("parent") or ""
                ).first()
                if dimension is None:
                    self.problem(
                        "lists",
                        number,
                        "parent",
                        _("Name the dimension (a row of kind dimension) this category belongs to."),
                    )
                    raise RowFailed
                lookup = {"dimension": dimension, "identifier": values["identifier"]}
                data["plan"] = self.plan
                model = DimensionCategory
            else:
                model = LIST_MODELS[kind]
                lookup = {"plan": self.plan, "identifier": values["identifier"]}
            self.check_row()
            existed = model.objects.filter(**lookup).exists()
            try:
                _instance, changed = upsert(model, lookup, data)
            except ValidationError as error:
                self.validation_problems("lists", number, error, {})
                raise RowFailed from None
            self.report.count("lists", created=not existed, changed=changed)

        self.each_row("lists", one)

    def _tree(self, sheet: str, model):
        """Categories or organisations: parents before children, whatever the rows'
        order."""
        if sheet not in self.sheets:
            return
        is_category = model is Category

        def key(record):
            if is_category:
                return (str(record.get("type") or ""), str(record.get("identifier") or ""))
            return str(record.get("identifier") or "")

        bad = self.duplicates(sheet, key)
        rows = [(n, r) for n, r in self.sheets[sheet].rows if n not in bad]
        types = {t.identifier: t for t in CategoryType.objects.filter(plan=self.plan)}
        given = {key(r) for _n, r in rows}
        pending = list(rows)
        done_keys: set = set()
        ordered = []
        while pending:
            waiting = []
            for number, record in pending:
                parent = str(record.get("parent") or "").strip()
                parent_key = (key(record)[0], parent) if is_category else parent
                if parent and parent_key in given and parent_key not in done_keys:
                    waiting.append((number, record))
                else:
                    ordered.append((number, record))
                    done_keys.add(key(record))
            if len(waiting) == len(pending):  # a loop
                for number, _record in waiting:
                    self.problem(sheet, number, "parent", _("The parents form a loop."))
                break
            pending = waiting
        self.sheets[sheet].rows = ordered
        if is_category:
            stored = Upserts(
                Category,
                Category.objects.filter(plan=self.plan).select_related("plan", "type", "parent"),
                key=lambda category: (category.type_id, category.identifier),
            )
        else:
            stored = Upserts(
                Organization,
                Organization.objects.filter(plan=self.plan).select_related("parent"),
                key=lambda organisation: organisation.identifier,
            )

        def one(number, record):
            values = self.cells(sheet, number, record)
            data = {"plan": self.plan}
            if is_category:
                category_type = types.get(values["type"])
                if category_type is None:
                    self.problem(
                        sheet,
                        number,
                        "type",
                        _(
                            "Unknown category type “%(value)s”; add it to the lists sheet "
                            "(kind category_type)."
                        )
                        % {"value": values["type"]},
                    )
                    raise RowFailed
                lookup = {"type": category_type, "identifier": values["identifier"]}
                data.update(self._texts(values, "name", "lead"))
                row_key = (category_type.pk, values["identifier"])
                parent_key = (category_type.pk, values.get("parent"))
            else:
                lookup = {"plan": self.plan, "identifier": values["identifier"]}
                del data["plan"]
                data.update(self._texts(values, "name", "abbreviation"))
                row_key, parent_key = values["identifier"], values.get("parent")
            if "order" in values:
                data["order"] = values["order"] or 0
            if "color" in values:
                data["color"] = values["color"] or ""
            if "parent" in values:
                parent = None
                if values["parent"]:
                    parent = stored.get(parent_key)
                    if parent is None:
                        self.problem(
                            sheet,
                            number,
                            "parent",
                            _("Unknown parent “%(value)s”.") % {"value": values["parent"]},
                        )
                        raise RowFailed
                data["parent"] = parent
            self.check_row()
            try:
                _instance, created, changed = stored.upsert(row_key, lookup, data)
            except ValidationError as error:
                self.validation_problems(sheet, number, error, {"abbreviation": "abbreviation_fi"})
                raise RowFailed from None
            self.report.count(sheet, created=created, changed=changed)

        self.each_row(sheet, one)
        stored.index_added()

    def _people(self):
        self.duplicates("people", lambda r: str(r.get("identifier") or ""))
        organizations = {o.identifier: o for o in Organization.objects.filter(plan=self.plan)}
        people = Upserts(
            Person,
            Person.objects.filter(plan=self.plan).select_related("organization"),
            key=lambda person: person.identifier,
            unique=[("person_email_unique_in_plan", lambda p: p.email.lower() or None)],
        )

        def one(number, record):
            values = self.cells("people", number, record)
            data = self._texts(values, "title")
            for name in ("first_name", "last_name"):
                if name in values:
                    data[name] = values[name] or ""
            if "email" in values:
                data["email"] = values["email"] or ""
            if "organisation" in values:
                data["organization"] = self._find(
                    "people", number, "organisation", organizations, values["organisation"]
                )
            lookup = {"plan": self.plan, "identifier": values["identifier"]}
            self.check_row()
            try:
                _person, created, changed = people.upsert(values["identifier"], lookup, data)
            except ValidationError as error:
                self.validation_problems("people", number, error, {"organization": "organisation"})
                raise RowFailed from None
            self.report.count("people", created=created, changed=changed)

        self.each_row("people", one)
        people.index_added()

    def _find(self, sheet, number, column, known: dict, identifier):
        """The thing of the identifier; an unknown one is a problem of the row (and None),
        and the row goes on to be checked."""
        if not identifier:
            return None
        found = known.get(identifier)
        if found is None:
            self.problem(
                sheet,
                number,
                column,
                _("“%(value)s” is not in the plan.") % {"value": identifier},
            )
        return found

    def _find_all(self, sheet, number, column, known: dict, identifiers) -> list:
        found, missing = [], []
        for identifier in identifiers or []:
            if identifier in known:
                found.append(known[identifier])
            else:
                missing.append(identifier)
        if missing:
            self.problem(
                sheet,
                number,
                column,
                _("Not in the plan: %(values)s.") % {"values": ", ".join(missing)},
            )
        return found

    def _categories_by_key(self) -> dict:
        return {
            f"{c.type.identifier}/{c.identifier}": c
            for c in Category.objects.filter(plan=self.plan).select_related("type")
        }

    def _actions(self):
        if "actions" not in self.sheets and "tasks" not in self.sheets:
            return
        bad = self.duplicates("actions", lambda r: str(r.get("identifier") or "").strip().lower())
        plan = self.plan
        lookups = {
            "status": {s.identifier: s for s in ActionStatus.objects.filter(plan=plan)},
            "phase": {p.identifier: p for p in ActionImplementationPhase.objects.filter(plan=plan)},
            "impact": {i.identifier: i for i in ActionImpact.objects.filter(plan=plan)},
            "schedules": {s.identifier: s for s in ActionSchedule.objects.filter(plan=plan)},
            "organisations": {o.identifier: o for o in Organization.objects.filter(plan=plan)},
            "people": {p.identifier: p for p in Person.objects.filter(plan=plan)},
            "categories": self._categories_by_key(),
        }
        existing = {a.identifier.lower(): a for a in Action.objects.filter(plan=plan)}
        in_sheet = {
            str(r.get("identifier") or "").strip().lower()
            for n, r in self.sheets.get("actions", Sheet("actions", [])).rows
        }
        tasks: dict[str, list[tuple[int, dict]]] = defaultdict(list)
        # Tasks are matched to an action's current ones by name: one name twice would be
        # published twice.
        name = f"name_{plan.primary_language}"
        twice = self.duplicates(
            "tasks",
            lambda r: (
                (str(r.get("action") or "").strip().lower(), str(r[name]).strip())
                if str(r.get(name) or "").strip()
                else None
            ),
            column=name,
        )
        if "tasks" in self.sheets:
            for number, record in self.sheets["tasks"].rows:
                if number in twice:
                    continue
                action = str(record.get("action") or "").strip().lower()
                if action not in existing and action not in in_sheet:
                    self.problem(
                        "tasks",
                        number,
                        "action",
                        _("Unknown action “%(value)s”: not in the plan nor in the actions sheet.")
                        % {"value": record.get("action")},
                    )
                    continue
                tasks[action].append((number, record))
        action_rows = [
            (n, r) for n, r in self.sheets.get("actions", Sheet("actions", [])).rows if n not in bad
        ]
        self._past = {
            sheet: past.rows_by_action(self, sheet, existing, in_sheet)
            for sheet in ("history", "news")
        }
        # Actions that only the tasks or news sheet names: their tasks or posts change.
        for identifier in dict.fromkeys([*tasks, *self._past["news"]]):
            if identifier not in in_sheet:
                action_rows.append((None, {"identifier": existing[identifier].identifier}))
        related: list[tuple[int, str, list[str], datetime.datetime | None]] = []
        self._new: dict[str, NewAction] = {}
        total = len(action_rows)
        for done, (number, record) in enumerate(action_rows, start=1):
            self.begin_row()
            try:
                with transaction.atomic():
                    self._action(number, record, lookups, existing, tasks, related)
            except RowFailed:
                pass
            except DatabaseError as error:
                self.problem(
                    "actions", number, None, _("Could not be saved: %(error)s") % {"error": error}
                )
            self.progress("actions", done, total)
        # Related actions, once every action exists.
        try:
            with transaction.atomic():
                actions_insert(list(self._new.values()))
        except DatabaseError as error:
            self.problem(
                "actions", None, None, _("Could not be saved: %(error)s") % {"error": error}
            )
            return
        actions = {a.identifier.lower(): a for a in Action.objects.filter(plan=plan)}
        actions.update({key: new.action for key, new in self._new.items()})
        for number, identifier, others, dated in related:
            if identifier in self._new:  # in memory until published below
                self.begin_row()
                found = self._find_all(
                    "actions", number, "related_actions", actions, [o.lower() for o in others]
                )
                self._new[identifier].action.related_actions = found
                continue
            self.begin_row()
            try:
                with transaction.atomic():
                    found = self._find_all(
                        "actions", number, "related_actions", actions, [o.lower() for o in others]
                    )
                    self.check_row()
                    action = actions[identifier]
                    current = sorted(a.pk for a in action.related_actions.all())
                    if current != sorted(a.pk for a in found):
                        action_update(
                            action, user=self.user, updated_at=dated, related_actions=found
                        )
            except RowFailed:
                pass
            except ValidationError as error:
                self.validation_problems("actions", number, error, {})
        try:
            with transaction.atomic():
                actions_publish(list(self._new.values()), user=self.user)
        except DatabaseError as error:
            self.problem(
                "actions", None, None, _("Could not be saved: %(error)s") % {"error": error}
            )
        if self._new:
            changes.touch(plan.pk)

    def _action(self, number, record, lookups, existing, tasks, related) -> None:
        sheet = "actions"
        values = (
            self.cells(sheet, number, record)
            if number is not None
            else {"identifier": record["identifier"]}
        )
        identifier = values["identifier"]
        key = identifier.strip().lower()
        data = self._texts(
            values,
            "name",
            "lead",
            "description",
            "official_name",
            "official_description",
            "official_description_source",
        )
        for column, field_name in (
            ("status", "status"),
            ("phase", "implementation_phase"),
            ("impact", "impact"),
        ):
            if column in values:
                data[field_name] = self._find(
                    sheet, number, column, lookups[column], values[column]
                )
        if "schedules" in values:
            data["schedules"] = self._find_all(
                sheet, number, "schedules", lookups["schedules"], values["schedules"]
            )
        for column, field_name in (("start_date", "start_date"), ("end_date", "end_date")):
            if column in values:
                data[field_name] = values[column]
        if "continuous" in values:
            data["schedule_continuous"] = bool(values["continuous"])
        if "categories" in values:
            data["categories"] = self._find_all(
                sheet, number, "categories", lookups["categories"], values["categories"]
            )
        if "primary_organisation" in values or "collaborating_organisations" in values:
            organisations = lookups["organisations"]
            parties = []
            if values.get("primary_organisation"):
                primary = self._find(
                    sheet,
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
                collaborators = self._find_all(
                    sheet,
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
            data["responsible_parties"] = parties
        roles = {"contact_persons": "contact", "editors": "editor", "moderators": "moderator"}
        if any(column in values for column in roles):
            contacts = []
            current = (
                list(existing[key].contact_persons.select_related("person"))
                if key in existing
                else []
            )
            for column, role in roles.items():
                if column in values:
                    people = self._find_all(
                        sheet, number, column, lookups["people"], values[column]
                    )
                    contacts += [(person, role) for person in people]
                else:
                    contacts += [(c.person, c.role) for c in current if c.role == role]
            data["contact_persons"] = contacts
        if "visibility" in values:
            data["visibility"] = values["visibility"] or Action.Visibility.PUBLIC
        if "internal_notes" in values:
            data["internal_notes"] = values["internal_notes"] or ""
        task_rows = []
        if "tasks" in self.sheets:
            task_data = []
            for task_number, task_record in tasks.get(key, []):
                try:
                    task_values = self.cells("tasks", task_number, task_record)
                except RowFailed:
                    continue  # noted; check_row stops the action below
                task_rows.append(task_number)
                task_data.append(
                    {
                        **self._texts(task_values, "name", "comment"),
                        "state": task_values["state"],
                        "due_at": task_values["due_at"],
                        "completed_at": task_values.get("completed_at"),
                    }
                )
            data["tasks"] = task_data
        news_rows = []
        if "news" in self.sheets:
            data["news_posts"], news_rows = past.news_posts(
                self, self._past["news"].get(key, []), lookups["people"]
            )
        action = existing.get(key)
        created = action is None
        # Only an added action takes its history; an existing one's is checked.
        steps = past.history_steps(self, self._past["history"].get(key, []), lookups)
        updated_at, redated = past.updated_at(self, number, values, action, steps)
        self.check_row()
        tasks_before = _task_contents(action) if action is not None and "tasks" in data else {}
        try:
            if created:
                # Validated now, written with the others after the last row (bulk).
                action = action_build(plan=self.plan, identifier=identifier, data=data)
                self._new[key] = past.new_action(self.plan, action, steps, updated_at)
                existing[key] = action
                changed = True
            else:
                changed = content_would_change(action, **data) or redated
                if changed:
                    action_update(action, user=self.user, updated_at=updated_at, **data)
        except ValidationError as error:
            self._action_problems(
                number, error, {"tasks": ("tasks", task_rows), "news_posts": ("news", news_rows)}
            )
            raise RowFailed from None
        if number is not None:
            self.report.count("actions", created=created, changed=changed)
        for _step in steps:
            self.report.count("history", created=created, changed=created)
        if "tasks" in data and created:
            for _task in data["tasks"]:
                self.report.count("tasks", created=True, changed=True)
        elif "tasks" in data:
            # Each task by what happened to it: a task matched by name keeps its row.
            after = _task_contents(action) if changed else tasks_before
            for pk, content in after.items():
                self.report.count(
                    "tasks", created=pk not in tasks_before, changed=content != tasks_before.get(pk)
                )
        if "related_actions" in values:
            # Part of the row: an added action publishes them with its own content, a
            # redated one keeps the row's date.
            dated = action.updated_at if redated else None
            related.append((number, key, values["related_actions"] or [], dated))

    def _action_problems(self, number, error: ValidationError, child_rows: dict) -> None:
        """The action's problems on the rows they are of: a task's or news post's on its
        row of the tasks or news sheet (``child_rows``: relation → (sheet, rows))."""
        messages = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
        for key, texts in messages.items():
            match = re.match(r"(tasks|news_posts)\[(\d+)\]\.?(.*)", key or "")
            child_sheet, rows = child_rows.get(match.group(1) if match else None, (None, []))
            if match and int(match.group(2)) < len(rows):
                sheet, row, column = child_sheet, rows[int(match.group(2))], match.group(3) or None
            else:
                sheet, row = "actions", number
                column = ACTION_COLUMNS.get(key, key) if key not in (None, "__all__") else None
                if column and re.match(r"\w+\[\d+\]", column):
                    column = column.split("[", 1)[0]
                    column = ACTION_COLUMNS.get(column, column)
            for text in texts:
                self.problem(sheet, row, column, text)

    def _indicators(self):
        if "indicators" not in self.sheets and "goals" not in self.sheets:
            return
        bad = self.duplicates(
            "indicators", lambda r: str(r.get("identifier") or "").strip().lower()
        )
        plan = self.plan
        organisations = {o.identifier: o for o in Organization.objects.filter(plan=plan)}
        categories = self._categories_by_key()
        actions = {a.identifier.lower(): a for a in Action.objects.filter(plan=plan)}
        scenarios = {s.identifier: s for s in Scenario.objects.filter(plan=plan)}
        existing = {i.identifier.lower(): i for i in Indicator.objects.filter(plan=plan)}
        in_sheet = {
            str(r.get("identifier") or "").strip().lower()
            for _n, r in self.sheets.get("indicators", Sheet("indicators", [])).rows
        }
        goals: dict[str, list[tuple[int, dict]]] = defaultdict(list)
        for number, record in self.sheets.get("goals", Sheet("goals", [])).rows:
            indicator = str(record.get("indicator") or "").strip().lower()
            if indicator not in existing and indicator not in in_sheet:
                self.problem(
                    "goals",
                    number,
                    "indicator",
                    _("Unknown indicator “%(value)s”.") % {"value": record.get("indicator")},
                )
                continue
            goals[indicator].append((number, record))
        rows = [
            (n, r)
            for n, r in self.sheets.get("indicators", Sheet("indicators", [])).rows
            if n not in bad
        ]
        for identifier in goals:
            if identifier not in in_sheet:
                rows.append((None, {"identifier": existing[identifier].identifier}))
        total = len(rows)
        for done, (number, record) in enumerate(rows, start=1):
            self.begin_row()
            try:
                with transaction.atomic():
                    self._indicator(
                        number,
                        record,
                        organisations,
                        categories,
                        actions,
                        scenarios,
                        existing,
                        goals,
                    )
            except RowFailed:
                pass
            self.progress("indicators", done, total)

    def _indicator(
        self, number, record, organisations, categories, actions, scenarios, existing, goals
    ):
        sheet = "indicators"
        values = (
            self.cells(sheet, number, record)
            if number is not None
            else {"identifier": record["identifier"]}
        )
        key = values["identifier"].strip().lower()
        current = existing.get(key)
        fields = self._texts(values, "name", "description", "unit", "quantity", "data_source")
        for name in (
            "level",
            "time_resolution",
            "desired_direction",
            "minimum_value",
            "maximum_value",
            "decimals",
            "data_source_url",
            "licence",
            "visibility",
        ):
            if name in values:
                value = values[name]
                if value is None and name in ("level", "time_resolution", "visibility", "decimals"):
                    continue  # the default
                fields[name] = (
                    ""
                    if value is None and name not in ("minimum_value", "maximum_value")
                    else value
                )
        if "organisation" in values:
            fields["organization"] = self._find(
                sheet, number, "organisation", organisations, values["organisation"]
            )
        children = {
            "categories": list(current.categories.all()) if current else [],
            "goals": [(g.date, g.value, g.scenario) for g in current.goals.all()]
            if current
            else [],
            "contact_persons": [c.person for c in current.contact_persons.all()] if current else [],
            "action_links": [
                (link.action, link.effect, link.indicates_progress)
                for link in current.action_links.all()
            ]
            if current
            else [],
            "effect_links": [
                (link.effect_indicator, link.effect, link.confidence)
                for link in current.effect_links.all()
            ]
            if current
            else [],
        }
        if "categories" in values:
            children["categories"] = self._find_all(
                sheet, number, "categories", categories, values["categories"]
            )
        if "actions" in values:
            links = []
            for item in values["actions"] or []:
                parts = item.split(":")
                action = actions.get(parts[0].strip().lower())
                effect = parts[1].strip() if len(parts) > 1 else "decreases"
                if (
                    action is None
                    or effect not in ("increases", "decreases")
                    or len(parts) > 3
                    or (len(parts) == 3 and parts[2].strip() != "progress")
                ):
                    self.problem(
                        sheet,
                        number,
                        "actions",
                        _(
                            "“%(value)s” is not an action link: write e.g. 126:decreases or "
                            "126:increases:progress, with an action of the plan."
                        )
                        % {"value": item},
                    )
                    continue
                links.append((action, effect, len(parts) == 3))
            children["action_links"] = links
        goal_rows = []
        if "goals" in self.sheets:
            built = []
            for goal_number, goal_record in goals.get(key, []):
                try:
                    goal_values = self.cells("goals", goal_number, goal_record)
                except RowFailed:
                    continue  # noted; check_row stops the indicator below
                scenario = self._find(
                    "goals", goal_number, "scenario", scenarios, goal_values.get("scenario")
                )
                goal_rows.append(goal_number)
                built.append((goal_values["date"], goal_values["value"], scenario))
            children["goals"] = built
        self.check_row()
        try:
            _indicator, changed = indicator_upsert(
                self.plan, values["identifier"], **children, **fields
            )
        except ValidationError as error:
            messages = error.message_dict
            for field_key, texts in messages.items():
                match = re.match(r"goals\[(\d+)\]\.?(.*)", field_key)
                if match and int(match.group(1)) < len(goal_rows):
                    where = ("goals", goal_rows[int(match.group(1))], match.group(2) or None)
                else:
                    column = field_key.split("[", 1)[0]
                    where = (
                        sheet,
                        number,
                        INDICATOR_COLUMNS.get(column, column) if column != "__all__" else None,
                    )
                for text in texts:
                    self.problem(*where, text)
            raise RowFailed from None
        self.report.count("indicators", created=current is None, changed=changed)

    def _values(self):
        sheet = self.sheets.get("values")
        if sheet is None:
            return
        indicators = {i.identifier.lower(): i for i in Indicator.objects.filter(plan=self.plan)}
        parts = {
            (p.dimension.identifier, p.identifier): p
            for p in DimensionCategory.objects.filter(plan=self.plan).select_related("dimension")
        }
        grouped: dict[str, list[tuple[int, ValueRow]]] = defaultdict(list)
        for number, record in sheet.rows:
            self.begin_row()
            try:
                values = self.cells("values", number, record)
            except RowFailed:
                continue
            indicator = self._find(
                "values", number, "indicator", indicators, str(values["indicator"]).lower()
            )
            if indicator is None or self._row_failed:
                continue
            category = None
            if values.get("dimension") or values.get("category"):
                category = parts.get((values.get("dimension") or "", values.get("category") or ""))
                if category is None:
                    self.problem(
                        "values",
                        number,
                        "category",
                        _("The dimension “%(dimension)s” has no category “%(category)s”.")
                        % {
                            "dimension": values.get("dimension") or "",
                            "category": values.get("category") or "",
                        },
                    )
                    continue
            grouped[indicator.identifier.lower()].append(
                (number, ValueRow(values["date"], values["value"], category))
            )
        total = len(grouped)
        for done, (key, rows) in enumerate(grouped.items(), start=1):
            indicator = indicators[key]
            try:
                with transaction.atomic():
                    saved = indicator_values_save(indicator, [row for _n, row in rows])
            except ValuesRejected as error:
                for problem in error.problems:
                    self.problem(
                        "values", rows[problem.row - 1][0], problem.column, problem.message
                    )
                continue
            counts = self.report.counts["values"]
            counts.created += saved.created
            counts.updated += saved.updated
            counts.unchanged += saved.unchanged
            self.progress("values", done, total)


def _task_contents(action: Action) -> dict[int, dict]:
    """The action's stored tasks, by id: what each holds, without its id and times."""
    skip = {"id", "action_id", "created_at", "updated_at"}
    fields = [f.attname for f in Task._meta.concrete_fields if f.attname not in skip]
    return {task["id"]: task for task in Task.objects.filter(action=action).values("id", *fields)}


def import_workbook(
    sheets: dict[str, Sheet],
    *,
    plan: Plan | None = None,
    user=None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> Report:
    """Check and import the sheets (from :func:`vahti.workbook.reader.read`) into ``plan``
    (or the plan the plan sheet names, created if new). Nothing is kept when there is a
    problem or with ``dry_run``; ``report.applied`` says whether it was."""
    importer = Importer(sheets, plan=plan, user=user, progress=progress)
    with transaction.atomic():
        with search.deferred(), changes.batched():
            importer.run()
        report = importer.report
        if report.problems or dry_run:
            transaction.set_rollback(True)
            report.applied = False
        else:
            if report.plan is not None:
                search.rebuild_plan(report.plan)
            report.applied = True
    report.problems.sort(
        key=lambda p: (ORDER.index(p.sheet) if p.sheet in ORDER else -1, p.row or 0)
    )
    return report
