"""The plan workbook: one sheet per kind of thing, the columns of each, and how a
cell's text is read. The export writes exactly these columns and the import reads them,
so an exported workbook is a valid import (docs/workbook.md describes them for people).

Identifiers name everything: a row with the identifier of an existing thing changes it,
others are added. Lists in a cell are separated by commas; a category is named
``type/identifier``. Dates are written 2025-12-31 (or as a spreadsheet date).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vahti.core.i18n import language_codes


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "text"  # text, html, date, bool, int, float, list, choice
    required: bool = False
    choices: tuple[str, ...] = ()
    public: bool = True  # in the public download too
    language: str | None = None  # a translated text's language

    @property
    def translated(self) -> bool:
        return self.language is not None


def translated(name: str, *, required: bool = False, kind: str = "text") -> list[Column]:
    """One column per language; ``required`` is checked for the plan's primary one."""
    return [Column(f"{name}_{code}", kind, required, language=code) for code in language_codes()]


LIST_KINDS = (
    "status",
    "phase",
    "impact",
    "schedule",
    "category_type",
    "dimension",
    "dimension_category",
    "scenario",
)
TASK_STATES = ("not_started", "in_progress", "completed", "cancelled")

SHEETS: dict[str, list[Column]] = {
    "plan": [
        Column("identifier", required=True),
        Column("primary_language", "choice", True, tuple(language_codes())),
        Column("other_languages", "list"),
        Column("time_zone"),
        *translated("name", required=True),
        *translated("short_name"),
    ],
    "lists": [
        Column("kind", "choice", True, LIST_KINDS),
        Column("identifier", required=True),
        Column("parent"),
        Column("order", "int"),
        *translated("name", required=True),
        Column("color"),
        Column("is_completed", "bool"),
        Column("sentiment", "choice", choices=("positive", "neutral", "negative")),
        Column("is_estimate", "bool"),
        Column("begins_at", "date"),
        Column("ends_at", "date"),
        Column("is_primary", "bool"),
    ],
    "categories": [
        Column("type", required=True),
        Column("identifier", required=True),
        Column("parent"),
        Column("order", "int"),
        *translated("name", required=True),
        *translated("lead"),
        Column("color"),
    ],
    "organisations": [
        Column("identifier", required=True),
        Column("parent"),
        Column("order", "int"),
        *translated("name", required=True),
        *translated("abbreviation"),
    ],
    "people": [
        Column("identifier", required=True),
        Column("first_name", required=True),
        Column("last_name", required=True),
        Column("organisation"),
        Column("email", public=False),
        *translated("title"),
    ],
    "actions": [
        Column("identifier", required=True),
        *translated("name", required=True),
        *translated("lead"),
        *translated("description", kind="html"),
        *translated("official_name"),
        *translated("official_description", kind="html"),
        *translated("official_description_source"),
        Column("status"),
        Column("phase"),
        Column("impact"),
        Column("schedules", "list"),
        Column("start_date", "date"),
        Column("end_date", "date"),
        Column("continuous", "bool"),
        Column("categories", "list"),
        Column("primary_organisation"),
        Column("collaborating_organisations", "list"),
        Column("contact_persons", "list"),
        Column("editors", "list", public=False),
        Column("moderators", "list", public=False),
        Column("related_actions", "list"),
        Column("visibility", "choice", choices=("public", "internal"), public=False),
        Column("internal_notes", public=False),
        Column("updated_at", "date"),
    ],
    "tasks": [
        Column("action", required=True),
        *translated("name", required=True),
        Column("state", "choice", True, TASK_STATES),
        Column("due_at", "date", True),
        Column("completed_at", "date"),
        *translated("comment", kind="html"),
    ],
    "history": [
        Column("action", required=True),
        Column("date", "date", True),
        Column("status"),
        Column("phase"),
    ],
    "news": [
        Column("action", required=True),
        Column("published_on", "date", True),
        *translated("title", required=True),
        *translated("body", kind="html"),
        Column("author"),
    ],
    "indicators": [
        Column("identifier", required=True),
        *translated("name", required=True),
        *translated("description", kind="html"),
        Column("level", "choice", choices=("strategic", "tactical", "operational")),
        *translated("unit", required=True),
        *translated("quantity"),
        Column("time_resolution", "choice", True, ("year", "month", "day")),
        Column("desired_direction", "choice", choices=("decrease", "increase")),
        Column("minimum_value", "float"),
        Column("maximum_value", "float"),
        Column("decimals", "int"),
        Column("organisation"),
        Column("categories", "list"),
        *translated("data_source"),
        Column("data_source_url"),
        Column("licence"),
        Column("actions", "list"),
        Column("visibility", "choice", choices=("public", "internal"), public=False),
    ],
    "goals": [
        Column("indicator", required=True),
        Column("date", "date", True),
        Column("value", "float", True),
        Column("scenario"),
    ],
    "values": [
        Column("indicator", required=True),
        Column("date", "date", True),
        Column("dimension"),
        Column("category"),
        Column("value", "float", True),
    ],
}
# The sheets of the public download: the plan's public actions and indicators.
PUBLIC_SHEETS = ("actions", "tasks", "indicators", "goals", "values")
# Sheets are read in this order: each may name what the ones before it hold.
ORDER = tuple(SHEETS)


