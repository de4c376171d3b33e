"""The plan workbook: one sheet per kind of thing, the columns of each, and how a
cell's text is read. The export writes exactly these columns and the import reads them,
so an exported workbook is a valid import (:mod:`vahti.workbook.documentation` describes
them for people, in docs/workbook.md and on the admin's import page).

Identifiers name everything: a row with the identifier of an existing thing changes it,
others are added. Lists in a cell are separated by commas; a category is named
``type/identifier``. Dates are written 2025-12-31 (or as a spreadsheet date).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

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
FIELD_KINDS = (
    "text",
    "rich_text",
    "number",
    "date",
    "yes_no",
    "choice",
    "ordered_choice",
    "category",
)
TASK_STATES = ("not_started", "in_progress", "completed", "cancelled")
# An action's translated texts, in the actions sheet's order.
ACTION_TEXTS = (
    "name",
    "lead",
    "description",
    "official_name",
    "official_description",
    "official_description_source",
)

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
    # The plan's own action fields and the options of its choice fields; each action's
    # values are in the field_values sheet, a row per value.
    "fields": [
        Column("identifier", required=True),
        Column("kind", "choice", True, FIELD_KINDS),
        *translated("name", required=True),
        *translated("help_text"),
        *translated("unit"),
        Column("category_type"),
        Column("order", "int"),
        Column("public", "bool"),
        Column("required", "bool"),
    ],
    "field_options": [
        Column("field", required=True),
        Column("identifier", required=True),
        *translated("name", required=True),
        Column("order", "int"),
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
        Column("emission_reduction_estimate", "float"),
        Column("energy_savings_estimate", "float"),
        Column("renewable_production_estimate", "float"),
        Column("estimate_year", "int"),
        *translated("estimate_method"),
        Column("visibility", "choice", choices=("public", "internal"), public=False),
        Column("internal_notes", public=False),
        Column("updated_at", "date"),
    ],
    "field_values": [
        Column("action", required=True),
        Column("field", required=True),
        Column("value"),
        *translated("text", kind="html"),
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
        Column("emission_goal", "bool"),
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
PUBLIC_SHEETS = (
    "fields",
    "field_options",
    "actions",
    "field_values",
    "tasks",
    "indicators",
    "goals",
    "values",
)
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
        return _choice(column, value)
    if kind == "list":
        return [item.strip() for item in str(value).split(",") if item.strip()]
    if kind == "date":
        return _date(value)
    if kind == "bool":
        return _bool(value)
    if kind in ("int", "float"):
        return _number(kind, value)
    raise AssertionError(kind)


def _choice(column: Column, value) -> str:
    text = str(value).strip()
    if text not in column.choices:
        raise CellError(
            _("“%(value)s” is not one of: %(choices)s.")
            % {"value": text, "choices": ", ".join(column.choices)}
        )
    return text


def _date(value) -> datetime.date:
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


def _bool(value) -> bool:
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(_("“%(value)s” is not yes or no.") % {"value": value})


def _number(kind: str, value) -> int | float:
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
            raise CellError(_("“%(value)s” is not a whole number of 0 or more.") % {"value": value})
        return int(number)
    return number
