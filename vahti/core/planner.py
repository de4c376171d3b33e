"""The database planner's statistics after a bulk write.

PostgreSQL plans a query from what it knows of each table's size. A table filled a moment
ago by a bulk write (a workbook import, a generated plan) has no statistics until
autovacuum analyses it, some minutes later; until then the planner takes it for a table
of one row and may join it in a nested loop over every row. On a plan of 1,500 actions
just imported, an action page took 614 ms instead of 47 ms that way. ``ANALYZE`` after
the write gives the planner the sizes at once. SQLite keeps no such statistics unless
asked and plans the same either way, so nothing is done there.
"""

from __future__ import annotations

from django.db import DEFAULT_DB_ALIAS, connections, transaction


def analyze_after_bulk_write(tables: list[str] | None = None, using: str = DEFAULT_DB_ALIAS):
    """Refresh PostgreSQL's statistics of ``tables`` (all when ``None``) once the current
    transaction commits (at once outside one)."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    statement = "ANALYZE" + (
        " " + ", ".join(connection.ops.quote_name(t) for t in tables) if tables else ""
    )

    def analyze():
        with connections[using].cursor() as cursor:
            cursor.execute(statement)

    transaction.on_commit(analyze, using=using)
