"""Rewrite the shown text of the date fields in the stored report snapshots.

Snapshots completed before the fix wrote a date's month in the language active when the
report was completed, not in the text's own language: "25 Mar 2020" (marraskuu, Finnish
for November) in the English text. The snapshot keeps the date itself (``value``, ISO
form), so each language's text is written again from it. A field without a readable
date, or whose texts are already right, is left as it is.
"""

import datetime

from django.db import migrations
from django.utils import dateformat, translation

# As they were when this migration was written (vahti.core.i18n.DATE_FORMATS): a later
# change of the formats is not this migration's to apply.
DATE_FORMATS = {"fi": "d.m.Y", "sv": "d.m.Y", "en": "j M Y"}


def shown(day: datetime.date, code: str) -> str:
    with translation.override(code):
        return dateformat.format(day, DATE_FORMATS.get(code, "Y-m-d"))


def fixed_fields(data: dict) -> bool:
    """Rewrite the date fields' texts of one snapshot's ``data``; whether any changed."""
    changed = False
    for field in data.get("fields") or []:
        if field.get("kind") != "date" or not isinstance(field.get("display"), dict):
            continue
        try:
            day = datetime.date.fromisoformat(field.get("value") or "")
        except (TypeError, ValueError):
            continue
        texts = {code: shown(day, code) for code in field["display"]}
        if texts != field["display"]:
            field["display"] = texts
            changed = True
    return changed


def rewrite_date_texts(apps, schema_editor):
    ReportSnapshot = apps.get_model("reports", "ReportSnapshot")
    fixed = []
    for snapshot in ReportSnapshot.objects.order_by("pk").iterator():
        if fixed_fields(snapshot.data):
            fixed.append(snapshot)
    ReportSnapshot.objects.bulk_update(fixed, ["data"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0002_alter_report_plan"),
    ]

    operations = [
        # Going back keeps the right texts: the wrong ones are not worth restoring.
        migrations.RunPython(rewrite_date_texts, migrations.RunPython.noop),
    ]
