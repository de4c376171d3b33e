"""The indicators and goals sheets: an indicator with its categories, contact people,
links to actions and effects; an indicator named in the goals sheet gets exactly its
rows there as goals."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vahti.actions.models import Action
from vahti.indicators.models import Indicator, Scenario
from vahti.indicators.services import indicator_upsert
from vahti.orgs.models import Organization
from vahti.workbook.imports.rows import SheetRows
from vahti.workbook.report import RowFailed
from vahti.workbook.sheets import CellError, Column, parse

# Model fields named differently in the sheets.
INDICATOR_COLUMNS = {
    "organization": "organisation",
    "action_links": "actions",
    "is_emission_goal": "emission_goal",
}
# The fields the indicators sheet gives as they are.
PLAIN_FIELDS = (
    "level",
    "time_resolution",
    "desired_direction",
    "minimum_value",
    "maximum_value",
    "decimals",
    "data_source_url",
    "licence",
    "visibility",
)


@dataclass
class Known:
    """What the indicators' rows may name, by identifier (lower-case for actions and
    indicators), and the goals sheet's rows by the indicator they are of."""

    organisations: dict
    categories: dict
    actions: dict
    scenarios: dict
    existing: dict
    goals: dict


def import_indicators(rows: SheetRows) -> None:
    if "indicators" not in rows.sheets and "goals" not in rows.sheets:
        return
    bad = rows.duplicates("indicators", lambda r: str(r.get("identifier") or "").strip().lower())
    plan = rows.plan
    known = Known(
        organisations={o.identifier: o for o in Organization.objects.filter(plan=plan)},
        categories=rows.categories_by_key(),
        actions={a.identifier.lower(): a for a in Action.objects.filter(plan=plan)},
        scenarios={s.identifier: s for s in Scenario.objects.filter(plan=plan)},
        existing={i.identifier.lower(): i for i in Indicator.objects.filter(plan=plan)},
        goals={},
    )
    in_sheet = {str(r.get("identifier") or "").strip().lower() for _n, r in rows.rows("indicators")}
    known.goals = _goals_by_indicator(rows, known.existing, in_sheet)
    indicator_rows = [(n, r) for n, r in rows.rows("indicators") if n not in bad]
    # Indicators that only the goals sheet names: their goals change.
    for identifier in known.goals:
        if identifier not in in_sheet:
            indicator_rows.append((None, {"identifier": known.existing[identifier].identifier}))
    # The emission goal moves from one indicator to another (one per plan): the row
    # that gives it up goes first.
    indicator_rows.sort(key=lambda item: _is_emission_goal(item[1]))
    total = len(indicator_rows)
    for done, (number, record) in enumerate(indicator_rows, start=1):
        rows.begin_row()
        try:
            with transaction.atomic():
                _indicator(rows, number, record, known)
        except RowFailed:
            pass
        rows.progress("indicators", done, total)


def _is_emission_goal(record: dict) -> bool:
    try:
        return parse(Column("emission_goal", "bool"), record.get("emission_goal")) is True
    except CellError:
        return False  # the row's own check names the cell


def _goals_by_indicator(rows: SheetRows, existing: dict, in_sheet: set) -> dict:
    goals: dict[str, list[tuple[int, dict]]] = defaultdict(list)
    for number, record in rows.rows("goals"):
        indicator = str(record.get("indicator") or "").strip().lower()
        if indicator not in existing and indicator not in in_sheet:
            rows.problem(
                "goals",
                number,
                "indicator",
                _("Unknown indicator “%(value)s”.") % {"value": record.get("indicator")},
            )
            continue
        goals[indicator].append((number, record))
    return goals