def columns(sheet: str, *, public: bool = False) -> list[Column]:
    return [column for column in SHEETS[sheet] if column.public or not public]


def column_names(sheet: str, *, public: bool = False) -> list[str]:
    return [column.name for column in columns(sheet, public=public)]


class CellError(ValueError):
    """The cell's text cannot be read as the column's kind; the message says why."""


TRUE_WORDS = {"true", "yes", "1", "x", "kyllä", "ja", "tosi", "sant"}
FALSE_WORDS = {"false", "no", "0", "ei", "nej", "epätosi", "falskt"}


def parse(column: Column, value):
    """The cell's value as Python (None when empty). Raises CellError."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        value = value.strip()
    kind = column.kind
    if kind in ("text", "html"):
        return (
            str(value)
            if not isinstance(value, float) or not value.is_integer()
            else str(int(value))
        )
    if kind == "choice":
        text = str(value).strip()
        if text not in column.choices:
            raise CellError(
                _("“%(value)s” is not one of: %(choices)s.")
                % {"value": text, "choices": ", ".join(column.choices)}
            )
        return text
    if kind == "list":
        return [item.strip() for item in str(value).split(",") if item.strip()]
    if kind == "date":
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            raise CellError(
                _("“%(value)s” is not a date: write it as 2025-12-31.") % {"value": value}
            ) from None
    if kind == "bool":
        if isinstance(value, bool):
            return value
        word = str(value).strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise CellError(_("“%(value)s” is not yes or no.") % {"value": value})
    if kind in ("int", "float"):
        if isinstance(value, bool):
            raise CellError(_("“%(value)s” is not a number.") % {"value": value})
        if isinstance(value, int | float):
            number = float(value)
        else:
            from vahti.indicators.value_rows import parse_number

            try:
                number = parse_number(str(value))
            except ValueError:
                raise CellError(_("“%(value)s” is not a number.") % {"value": value}) from None
        if kind == "int":
            if not number.is_integer() or number < 0:
                raise CellError(
                    _("“%(value)s” is not a whole number of 0 or more.") % {"value": value}
                )
            return int(number)
        return number
    raise AssertionError(kind)


SHEET_DESCRIPTIONS = {
    "plan": gettext_lazy("One row: the plan. Needed when importing into an empty installation."),
    "lists": gettext_lazy(
        "The plan's own lists, a row per item: statuses, implementation phases, impacts, "
        "timeframes (schedule), category types, indicator dimensions and their categories "
        "(dimension_category, with the dimension as parent) and scenarios."
    ),
    "categories": gettext_lazy("Themes and other categories, a tree per category type."),
    "organisations": gettext_lazy("The city's organisation tree."),
    "people": gettext_lazy(
        "People named on actions; the identifier names them in the actions sheet."
    ),
    "actions": gettext_lazy("The actions; imported ones are published."),
    "tasks": gettext_lazy(
        "The tasks of each action; an action named in the workbook gets exactly its rows "
        "here, matched to its current tasks by name (so a name appears once per action)."
    ),
    "history": gettext_lazy(
        "Each action's published status and phase over time, a row per change, oldest "
        "first. Read when the import adds the action: it is published once per row, on "
        "the row's date, so its timeline, the plan's progress on past dates and the feeds "
        "show the past as it was. An action that exists keeps the history its "
        "publications recorded."
    ),
    "news": gettext_lazy(
        "The news posts of each action; an action named in the workbook gets exactly its "
        "rows here, matched to its current posts by title and date."
    ),
    "indicators": gettext_lazy("The indicators."),
    "goals": gettext_lazy(
        "Each indicator's goals; an indicator named here gets exactly these goals."
    ),
    "values": gettext_lazy(
        "Indicator values, a row per period (and dimension category); a row for a period "
        "that has a value changes it, the others are added, values not in the sheet stay."
    ),
}
COLUMN_DESCRIPTIONS = {
    "identifier": gettext_lazy("Unique within the plan (for a category: within its type)."),
    "primary_language": gettext_lazy("fi, sv or en."),
    "other_languages": gettext_lazy("E.g. sv, en."),
    "time_zone": gettext_lazy("E.g. Europe/Helsinki."),
    "kind": gettext_lazy(
        "status, phase, impact, schedule, category_type, dimension, dimension_category or scenario."
    ),
    "parent": gettext_lazy(
        "The identifier of the item above it (for dimension_category: its dimension)."
    ),
    "order": gettext_lazy("The position in lists, 0 first."),
    "name": gettext_lazy(
        "The name, a column per language; required in the plan's primary language."
    ),
    "short_name": gettext_lazy("A short name, a column per language."),
    "lead": gettext_lazy("The lead paragraph, a column per language."),
    "description": gettext_lazy("HTML (sanitised), a column per language."),
    "official_name": gettext_lazy("The name in the plan as decided, a column per language."),
    "official_description": gettext_lazy(
        "The text of the plan as decided: HTML, a column per language."
    ),
    "official_description_source": gettext_lazy("Where the official text comes from."),
    "abbreviation": gettext_lazy("E.g. Kymp."),
    "color": gettext_lazy("#rrggbb."),
    "is_completed": gettext_lazy("Statuses: counts as completed (yes/no)."),
    "sentiment": gettext_lazy("Statuses: positive, neutral or negative."),
    "is_estimate": gettext_lazy("Impacts: is an estimate (no for “not estimated”)."),
    "begins_at": gettext_lazy("Timeframes: the first day."),
    "ends_at": gettext_lazy("Timeframes: the last day."),
    "is_primary": gettext_lazy("Category types: the action list is grouped by it."),
    "type": gettext_lazy("The category type's identifier."),
    "first_name": gettext_lazy("First name."),
    "last_name": gettext_lazy("Last name."),
    "organisation": gettext_lazy("The organisation's identifier."),
    "email": gettext_lazy("Not shown publicly; lets the person log in."),
    "title": gettext_lazy("Job title, a column per language."),
    "status": gettext_lazy("The status's identifier (lists sheet)."),
    "phase": gettext_lazy("The implementation phase's identifier."),
    "impact": gettext_lazy("The impact's identifier."),
    "schedules": gettext_lazy("Timeframe identifiers."),
    "start_date": gettext_lazy("2025-01-31."),
    "end_date": gettext_lazy("2025-12-31."),
    "continuous": gettext_lazy("yes for an action without an end."),
    "categories": gettext_lazy("type/identifier of each category, e.g. theme/transport."),
    "primary_organisation": gettext_lazy("The primarily responsible organisation's identifier."),
    "collaborating_organisations": gettext_lazy("Identifiers of the collaborating organisations."),
    "contact_persons": gettext_lazy("Identifiers of the contact persons (people sheet)."),
    "editors": gettext_lazy("Identifiers of people who may edit the action."),
    "moderators": gettext_lazy("Identifiers of people who approve its changes."),
    "related_actions": gettext_lazy("Identifiers of related actions."),
    "visibility": gettext_lazy("public or internal."),
    "internal_notes": gettext_lazy("Never shown publicly."),
    "updated_at": gettext_lazy(
        "When the action's information was last updated (“Tietoja päivitetty”). Empty "
        "for an added action: the day of its last history row, else the import day. "
        "Changing it changes the date; a change of another column with the same date "
        "here is dated the import day."
    ),
    "published_on": gettext_lazy("The news post's date."),
    # Described for one sheet only ("sheet.column"), where the name means another thing.
    "history.date": gettext_lazy("The day the action was published with this status and phase."),
    "history.status": gettext_lazy("The status's identifier then (lists sheet)."),
    "history.phase": gettext_lazy("The implementation phase's identifier then."),
    "news.title": gettext_lazy(
        "The title, a column per language; required in the plan's primary language."
    ),
    "news.body": gettext_lazy("The text: HTML, a column per language."),
    "author": gettext_lazy("The author's identifier (people sheet)."),
    "action": gettext_lazy("The action's identifier."),
    "state": gettext_lazy("not_started, in_progress, completed or cancelled."),
    "due_at": gettext_lazy("The due date."),
    "completed_at": gettext_lazy(
        "When it was completed (or cancelled); required for a completed task."
    ),
    "comment": gettext_lazy("HTML, a column per language."),
    "level": gettext_lazy("strategic, tactical or operational."),
    "unit": gettext_lazy("E.g. kt CO₂e, a column per language; required in the primary language."),
    "quantity": gettext_lazy("What is measured, a column per language."),
    "time_resolution": gettext_lazy(
        "year, month or day: a value per period, dated on its last day."
    ),
    "desired_direction": gettext_lazy("decrease or increase; empty: from the goals."),
    "minimum_value": gettext_lazy("Values below are refused."),
    "maximum_value": gettext_lazy("Values above are refused."),
    "decimals": gettext_lazy("Decimals shown."),
    "data_source": gettext_lazy("Where the values come from, a column per language."),
    "data_source_url": gettext_lazy("The data source's address."),
    "licence": gettext_lazy("E.g. CC BY 4.0."),
    "actions": gettext_lazy("Linked actions: identifier:effect[:progress], e.g. 126:decreases."),
    "indicator": gettext_lazy("The indicator's identifier."),
    "date": gettext_lazy("The last day of the period, e.g. 2024-12-31."),
    "value": gettext_lazy("A number."),
    "scenario": gettext_lazy("The scenario's identifier; empty for the plan's own goal."),
    "dimension": gettext_lazy("For a breakdown: the dimension's identifier."),
    "category": gettext_lazy("For a breakdown: the dimension category's identifier."),
}


def documentation() -> list[dict]:
    """The sheets and their columns, described: the admin's page and docs/workbook.md."""
    sheets = []
    for name, sheet_columns in SHEETS.items():
        described, seen = [], set()
        for column in sheet_columns:
            key = column.name.rsplit("_", 1)[0] if column.translated else column.name
            if key in seen:
                continue
            seen.add(key)
            described.append(
                {
                    "name": f"{key}_<{'/'.join(language_codes())}>" if column.translated else key,
                    "required": column.required,
                    "description": COLUMN_DESCRIPTIONS.get(
                        f"{name}.{key}", COLUMN_DESCRIPTIONS.get(key, "")
                    ),
                    "public": column.public,
                }
            )
        sheets.append({"name": name, "description": SHEET_DESCRIPTIONS[name], "columns": described})
    return sheets
