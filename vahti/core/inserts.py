"""Inserting many rows whose ids nobody reads back: one statement, many parameter sets.

``bulk_create`` compiles every row into one long ``INSERT … VALUES (…), (…)`` and on
SQLite splits it into batches of a few dozen rows (its limit of parameters): for the
tens of thousands of search entries, log entries and links of a large import, building
those statements costs more than the database's work. :func:`rows_insert` prepares each
value the way ``bulk_create`` does (``pre_save`` and ``get_db_prep_save``, so dates, JSON
and defaults are stored alike) and hands one short statement with every row's values to
the driver's ``executemany``. No signals are sent and no ids are set on the objects, as
with ``bulk_create`` on a database that cannot return them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from django.db import connections, models, router, transaction
from django.db.models.constants import OnConflict

BATCH = 2000


def _batches(objs: Iterable, size: int) -> Iterator[list]:
    iterator = iter(objs)
    while batch := list(islice(iterator, size)):
        yield batch


def rows_insert(
    model: type[models.Model], objs: Iterable[models.Model], *, ignore_conflicts: bool = False
) -> int:
    """Insert ``objs`` (unsaved instances of ``model``, with no primary key given);
    with ``ignore_conflicts`` a row that breaks a unique constraint is skipped, as
    ``bulk_create(ignore_conflicts=True)`` does. Returns how many rows were offered."""
    connection = connections[router.db_for_write(model)]
    fields = [f for f in model._meta.concrete_fields if not f.primary_key and not f.generated]
    rows = ([f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields] for obj in objs)
    return values_insert(model, [f.name for f in fields], rows, ignore_conflicts=ignore_conflicts)


def values_insert(
    model: type[models.Model], names: list[str], rows: Iterable[Sequence], *,
    ignore_conflicts: bool = False,
) -> int:  # fmt: skip
    """Insert ``rows``, each the values of the fields ``names`` as the database takes
    them (prepared already: for rows built from plain values, tens of thousands of model
    instances and their fields' preparation cost more than the database's work). A
    field not named is stored as NULL. Otherwise as :func:`rows_insert`."""
    opts = model._meta
    connection = connections[router.db_for_write(model)]
    fields = [opts.get_field(name) for name in names]
    ops = connection.ops
    on_conflict = OnConflict.IGNORE if ignore_conflicts else None
    columns = ", ".join(ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    suffix = ops.on_conflict_suffix_sql(fields, on_conflict, None, None) if on_conflict else ""
    sql = (
        f"{ops.insert_statement(on_conflict=on_conflict)} {ops.quote_name(opts.db_table)} "
        f"({columns}) VALUES ({placeholders}) {suffix}"
    ).strip()
    count = 0
    # In a transaction, as bulk_create is: outside one, SQLite would commit every row.
    with transaction.atomic(using=connection.alias, savepoint=False), connection.cursor() as cursor:
        for batch in _batches(rows, BATCH):
            cursor.executemany(sql, batch)
            count += len(batch)
    return count
