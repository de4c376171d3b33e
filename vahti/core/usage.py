"""What uses a row, asked before it is deleted: a status that actions have, an
organisation that has people or sub-units… The admin refuses such a delete with a message
naming them, instead of failing on the database's protection (or silently cutting the
links of a many-to-many relation)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models, router
from django.db.models.deletion import Collector, ProtectedError, RestrictedError

# How many of the users a message names.
EXAMPLES = 5


@dataclass(frozen=True)
class Usage:
    kind: str  # the users' kind, in the plural: “actions”
    count: int
    examples: list[str]


def usages(obj: models.Model, also: tuple[str, ...] = ()) -> list[Usage]:
    """The rows that keep ``obj`` from being deleted, by kind: those that protect it
    (``on_delete=PROTECT``), those linked to it many-to-many, and the relations named in
    ``also`` (accessor names of reverse relations that would otherwise be deleted with
    it, e.g. a category type's categories)."""
    found: dict[type, list] = {}
    collector = Collector(using=router.db_for_write(type(obj)))
    try:
        collector.collect([obj])
    except ProtectedError as error:
        _add(found, error.protected_objects)
    except RestrictedError as error:
        _add(found, error.restricted_objects)
    for relation in obj._meta.related_objects:
        accessor = relation.get_accessor_name()
        if relation.many_to_many or accessor in also:
            _add(found, getattr(obj, accessor).all())
    return [
        Usage(
            kind=str(model._meta.verbose_name_plural),
            count=len(rows),
            examples=[str(row) for row in rows[:EXAMPLES]],
        )
        for model, rows in found.items()
    ]


def _add(found: dict[type, list], rows) -> None:
    for row in rows:
        bucket = found.setdefault(type(row), [])
        if row not in bucket:  # model instances compare by their primary key
            bucket.append(row)
