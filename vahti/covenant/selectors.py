"""The plan's actions as rows of the Covenant of Mayors' mitigation-actions table, with
what each row lacks. A fixed number of queries, however many actions the plan has."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from vahti.actions.models import Action, ActionFieldValue, ResponsibleParty
from vahti.covenant import categories, units
from vahti.covenant.models import (
    ESTIMATES,
    LIST_COLUMNS,
    NUMBER_COLUMNS,
    CovenantMapping,
    CovenantValue,
)
from vahti.plans.models import Category

NO_SOURCE = _("No source is chosen for this column.")
NO_VALUE = _("The action has no value.")
NOT_MAPPED = _("“%(value)s” is not mapped to a Covenant value.")
CONTINUOUS = _("The action is continuous: the template asks for an end.")
AREA_OF_ANOTHER_SECTOR = _("“%(area)s” is not an area of intervention of the sector “%(sector)s”.")


@dataclass
class CovenantRow:
    action: Action
    values: dict = field(default_factory=dict)
    # (column, problem) for each required column left empty; a problem is a message or
    # (message, params), made text in the reader's language by problem_text().
    missing: list = field(default_factory=list)

    @property
    def is_complete(self) -> bool:
        return not self.missing


def problem_text(problem) -> str:
    message, params = problem if isinstance(problem, tuple) else (problem, None)
    if params is None:
        return str(message)
    return str(message) % {name: str(value) for name, value in params.items()}


def mapping_of(plan) -> CovenantMapping:
    """The plan's mapping, unsaved and empty if it has none yet."""
    mapping = CovenantMapping.objects.filter(plan=plan).first()
    return mapping or CovenantMapping(plan=plan)


def covenant_actions(plan, mapping: CovenantMapping):
    """The plan's public actions in their natural order, with what the export reads."""
    field_ids = [
        getattr(mapping, f"{column}_field_id")
        for column in (*LIST_COLUMNS, *NUMBER_COLUMNS)
        if getattr(mapping, f"{column}_field_id")
    ]
    return (
        Action.objects.for_plan(plan)
        .public()
        .in_natural_order()
        .prefetch_related(
            Prefetch(
                "field_values",
                queryset=ActionFieldValue.objects.filter(field_id__in=field_ids).select_related(
                    "field", "option", "category"
                ),
            ),
            Prefetch("categories", queryset=Category.objects.order_by("order", "pk")),
            Prefetch(
                "responsible_parties",
                queryset=ResponsibleParty.objects.filter(
                    role=ResponsibleParty.Role.PRIMARY
                ).select_related("organization"),
            ),
        )
        .select_related("status")
    )


def value_codes(mapping: CovenantMapping) -> dict[tuple[str, str, int], str]:
    """The mapping's value maps: (column, "option"/"category"/"status", id) → code."""
    codes = {}
    if not mapping.pk:
        return codes
    for value in CovenantValue.objects.filter(mapping=mapping):
        if value.option_id:
            key = (value.column, "option", value.option_id)
        elif value.category_id:
            key = (value.column, "category", value.category_id)
        else:
            key = (value.column, "status", value.status_id)
        codes[key] = value.code
    return codes


class _Codes:
    """The mapping's value maps and the plan's category tree, read once."""

    def __init__(self, mapping: CovenantMapping, plan):
        self.codes = value_codes(mapping)
        self.parents = dict(Category.objects.filter(plan=plan).values_list("pk", "parent_id"))

    def of_category(self, column: str, category_id: int) -> str | None:
        """A category's code, or its nearest mapped ancestor's."""
        seen = set()
        while category_id and category_id not in seen:
            code = self.codes.get((column, "category", category_id))
            if code:
                return code
            seen.add(category_id)
            category_id = self.parents.get(category_id)
        return None


def covenant_rows(plan, mapping: CovenantMapping | None = None) -> list[CovenantRow]:
    mapping = mapping or mapping_of(plan)
    codes = _Codes(mapping, plan)
    return [_row(action, mapping, codes) for action in covenant_actions(plan, mapping)]


def _row(action, mapping, codes) -> CovenantRow:
    row = CovenantRow(action=action)
    values = {value.field_id: value for value in action.field_values.all()}
    row.values["title"] = str(action.name)
    for column in LIST_COLUMNS:
        code, problem = _list_code(column, action, mapping, codes, values)
        row.values[column] = categories.LABELS[column].get(code) if code else None
        row.values[f"{column}_code"] = code
        if problem:
            row.missing.append((column, problem))
    _check_area_in_sector(row)
    _action_columns(row, action, codes)
    for column, quantity in NUMBER_COLUMNS.items():
        row.values[column] = _number(column, quantity, action, mapping, values)
    return row


def _list_code(column, action, mapping, codes, values):
    kind, source = mapping.source(column)
    if kind is None:
        return None, NO_SOURCE
    if kind == "fixed":
        return source, None
    if kind == "type":
        chosen = [c for c in action.categories.all() if c.type_id == source.pk]
        return _first_mapped(column, chosen, codes)
    value = values.get(source.pk)
    if value is None or (value.option_id is None and value.category_id is None):
        return None, NO_VALUE
    if value.option_id:
        code = codes.codes.get((column, "option", value.option_id))
        return (code, None) if code else (None, (NOT_MAPPED, {"value": value.option}))
    return _first_mapped(column, [value.category], codes)


def _first_mapped(column, chosen, codes):
    if not chosen:
        return None, NO_VALUE
    for category in chosen:
        code = codes.of_category(column, category.pk)
        if code:
            return code, None
    return None, (NOT_MAPPED, {"value": chosen[0]})


def _check_area_in_sector(row):
    area, sector = row.values.get("area_code"), row.values.get("sector_code")
    if area and sector and categories.sector_of_area(area) != sector:
        params = {"area": row.values["area"], "sector": row.values["sector"]}
        row.missing.append(("area", (AREA_OF_ANOTHER_SECTOR, params)))


def _action_columns(row, action, codes):
    primary = next(iter(action.responsible_parties.all()), None)
    row.values["responsible"] = str(primary.organization.name) if primary else None
    if primary is None:
        row.missing.append(("responsible", NO_VALUE))
    row.values["start"] = action.start_date
    if action.start_date is None:
        row.missing.append(("start", NO_VALUE))
    row.values["end"] = action.end_date
    if action.end_date is None:
        row.missing.append(("end", CONTINUOUS if action.schedule_continuous else NO_VALUE))
    code = codes.codes.get(("status", "status", action.status_id)) if action.status_id else None
    row.values["status"] = categories.LABELS["status"][code] if code else None
    if action.status_id is None:
        row.missing.append(("status", NO_VALUE))
    elif code is None:
        row.missing.append(("status", (NOT_MAPPED, {"value": action.status})))


def _number(column, quantity, action, mapping, values) -> Decimal | None:
    field = mapping.number_field(column)
    if field is None:
        estimate = ESTIMATES.get(column)
        return getattr(action, estimate) if estimate else None
    value = values.get(field.pk)
    factor = units.unit_factor(field.unit, quantity)
    if value is None or value.number is None or factor is None:
        return None
    return (value.number * factor).quantize(Decimal("0.01"))
