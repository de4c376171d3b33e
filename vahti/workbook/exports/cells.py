"""How the export writes a cell: a text per language, a list joined by commas, a
category as ``type/identifier``, a moment as the plan's local day, trees parents first."""

from __future__ import annotations

from vahti.core.i18n import language_codes
from vahti.plans.models import Category, Plan


def texts(obj, name: str) -> list:
    return [getattr(obj, f"{name}_{code}") or None for code in language_codes()]


def translated(obj, *names) -> dict:
    """The columns of the translated fields ``names``: ``name_<code>`` per language."""
    found = {}
    for name in names:
        for code, value in zip(language_codes(), texts(obj, name), strict=True):
            found[f"{name}_{code}"] = value
    return found


def join(items) -> str | None:
    text = ", ".join(items)
    return text or None


def tree_order(items: list) -> list:
    """Parents before their children, siblings in their order."""
    children: dict = {}
    for item in items:
        children.setdefault(item.parent_id, []).append(item)
    known = {item.pk for item in items}
    ordered = []

    def walk(parent_id):
        for item in children.get(parent_id, []):
            ordered.append(item)
            walk(item.pk)

    walk(None)
    for parent_id in children:  # parents outside the list (should not happen)
        if parent_id is not None and parent_id not in known:
            walk(parent_id)
    return ordered


def category_key(category: Category) -> str:
    return f"{category.type.identifier}/{category.identifier}"


def local_day(moment, plan: Plan):
    """The plan's local day of a moment: what the import reads back as that day."""
    return moment.astimezone(plan.tzinfo).date() if moment else None
