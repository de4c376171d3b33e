from django.db import migrations

from vahti.core.db import SamePlanTrigger


class Migration(migrations.Migration):
    dependencies = [("access", "0001_initial")]

    operations = [
        SamePlanTrigger("access_role", {"organization_id": "orgs_organization"}),
    ]
