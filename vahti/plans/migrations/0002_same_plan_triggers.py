from django.db import migrations

from vahti.core.db import SamePlanTrigger


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]

    operations = [
        SamePlanTrigger(
            "plans_category", {"type_id": "plans_categorytype", "parent_id": "plans_category"}
        ),
    ]
