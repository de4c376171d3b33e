"""The categories and organisations sheets: trees, written parents before children
whatever the rows' order; parents that form a loop are a problem of each of their rows."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from vahti.core.upserts import Upserts
from vahti.orgs.models import Organization
from vahti.plans.models import Category, CategoryType
from vahti.workbook.imports.rows import SheetRows
from vahti.workbook.report import RowFailed


def import_tree(rows: SheetRows, sheet: str, model) -> None:
    """Categories (``model`` Category) or organisations: parents before children,
    whatever the rows' order."""
    if sheet not in rows.sheets:
        return
    is_category = model is Category
    key = _category_key if is_category else _organisation_key
    bad = rows.duplicates(sheet, key)
    given = [(n, r) for n, r in rows.sheets[sheet].rows if n not in bad]
    types = {t.identifier: t for t in CategoryType.objects.filter(plan=rows.plan)}
    rows.sheets[sheet].rows = _parents_first(rows, sheet, given, key, is_category)
    stored = _stored(rows.plan, is_category)

    def one(number, record):
        values = rows.cells(sheet, number, record)
        if is_category:
            row_key, parent_key, lookup, data = _category(rows, number, values, types)
        else:
            row_key, parent_key, lookup, data = _organisation(rows, values)
        if "order" in values:
            data["order"] = values["order"] or 0
        if "color" in values:
            data["color"] = values["color"] or ""
        if "parent" in values:
            data["parent"] = _parent(rows, sheet, number, values, stored, parent_key)
        rows.check_row()
        try:
            _instance, created, changed = stored.upsert(row_key, lookup, data)
        except ValidationError as error:
            rows.validation_problems(sheet, number, error, {"abbreviation": "abbreviation_fi"})
            raise RowFailed from None
        rows.report.count(sheet, created=created, changed=changed)

    rows.each_row(sheet, one)
    stored.index_added()


def _category_key(record: dict) -> tuple[str, str]:
    return (str(record.get("type") or ""), str(record.get("identifier") or ""))


def _organisation_key(record: dict) -> str:
    return str(record.get("identifier") or "")


def _parents_first(rows: SheetRows, sheet: str, given: list, key, is_category: bool) -> list:
    """The rows with each parent the sheet holds before its children."""
    keys = {key(r) for _n, r in given}
    pending = list(given)
    done_keys: set = set()
    ordered = []
    while pending:
        waiting = []
        for number, record in pending:
            parent = str(record.get("parent") or "").strip()
            parent_key = (key(record)[0], parent) if is_category else parent
            if parent and parent_key in keys and parent_key not in done_keys:
                waiting.append((number, record))
            else:
                ordered.append((number, record))
                done_keys.add(key(record))
        if len(waiting) == len(pending):  # a loop
            for number, _record in waiting:
                rows.problem(sheet, number, "parent", _("The parents form a loop."))
            break
        pending = waiting
    return ordered


def _stored(plan, is_category: bool) -> Upserts:
    if is_category:
        return Upserts(
            Category,
            Category.objects.filter(plan=plan).select_related("plan", "type", "parent"),
            key=lambda category: (category.type_id, category.identifier),
        )
    return Upserts(
        Organization,
        Organization.objects.filter(plan=plan).select_related("parent"),
        key=lambda organisation: organisation.identifier,
    )


def _category(rows: SheetRows, number: int, values: dict, types: dict):
    """The category row's key, its parent's key, its lookup and its data so far."""
    category_type = types.get(values["type"])
    if category_type is None:
        rows.problem(
            "categories",
            number,
            "type",
            _("Unknown category type “%(value)s”; add it to the lists sheet (kind category_type).")
            % {"value": values["type"]},
        )
        raise RowFailed
    lookup = {"type": category_type, "identifier": values["identifier"]}
    data = {"plan": rows.plan, **rows.texts(values, "name", "lead")}
    row_key = (category_type.pk, values["identifier"])
    return row_key, (category_type.pk, values.get("parent")), lookup, data


def _organisation(rows: SheetRows, values: dict):
    """The organisation row's key, its parent's key, its lookup and its data so far."""
    lookup = {"plan": rows.plan, "identifier": values["identifier"]}
    data = rows.texts(values, "name", "abbreviation")
    return values["identifier"], values.get("parent"), lookup, data


def _parent(rows: SheetRows, sheet: str, number: int, values: dict, stored, parent_key):
    if not values["parent"]:
        return None
    parent = stored.get(parent_key)
    if parent is None:
        rows.problem(
            sheet,
            number,
            "parent",
            _("Unknown parent “%(value)s”.") % {"value": values["parent"]},
        )
        raise RowFailed
    return parent
