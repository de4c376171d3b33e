"""SQLite, keeping triggers through table rebuilds.

SQLite cannot alter most columns in place, so Django's migrations rebuild the table
(create a copy, move the rows, drop the old one, rename). Dropping a table drops its
triggers, and renaming fails while another table's trigger names the missing one, so
the same-plan triggers (vahti.core.db) would be lost or block the migration. Here the
triggers that mention the table are set aside before a rebuild and restored after it; a
trigger whose column was removed fails loudly then, as it should.
"""

from __future__ import annotations

import re

from django.db.backends.sqlite3 import base, schema


class DatabaseSchemaEditor(schema.DatabaseSchemaEditor):
    def _remake_table(self, model, create_field=None, delete_field=None, alter_fields=None):
        table = model._meta.db_table
        mention = re.compile(rf'(?<![\w"]){re.escape(table)}(?![\w"])|"{re.escape(table)}"')
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
            triggers = [(name, sql) for name, sql in cursor.fetchall() if mention.search(sql)]
        for name, _sql in triggers:
            self.execute(f'DROP TRIGGER "{name}"')
        super()._remake_table(
            model, create_field=create_field, delete_field=delete_field, alter_fields=alter_fields
        )
        for _name, sql in triggers:
            self.execute(sql)


class DatabaseWrapper(base.DatabaseWrapper):
    SchemaEditorClass = DatabaseSchemaEditor
