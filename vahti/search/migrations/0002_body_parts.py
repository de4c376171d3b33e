from django.db import migrations, models

# SQLite: Django would add the column by copying the table, which drops the triggers that
# keep the FTS5 table current (0001); ALTER TABLE ... ADD COLUMN keeps them.
SQLITE_ADD = (
    "ALTER TABLE search_searchentry ADD COLUMN body_parts text NOT NULL DEFAULT '[]' "
    'CHECK (JSON_VALID("body_parts") OR "body_parts" IS NULL)'
)
SQLITE_REMOVE = "ALTER TABLE search_searchentry DROP COLUMN body_parts"


def _field():
    field = models.JSONField(blank=True, default=list)
    field.set_attributes_from_name("body_parts")
    return field


def add(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_ADD)
    else:
        schema_editor.add_field(apps.get_model("search", "SearchEntry"), _field())


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_REMOVE)
    else:
        schema_editor.remove_field(apps.get_model("search", "SearchEntry"), _field())


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(add, remove)],
            state_operations=[
                migrations.AddField(
                    model_name="searchentry",
                    name="body_parts",
                    field=models.JSONField(blank=True, default=list),
                )
            ],
        )
    ]
