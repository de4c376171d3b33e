"""Bounded ranking (issue 22): a search with more matches than are ranked lists them in
the plan's natural order, from an index in that order (``search_entry_natural``), and
counts them by kind from the FTS5 index alone. On SQLite each entry's FTS5 row is now
numbered ``id * 4 + the code of its kind``: the FTS5 table is made again, filled from
the entries, with triggers that number the rows so. Back: 0001's table and triggers."""

from django.db import migrations, models

# Written out, not imported: a migration must keep doing what it did when it was written.
KIND_CODES = {"action": 0, "task": 1, "indicator": 2, "page": 3}
KINDS = 4


def _rowid(row: str) -> str:
    cases = " ".join(f"WHEN '{kind}' THEN {code}" for kind, code in KIND_CODES.items())
    return f"({row}.id * {KINDS} + CASE {row}.kind {cases} ELSE 0 END)"


def _scope(row: str) -> str:
    return f"'p' || {row}.plan_id || {row}.language"


def _statements(rowid) -> list[str]:
    """The FTS5 table filled from the entries, and kept current by triggers, its rows
    numbered by ``rowid`` (of ``new``, ``old`` or ``entry``)."""
    return [
        "DROP TRIGGER IF EXISTS search_entry_fts_update",
        "DROP TRIGGER IF EXISTS search_entry_fts_delete",
        "DROP TRIGGER IF EXISTS search_entry_fts_insert",
        "DROP TABLE IF EXISTS search_fts",
        "CREATE VIRTUAL TABLE search_fts USING fts5(scope, title, body)",
        f"""
        INSERT INTO search_fts (rowid, scope, title, body)
        SELECT {rowid("entry")}, {_scope("entry")}, entry.title_stems, entry.body_stems
        FROM search_searchentry entry
        """,
        f"""
        CREATE TRIGGER search_entry_fts_insert AFTER INSERT ON search_searchentry BEGIN
            INSERT INTO search_fts (rowid, scope, title, body)
            VALUES ({rowid("new")}, {_scope("new")}, new.title_stems, new.body_stems);
        END
        """,
        f"""
        CREATE TRIGGER search_entry_fts_delete AFTER DELETE ON search_searchentry BEGIN
            DELETE FROM search_fts WHERE rowid = {rowid("old")};
        END
        """,
        f"""
        CREATE TRIGGER search_entry_fts_update AFTER UPDATE ON search_searchentry BEGIN
            DELETE FROM search_fts WHERE rowid = {rowid("old")};
            INSERT INTO search_fts (rowid, scope, title, body)
            VALUES ({rowid("new")}, {_scope("new")}, new.title_stems, new.body_stems);
        END
        """,
    ]


def _run(rowid):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in _statements(rowid):
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0003_ranking_index")]

    operations = [
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(
                fields=["plan", "language", "rank_order", "sort_key", "id"],
                name="search_entry_natural",
            ),
        ),
        migrations.RunPython(_run(_rowid), _run(lambda row: f"{row}.id")),
    ]
