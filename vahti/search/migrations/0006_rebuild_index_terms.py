"""Every entry's index terms computed again from its stored texts and languages, so that
an upgraded installation searches by base forms at once (with Voikko; by Snowball stems
without it, as before). Back: the Snowball stems 0001 indexed."""

from django.db import migrations

BATCH = 1000
PROGRESS_EVERY = 20 * BATCH
# One plain UPDATE per row, many at a time: bulk_update's CASE over a batch is many times
# slower for the hundreds of thousands of entries of a large plan.
UPDATE = (
    "UPDATE search_searchentry "
    "SET title_stems = %s, body_stems = %s, finnish_analyser = %s WHERE id = %s"
)


def rebuild(apps, schema_editor, analyser: str | None) -> None:
    # The terms as the code computes them now: rebuilding them is what this is for.
    from vahti.search import analysis
    from vahti.search.services import entry_terms_set

    analyser = analyser or analysis.finnish_analyser()
    entries = apps.get_model("search", "SearchEntry").objects.order_by("pk")
    fields = ["pk", "title", "title_language", "body", "body_language", "body_parts"]
    total, done, last = entries.count(), 0, 0
    while batch := list(entries.filter(pk__gt=last).only(*fields)[:BATCH]):
        for entry in batch:
            entry_terms_set(entry, analyser)
        with schema_editor.connection.cursor() as cursor:
            cursor.executemany(
                UPDATE,
                [(e.title_stems, e.body_stems, e.finnish_analyser, e.pk) for e in batch],
            )
        done, last = done + len(batch), batch[-1].pk
        if done % PROGRESS_EVERY == 0 or done == total:
            print(f"  search index ({analyser}): {done}/{total} entries", flush=True)


def forwards(apps, schema_editor):
    rebuild(apps, schema_editor, None)


def backwards(apps, schema_editor):
    from vahti.search.analysis import SNOWBALL

    rebuild(apps, schema_editor, SNOWBALL)


class Migration(migrations.Migration):
    dependencies = [("search", "0005_index_terms")]

    operations = [migrations.RunPython(forwards, backwards)]
