"""Write helpers shared by the domain services."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import models, transaction
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task


def model_values_differ(instance: models.Model, values: dict) -> bool:
    return any(getattr(instance, name) != value for name, value in values.items())


def upsert(model: type[models.Model], lookup: dict, values: dict) -> tuple[models.Model, bool]:
    """Find the row matching ``lookup`` and give it ``values``, validated; create it if
    missing. Writes nothing when the row already has those values, so running an import
    or the demo loader twice changes nothing. Returns (instance, changed)."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model(**lookup, **values)
    elif not model_values_differ(instance, values):
        return instance, False
    else:
        for name, value in values.items():
            setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    return instance, True


def prefixed_errors(prefix: str, error: ValidationError) -> ValidationError:
    """Name a child row in its errors: ``tasks[2].completed_at: …``."""
    if hasattr(error, "error_dict"):
        return ValidationError(
            {f"{prefix}.{field}": messages for field, messages in error.error_dict.items()}
        )
    return ValidationError({prefix: error.messages})


@contextmanager
def reference_index_updated_once(instance: models.Model) -> Iterator[None]:
    """Wagtail re-indexes an object's references (its "usage" in the admin) on every save
    of it and of each child row: saving and publishing an action with twenty tasks would
    index it some fifty times. Inside this block nothing is indexed; at its end the object
    is indexed once, the way Wagtail itself would (as a task)."""
    with disable_reference_index_auto_update():
        yield
    if instance.pk is not None:
        update_reference_index_task.enqueue(
            instance._meta.app_label, instance._meta.model_name, str(instance.pk)
        )


@contextmanager
def row_write_lock(model: type[models.Model], pk) -> Iterator[None]:
    """One writer of a row at a time: a transaction that holds the row until it ends, so
    that a save checks "am I based on what is stored?" and stores its own as one step.
    Whoever waited then reads what the other stored. On PostgreSQL the row is locked
    FOR NO KEY UPDATE: writers of the row wait, rows that point at it do not (a plain
    FOR UPDATE also blocks every insert referring to the row, and two saves holding rows
    the other's inserts refer to deadlock). SQLite's write transactions begin with the
    database's write lock already (vahti.env.SQLITE_OPTIONS)."""
    with transaction.atomic():
        rows = model._base_manager.select_for_update(no_key=True).filter(pk=pk)
        list(rows.values_list("pk"))
        yield
