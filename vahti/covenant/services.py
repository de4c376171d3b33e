"""Saving a plan's Covenant of Mayors mapping: its sources and its value maps, checked
and written in one transaction."""

from __future__ import annotations

from django.db import transaction

from vahti.covenant.models import CovenantMapping, CovenantValue
from vahti.covenant.selectors import value_codes

# How a value map row names what it maps: (column, kind, id) with kind one of these.
VALUE_KINDS = ("option", "category", "status")


@transaction.atomic
def covenant_mapping_save(plan, *, sources: dict, values: dict) -> CovenantMapping:
    """``sources``: model field name → value (``sector_field``, ``area_fixed``,
    ``costs_field``…). ``values``: (column, kind, id) → Covenant code, or "" to unmap;
    the columns named there have their maps replaced by these. Raises ValidationError
    (naming the field) when a source is of another plan or of the wrong kind."""
    mapping = CovenantMapping.objects.select_for_update().filter(plan=plan).first()
    mapping = mapping or CovenantMapping(plan=plan)
    changed = mapping.pk is None
    for name, value in sources.items():
        changed = changed or getattr(mapping, name) != value
        setattr(mapping, name, value)
    mapping.full_clean()
    if changed:  # saving the same again changes nothing, not even its time
        mapping.save()
    columns = {column for column, _kind, _pk in values}
    before = {key: code for key, code in value_codes(mapping).items() if key[0] in columns}
    if before == {key: code for key, code in values.items() if code}:
        return mapping
    CovenantValue.objects.filter(mapping=mapping, column__in=columns).delete()
    rows = []
    for (column, kind, pk), code in values.items():
        if not code:
            continue
        row = CovenantValue(mapping=mapping, plan=plan, column=column, code=code)
        setattr(row, f"{kind}_id", pk)
        row.full_clean(exclude=["plan", "mapping"])
        rows.append(row)
    CovenantValue.objects.bulk_create(rows)
    return mapping
