""":func:`vahti.core.services.upsert` for many rows of one kind, without a query per row
to validate: an import's people, organisations and categories.

``upsert`` asks the database for the row, then ``full_clean`` asks it about every
foreign key and unique constraint: some ten queries and milliseconds of query building
per row, which for thousands of people was a large part of an import. :class:`Upserts`
reads the rows once; each write is then validated in memory
(:func:`vahti.core.constraints.clean_in_memory`), its uniqueness checked against the rows
read and written so far, and saved. The database's constraints stay the last word.
Added rows are indexed by Wagtail's reference index ("usage" in the admin) together at
the end (:meth:`Upserts.index_added`), as Wagtail would index each on its save.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Hashable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from vahti.core.constraints import clean_in_memory
from vahti.core.inserts import rows_insert
from vahti.core.services import model_values_differ

# A unique constraint the caller checks: its name, and the row's value under it (None
# when the constraint's condition leaves the row out).
Unique = tuple[str, Callable[[models.Model], Hashable | None]]


class Upserts:
    """``existing``: every row a write may meet, each under ``key(row)`` (the lookup a
    write names it by, e.g. its identifier); ``unique``: the model's other unique
    constraints, each with the row's value under it."""

    def __init__(
        self,
        model: type[models.Model],
        existing: Iterable[models.Model],
        key: Callable[[models.Model], Hashable],
        unique: Iterable[Unique] = (),
    ):
        self.model = model
        self.rows = {key(row): row for row in existing}
        constraints = {c.name: c for c in model._meta.constraints}
        self.unique = [(constraints[name], value) for name, value in unique]
        self.taken = [
            {value(row): row for row in self.rows.values() if value(row) is not None}
            for _constraint, value in self.unique
        ]
        self.added: list[models.Model] = []

    def get(self, key: Hashable) -> models.Model | None:
        return self.rows.get(key)

    def upsert(self, key: Hashable, lookup: dict, values: dict) -> tuple[models.Model, bool, bool]:
        """Like ``upsert``: the row under ``key`` given ``values`` (validated and saved),
        or a new one of ``lookup`` and ``values``. Returns (row, created, changed)."""
        stored = self.rows.get(key)
        created = stored is None
        if created:
            instance = self.model(**lookup, **values)
        elif not model_values_differ(stored, values):
            return stored, False, False
        else:
            # A copy: the row read stays as stored should this one be refused.
            instance = copy.copy(stored)
            for name, value in values.items():
                setattr(instance, name, value)
        clean_in_memory(instance)
        self._check_unique(instance)
        if created:
            # Indexed with the others by index_added.
            with disable_reference_index_auto_update():
                instance.save()
            self.added.append(instance)
        else:
            # Only what the workbook sets: what an editor changed meanwhile in the other
            # columns (the rows were read when the sheet began) is kept.
            instance.save(update_fields=list(values))
        self.rows[key] = instance
        for (_constraint, value), taken in zip(self.unique, self.taken, strict=True):
            for held, row in list(taken.items()):
                if row is instance or (stored is not None and row is stored):
                    del taken[held]
            if (found := value(instance)) is not None:
                taken[found] = instance
        return instance, created, True

    def _check_unique(self, instance: models.Model) -> None:
        errors = [
            ValidationError(
                constraint.get_violation_error_message(), code=constraint.violation_error_code
            )
            for (constraint, value), taken in zip(self.unique, self.taken, strict=True)
            if (found := value(instance)) is not None and taken.get(found, instance) is not instance
        ]
        if errors:
            raise ValidationError({NON_FIELD_ERRORS: errors})

    def index_added(self) -> None:
        """Wagtail's reference index of the added rows that are still stored (a row
        undone with its savepoint is not), as ``create_or_update_for_object`` writes it
        for a new object."""
        if not self.added or not ReferenceIndex.is_indexed(self.model):
            return
        stored = set(
            self.model.objects.filter(pk__in=[row.pk for row in self.added]).values_list(
                "pk", flat=True
            )
        )
        references_add([row for row in self.added if row.pk in stored])


def references_add(objs: list[models.Model]) -> None:
    """Wagtail's reference index rows of new objects (all of one model), in one go."""
    if not objs:
        return
    content_type = ContentType.objects.get_for_model(objs[0], for_concrete_model=False)
    base_type = ReferenceIndex._get_base_content_type(objs[0])
    rows = (
        ReferenceIndex(
            content_type=content_type,
            base_content_type=base_type,
            object_id=obj.pk,
            to_content_type_id=to_type,
            to_object_id=to_id,
            model_path=model_path,
            content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for obj in objs
        for to_type, to_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(obj)
        )
    )
    rows_insert(ReferenceIndex, rows, ignore_conflicts=True)
