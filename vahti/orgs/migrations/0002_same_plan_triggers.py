from django.db import migrations

from vahti.core.db import SamePlanTrigger


class Migration(migrations.Migration):
    dependencies = [("orgs", "0001_initial")]

    operations = [
        SamePlanTrigger("orgs_organization", {"parent_id": "orgs_organization"}),
        SamePlanTrigger("orgs_person", {"organization_id": "orgs_organization"}),
    ]
