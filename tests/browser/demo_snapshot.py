"""The demo plans loaded once per test process, then put back for each browser test.

Loading them (both plans through Wagtail's publishing, with revisions, history and the
search index) takes seconds on every test that shows them; putting the same rows back
takes a fraction of one. A browser test runs on a transactional database, emptied after
it (pytest-django's ``live_server``): the first test that needs the demo loads it and
keeps a copy of every table's rows; later tests delete what the emptying left (content
types and permissions made again) and insert the copy, in an order where every row's
references come first (the database's same-plan triggers check them at once), then set
the sequences past the ids put back. Nothing but the database changes in a load: the
uploaded images stay in the process's media folder."""

from __future__ import annotations

import datetime

from django.apps import apps
from django.core.cache import cache
from django.core.management.color import no_style
from django.db import connection, transaction

# The demo's day, so that lateness and "updated N days ago" read the same in every test.
DEMO_DAY = datetime.date(2026, 11, 28)

_copy: list[tuple[str, list[str], list[tuple]]] | None = None


def _models_in_order() -> list:
    """Every model with a table of its own, each after the models its rows refer to."""
    ordered, seen = [], set()

    def visit(model):
        model = model._meta.concrete_model
        if model in seen or model._meta.proxy:
            return
        seen.add(model)
        for field in model._meta.local_concrete_fields:
            if field.is_relation and field.related_model not in (None, model):
                visit(field.related_model)
        ordered.append(model)

    for model in apps.get_models(include_auto_created=True):
        visit(model)
    existing = set(connection.introspection.table_names(include_views=False))
    # SQLite's full-text index tables (Wagtail's ``…_fts``) are kept by triggers.
    return [
        model
        for model in ordered
        if model._meta.db_table in existing and not model._meta.db_table.endswith("_fts")
    ]


def _columns(model) -> list[str]:
    return [field.column for field in model._meta.local_concrete_fields]


def _take_copy() -> list[tuple[str, list[str], list[tuple]]]:
    copy = []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in _models_in_order():
            columns = _columns(model)
            cursor.execute(
                f"SELECT {', '.join(map(quote, columns))} FROM {quote(model._meta.db_table)}"  # noqa: S608
                f" ORDER BY {quote(model._meta.pk.column)}"
            )
            copy.append((model._meta.db_table, columns, cursor.fetchall()))
    return copy


def _put_back(copy) -> None:
    quote = connection.ops.quote_name
    models = _models_in_order()
    with transaction.atomic(), connection.cursor() as cursor:
        for model in reversed(models):
            cursor.execute(f"DELETE FROM {quote(model._meta.db_table)}")  # noqa: S608
        for table, columns, rows in copy:
            if rows:
                marks = ", ".join(["%s"] * len(columns))
                try:
                    cursor.executemany(
                        f"INSERT INTO {quote(table)} ({', '.join(map(quote, columns))}) "  # noqa: S608
                        f"VALUES ({marks})",
                        rows,
                    )
                except Exception as error:
                    raise RuntimeError(f"{table}: {error}") from error
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    cache.clear()


def load_demo_fast() -> None:
    """The demo plans in the (empty) test database: loaded the first time, put back from
    the copy afterwards."""
    global _copy  # one copy per test process
    if _copy is None:
        from vahti.demo.loader import load_demo

        load_demo(today=DEMO_DAY)
        _copy = _take_copy()
    else:
        _put_back(_copy)
