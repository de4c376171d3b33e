"""The fields and field_options sheets: the plan's own action fields, a row per field,
and the options of its choice fields, a row per option. A row whose identifier exists
changes that field (or option); fields and options the sheets leave out are kept."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from vahti.actions.models import ActionField, ActionFieldOption, ActionFieldValue
from vahti.core.services import upsert
from vahti.plans.models import CategoryType
from vahti.workbook.imports.rows import SheetRows
from vahti.workbook.report import RowFailed

# The model's fields named differently in the sheet.
FIELD_COLUMNS = {"is_public": "public", "is_required": "required"}


def import_fields(rows: SheetRows) -> None:
    rows.duplicates("fields", lambda r: str(r.get("identifier") or "").strip())
    types = {t.identifier: t for t in CategoryType.objects.filter(plan=rows.plan)}

    def one(number, record):
        values = rows.cells("fields", number, record)
        data = {**rows.texts(values, "name", "help_text", "unit"), "kind": values["kind"]}
        if "category_type" in values:
            data["category_type"] = rows.find(
                "fields", number, "category_type", types, values["category_type"]
            )
        if "order" in values:
            data["order"] = values["order"] or 0
        if "public" in values:  # public unless said otherwise
            data["is_public"] = values["public"] is not False
        if "required" in values:
            data["is_required"] = bool(values["required"])
        rows.check_row()
        lookup = {"plan": rows.plan, "identifier": values["identifier"]}
        current = ActionField.objects.filter(**lookup).first()
        changes_kind = current is not None and current.kind != data["kind"]
        if changes_kind and ActionFieldValue.objects.filter(field=current).exists():
            rows.problem(
                "fields",
                number,
                "kind",
                _("The field has values: its kind cannot change from “%(kind)s”.")
                % {"kind": current.kind},
            )
            raise RowFailed
        new_type = data.get("category_type", current.category_type if current else None)
        changes_type = (
            current is not None
            and not changes_kind
            and (current.category_type_id != (new_type.pk if new_type else None))
        )
        if changes_type and ActionFieldValue.objects.filter(field=current).exists():
            # The values' categories are of the old type: they would no longer be valid.
            rows.problem(
                "fields",
                number,
                "category_type",
                _("The field has values: its category type cannot change from “%(type)s”.")
                % {"type": current.category_type.identifier},
            )
            raise RowFailed
        _upsert(rows, "fields", number, ActionField, lookup, data, FIELD_COLUMNS)

    rows.each_row("fields", one)


def import_options(rows: SheetRows) -> None:
    rows.duplicates(
        "field_options",
        lambda r: (str(r.get("field") or "").strip(), str(r.get("identifier") or "").strip()),
    )
    fields = {f.identifier: f for f in ActionField.objects.filter(plan=rows.plan)}

    def one(number, record):
        values = rows.cells("field_options", number, record)
        field = rows.find("field_options", number, "field", fields, values["field"])
        if field is not None and not field.has_options:
            rows.problem(
                "field_options",
                number,
                "field",
                _("“%(field)s” is not a choice field: it has no options.")
                % {"field": field.identifier},
            )
        rows.check_row()
        data = rows.texts(values, "name")
        if "order" in values:
            data["order"] = values["order"] or 0
        lookup = {"field": field, "identifier": values["identifier"]}
        _upsert(rows, "field_options", number, ActionFieldOption, lookup, data, {})

    rows.each_row("field_options", one)


def _upsert(rows, sheet, number, model, lookup, data, columns) -> None:
    existed = model.objects.filter(**lookup).exists()
    try:
        _instance, changed = upsert(model, lookup, data)
    except ValidationError as error:
        rows.validation_problems(sheet, number, error, columns)
        raise RowFailed from None
    rows.report.count(sheet, created=not existed, changed=changed)
