"""A demo plan's Covenant of Mayors mapping, kept in its ``covenant.json``: each column's
source (``category_type:<identifier>``, ``field:<identifier>`` or ``fixed:<code>``), the
Covenant values of its categories (a child category without its own takes its parent's)
and of its statuses. Saved through the service the admin screen uses; loading it again
changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from vahti.actions.models import ActionField
from vahti.covenant.services import covenant_mapping_save
from vahti.plans.models import ActionStatus, Category, CategoryType


def load_covenant(plan, path: Path) -> None:
    if not path.exists():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    sources = {}
    for column, source in data.get("sources", {}).items():
        kind, _sep, value = source.partition(":")
        if kind == "category_type":
            sources[f"{column}_category_type"] = CategoryType.objects.get(
                plan=plan, identifier=value
            )
        elif kind == "field":
            sources[f"{column}_field"] = ActionField.objects.get(plan=plan, identifier=value)
        else:
            sources[f"{column}_fixed"] = value
    values = {}
    categories = {c.identifier: c.pk for c in Category.objects.filter(plan=plan)}
    for identifier, codes in data.get("categories", {}).items():
        for column, code in codes.items():
            values[(column, "category", categories[identifier])] = code
    statuses = dict(ActionStatus.objects.filter(plan=plan).values_list("identifier", "pk"))
    for identifier, code in data.get("statuses", {}).items():
        values[("status", "status", statuses[identifier])] = code
    covenant_mapping_save(plan, sources=sources, values=values)
