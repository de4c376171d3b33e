"""Every entry's index terms computed again from its stored texts and languages, so that
an upgraded installation searches by base forms at once (with Voikko; by Snowball stems
without it, as before). Back: the Snowball stems 0001 indexed."""

from django.db import migrations

BATCH = 1000
FIELDS = ["title_stems", "body_stems", "finnish_analyser"]


def rebuild(apps, analyser: str | None) -> None:
    # The terms as the code computes them now: rebuilding them is what this is for.
    from vahti.search import analysis
    from vahti.search.services import entry_terms_set

    analyser = analyser or analysis.finnish_analyser()
    entries = apps.get_model("search", "SearchEntry").objects.order_by("pk")
    total, done, last = entries.count(), 0, 0
    while done < total:
        batch = list(
            entries.filter(pk__gt=last).only(
                "pk", "title", "title_language", "body", "body_language", "body_parts"
            )[:BATCH]
        )
        if not batch:
            break
        for entry in batch:
            entry_terms_set(entry, analyser)
        entries.model.objects.bulk_update(batch, FIELDS)
        done, last = done + len(batch), batch[-1].pk
        print(f"  search index ({analyser}): {done}/{total} entries", flush=True)


def forwards(apps, schema_editor):
    rebuild(apps, None)


def backwards(apps, schema_editor):
    from vahti.search.analysis import SNOWBALL

    rebuild(apps, SNOWBALL)


class Migration(migrations.Migration):
    dependencies = [("search", "0004_index_terms")]

    operations = [migrations.RunPython(forwards, backwards)]
