"""Both databases index the terms Python computes (vahti.search.analysis): PostgreSQL's
trigger now reads the term columns with the ``simple`` configuration instead of stemming
the texts itself, and each entry records what analysed its Finnish words. 0005 fills the
columns of the entries there are."""

from django.db import migrations, models

# SQLite: Django would add the column by copying the table, which drops the triggers that
# keep the FTS5 table current (0001); ALTER TABLE ... ADD COLUMN keeps them.
SQLITE_ADD = (
    "ALTER TABLE search_searchentry ADD COLUMN finnish_analyser varchar(10) NOT NULL DEFAULT ''"
)
SQLITE_REMOVE = "ALTER TABLE search_searchentry DROP COLUMN finnish_analyser"

POSTGRESQL_TERMS = """
    CREATE OR REPLACE FUNCTION search_entry_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.vector :=
            setweight(to_tsvector('simple', NEW.title_stems), 'A')
            || setweight(to_tsvector('simple', NEW.body_stems), 'B');
        RETURN NEW;
    END $$
"""
# Written out, not imported: 0001's function, as it was.
_CONFIG = (
    "(CASE {column} WHEN 'fi' THEN 'finnish' WHEN 'sv' THEN 'swedish' "
    "WHEN 'en' THEN 'english' ELSE 'simple' END)::regconfig"
)
POSTGRESQL_STEMS = f"""
    CREATE OR REPLACE FUNCTION search_entry_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.vector :=
            setweight(to_tsvector({_CONFIG.format(column="NEW.title_language")}, NEW.title), 'A')
            || setweight(to_tsvector({_CONFIG.format(column="NEW.body_language")}, NEW.body), 'B');
        RETURN NEW;
    END $$
"""
# Back to 0001's function: every vector computed again by it.
POSTGRESQL_RESTEM = "UPDATE search_searchentry SET title = title"


def _field():
    field = models.CharField(blank=True, default="", max_length=10)
    field.set_attributes_from_name("finnish_analyser")
    return field


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_ADD)
        return
    schema_editor.add_field(apps.get_model("search", "SearchEntry"), _field())
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_TERMS)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_REMOVE)
        return
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_STEMS)
        schema_editor.execute(POSTGRESQL_RESTEM)
    schema_editor.remove_field(apps.get_model("search", "SearchEntry"), _field())


class Migration(migrations.Migration):
    dependencies = [("search", "0004_kind_in_fts_rowid")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(forwards, backwards)],
            state_operations=[
                migrations.AddField(
                    model_name="searchentry",
                    name="finnish_analyser",
                    field=models.CharField(blank=True, default="", max_length=10),
                )
            ],
        )
    ]
