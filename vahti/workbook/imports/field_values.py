"""The field_values sheet: each action's values of the plan's own fields, a row per
value (action, field, value, or the texts of a text field in each language).

Each cell is read by its field's kind: a number, a date, yes or no, an option's
identifier, a category of the field's type. The fields the sheet names are the given
ones: an action named in the workbook gets exactly its rows as its values of those,
and keeps its values of the others (so the public download, without the non-public
fields, is an import that leaves them alone). An empty value empties the field."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from vahti.actions.models import ActionField, ActionFieldOption, ActionFieldValue
from vahti.core.i18n import language_codes
from vahti.plans.models import Category
from vahti.workbook.imports.rows import SheetRows
from vahti.workbook.report import RowFailed
from vahti.workbook.sheets import CellError, Column, parse

Kind = ActionField.Kind
# The columns of a value that a kept one carries over.
VALUE_ATTRIBUTES = ("number", "date", "yes_no", "option_id", "category_id")


@dataclass
class Fields:
    """The plan's fields by identifier, their options by (field, identifier), the
    categories by (type, identifier), the sheet's rows by (lower-case) action and the
    fields it names (the given ones)."""

    by_identifier: dict = field(default_factory=dict)
    options: dict = field(default_factory=dict)
    categories: dict = field(default_factory=dict)
    rows: dict = field(default_factory=dict)
    given: set = field(default_factory=set)


def fields_and_rows(rows: SheetRows, existing: dict, in_sheet: set) -> Fields:
    """The plan's fields and the sheet's rows by action; a row naming no action of the
    plan or of the actions sheet, or a field twice for one action, is a problem."""
    found = Fields()
    found.by_identifier = {f.identifier: f for f in ActionField.objects.filter(plan=rows.plan)}
    for option in ActionFieldOption.objects.filter(plan=rows.plan):
        found.options[(option.field_id, option.identifier)] = option
    if any(f.kind == Kind.CATEGORY for f in found.by_identifier.values()):
        for category in Category.objects.filter(plan=rows.plan).select_related("type"):
            found.categories[(category.type_id, category.identifier)] = category
    twice = rows.duplicates(
        "field_values",
        lambda r: (str(r.get("action") or "").strip().lower(), str(r.get("field") or "").strip()),
        column="field",
    )
    by_action: dict[str, list] = defaultdict(list)
    for number, record in rows.rows("field_values"):
        if number in twice:
            continue
        action = str(record.get("action") or "").strip().lower()
        if not action:
            rows.problem("field_values", number, "action", _("Required."))
            continue
        if action not in existing and action not in in_sheet:
            rows.problem(
                "field_values",
                number,
                "action",
                _("Unknown action “%(value)s”: not in the plan nor in the actions sheet.")
                % {"value": record.get("action")},
            )
            continue
        by_action[action].append((number, record))
        found.given.add(str(record.get("field") or "").strip())
    found.rows = by_action
    return found


def value_data(rows: SheetRows, fields: Fields, key: str, action) -> tuple[list[dict], list]:
    """The action's values as the services take them (``action`` None for an added
    one), and the row of each (None for a kept one)."""
    data, numbers = [], []
    for number, record in fields.rows.get(key, []):
        try:
            values = rows.cells("field_values", number, record)
        except RowFailed:
            continue  # noted; check_row stops the action
        found = rows.find("field_values", number, "field", fields.by_identifier, values["field"])
        if found is None:
            continue
        value = _value(rows, fields, number, found, record, values)
        if value is not None:
            data.append(value)
            numbers.append(number)
    if action is not None:
        by_pk = {f.pk: f for f in fields.by_identifier.values()}
        for kept in action.field_values.all():
            of = by_pk.get(kept.field_id)
            if of is not None and of.identifier not in fields.given:
                kept.field = of
                data.append(_kept(kept))
                numbers.append(None)
    return data, numbers


def missing_required(
    rows: SheetRows, fields: Fields, number, key: str, data: list[dict], *, created: bool
) -> None:
    """A required field without a row: a problem of the action's row (an empty row is
    one of its own)."""
    has = {value["field"].identifier for value in data}
    has.update(str(record.get("field") or "").strip() for _n, record in fields.rows.get(key, []))
    for found in fields.by_identifier.values():
        if not found.is_required or found.identifier in has:
            continue
        if created or found.identifier in fields.given:
            rows.problem(
                "actions",
                number,
                None,
                _(
                    "“%(field)s” (%(identifier)s) is required: give its value in the "
                    "field_values sheet."
                )
                % {"field": found.name, "identifier": found.identifier},
            )


def _kept(value: ActionFieldValue) -> dict:
    kept = {"field": value.field}
    for name in VALUE_ATTRIBUTES:
        kept[name] = getattr(value, name)
    for code in language_codes():
        for name in ("text", "rich_text"):
            kept[f"{name}_{code}"] = getattr(value, f"{name}_{code}")
    return kept


def _value(rows, fields: Fields, number, found: ActionField, record: dict, values: dict):
    """The row's value for the services, None when empty (or bad: a problem noted)."""
    if found.kind in ActionField.TEXT_KINDS:
        column = "text" if found.kind == Kind.TEXT else "rich_text"
        texts = {
            f"{column}_{code}": values.get(f"text_{code}") or ""
            for code in language_codes()
            if f"text_{code}" in values
        }
        if any(texts.values()):
            return {"field": found, **texts}
        return _empty(rows, number, found, "text_" + rows.plan.primary_language)
    raw = record.get("value")
    if values.get("value") is None:
        return _empty(rows, number, found, "value")
    try:
        return {"field": found, **_read(fields, found, raw)}
    except CellError as error:
        rows.problem("field_values", number, "value", str(error))
        return None


def _empty(rows, number, found: ActionField, column: str) -> None:
    if found.is_required:
        rows.problem(
            "field_values",
            number,
            column,
            _("Required: “%(field)s” cannot be empty.") % {"field": found.name},
        )
    return None


def _read(fields: Fields, found: ActionField, raw) -> dict:
    """The cell by the field's kind, as the value's column. Raises CellError."""
    if isinstance(raw, str):
        raw = raw.strip()
    if found.kind == Kind.NUMBER:
        return {"number": Decimal(str(parse(Column("value", "float"), raw)))}
    if found.kind == Kind.DATE:
        return {"date": parse(Column("value", "date"), raw)}
    if found.kind == Kind.YES_NO:
        return {"yes_no": parse(Column("value", "bool"), raw)}
    identifier = str(raw)
    if found.kind in ActionField.CHOICE_KINDS:
        option = fields.options.get((found.pk, identifier))
        if option is None:
            choices = [o for (f, o) in fields.options if f == found.pk]
            raise CellError(
                _("“%(value)s” is not an option of “%(field)s”: one of %(choices)s.")
                % {"value": identifier, "field": found.name, "choices": ", ".join(choices)}
            )
        return {"option": option}
    # A category: its identifier, or type/identifier as in the actions sheet.
    type_identifier, _slash, identifier = identifier.rpartition("/")
    category = fields.categories.get((found.category_type_id, identifier))
    if category is None or (type_identifier and category.type.identifier != type_identifier):
        raise CellError(
            _("“%(value)s” is not a category of the type “%(type)s” that “%(field)s” takes.")
            % {"value": raw, "type": found.category_type.identifier, "field": found.name}
        )
    return {"category": category}
