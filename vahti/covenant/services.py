"""Saving a plan's Covenant of Mayors mapping: its sources and its value maps, checked
and written in one transaction."""

from __future__ import annotations

from django.db import transaction
from wagtail.log_actions import log

from vahti.covenant.models import CovenantMapping, CovenantValue
from vahti.covenant.selectors import value_codes

# How a value map row names what it maps: (column, kind, id) with kind one of these.
VALUE_KINDS = ("option", "category", "status")


@transaction.atomic
def covenant_mapping_save(plan, *, sources: dict, values: dict, user=None) -> CovenantMapping:
    """``sources``: model field name → value (``sector_field``, ``area_fixed``,
    ``costs_field``…). ``values``: (column, kind, id) → Covenant code, or "" to unmap;
    the columns named there have their maps replaced by these. Raises ValidationError
    (naming the field) when a source is of another plan or of the wrong kind. A change
    is logged on the plan (its history names who changed the mapping, and what)."""
    mapping = CovenantMapping.objects.select_for_update().filter(plan=plan).first()
    mapping = mapping or CovenantMapping(plan=plan)
    changed = {
        name: str(value or "")
        for name, value in sources.items()
        if mapping.pk is None or getattr(mapping, name) != value
    }
    for name, value in sources.items():
        setattr(mapping, name, value)
    mapping.full_clean()
    if changed or mapping.pk is None:  # saving the same again changes nothing
        mapping.save()
    columns = {column for column, _kind, _pk in values}
    before = {key: code for key, code in value_codes(mapping).items() if key[0] in columns}
    after = {key: code for key, code in values.items() if code}
    if before != after:
        _values_replace(mapping, plan, columns, after)
    if changed or before != after:
        data = {"sources": changed, "values": {c: _count(after, c) for c in sorted(columns)}}
        log(plan, "vahti.plan.covenant", user=user, data=data)
    return mapping


def _count(values, column) -> int:
    return sum(1 for key in values if key[0] == column)


def _values_replace(mapping, plan, columns, values):
    CovenantValue.objects.filter(mapping=mapping, column__in=columns).delete()
    rows = []
    for (column, kind, pk), code in values.items():
        row = CovenantValue(mapping=mapping, plan=plan, column=column, code=code)
        setattr(row, f"{kind}_id", pk)
        row.full_clean(exclude=["plan", "mapping"])
        rows.append(row)
    CovenantValue.objects.bulk_create(rows)