def _indicator(rows: SheetRows, number: int | None, record: dict, known: Known) -> None:
    sheet = "indicators"
    values = (
        rows.cells(sheet, number, record)
        if number is not None
        else {"identifier": record["identifier"]}
    )
    key = values["identifier"].strip().lower()
    current = known.existing.get(key)
    fields = _fields(rows, number, values, known)
    children = _current_children(current)
    if "categories" in values:
        children["categories"] = rows.find_all(
            sheet, number, "categories", known.categories, values["categories"]
        )
    if "actions" in values:
        children["action_links"] = _action_links(rows, number, values["actions"], known)
    goal_rows = []
    if "goals" in rows.sheets:
        children["goals"], goal_rows = _goals(rows, known.goals.get(key, []), known)
    rows.check_row()
    try:
        _indicator, changed = indicator_upsert(
            rows.plan, values["identifier"], **children, **fields
        )
    except ValidationError as error:
        _upsert_problems(rows, number, error, goal_rows)
        raise RowFailed from None
    rows.report.count("indicators", created=current is None, changed=changed)


def _fields(rows: SheetRows, number: int | None, values: dict, known: Known) -> dict:
    fields = rows.texts(values, "name", "description", "unit", "quantity", "data_source")
    for name in PLAIN_FIELDS:
        if name in values:
            value = values[name]
            if value is None and name in ("level", "time_resolution", "visibility", "decimals"):
                continue  # the default
            fields[name] = (
                "" if value is None and name not in ("minimum_value", "maximum_value") else value
            )
    if "emission_goal" in values:
        fields["is_emission_goal"] = bool(values["emission_goal"])
    if "organisation" in values:
        fields["organization"] = rows.find(
            "indicators", number, "organisation", known.organisations, values["organisation"]
        )
    return fields


def _current_children(current: Indicator | None) -> dict:
    """What the indicator has now: the columns left out of the sheet keep it."""
    if current is None:
        names = ("categories", "goals", "contact_persons", "action_links", "effect_links")
        return {name: [] for name in names}
    return {
        "categories": list(current.categories.all()),
        "goals": [(g.date, g.value, g.scenario) for g in current.goals.all()],
        "contact_persons": [c.person for c in current.contact_persons.all()],
        "action_links": [
            (link.action, link.effect, link.indicates_progress)
            for link in current.action_links.all()
        ],
        "effect_links": [
            (link.effect_indicator, link.effect, link.confidence)
            for link in current.effect_links.all()
        ],
    }


def _action_links(rows: SheetRows, number: int | None, items, known: Known) -> list:
    links = []
    for item in items or []:
        parts = item.split(":")
        action = known.actions.get(parts[0].strip().lower())
        effect = parts[1].strip() if len(parts) > 1 else "decreases"
        if (
            action is None
            or effect not in ("increases", "decreases")
            or len(parts) > 3
            or (len(parts) == 3 and parts[2].strip() != "progress")
        ):
            rows.problem(
                "indicators",
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
    return links


def _goals(rows: SheetRows, goal_records: list, known: Known) -> tuple[list, list[int]]:
    """The indicator's rows of the goals sheet as goals, and the row of each."""
    goal_rows, built = [], []
    for goal_number, goal_record in goal_records:
        try:
            goal_values = rows.cells("goals", goal_number, goal_record)
        except RowFailed:
            continue  # noted; check_row stops the indicator
        scenario = rows.find(
            "goals", goal_number, "scenario", known.scenarios, goal_values.get("scenario")
        )
        goal_rows.append(goal_number)
        built.append((goal_values["date"], goal_values["value"], scenario))
    return built, goal_rows


def _upsert_problems(rows: SheetRows, number, error: ValidationError, goal_rows: list) -> None:
    """The indicator's problems on their rows: a goal's on its row of the goals sheet."""
    for field_key, texts in error.message_dict.items():
        match = re.match(r"goals\[(\d+)\]\.?(.*)", field_key)
        if match and int(match.group(1)) < len(goal_rows):
            where = ("goals", goal_rows[int(match.group(1))], match.group(2) or None)
        else:
            column = field_key.split("[", 1)[0]
            where = (
                "indicators",
                number,
                INDICATOR_COLUMNS.get(column, column) if column != "__all__" else None,
            )
        for text in texts:
            rows.problem(*where, text)
