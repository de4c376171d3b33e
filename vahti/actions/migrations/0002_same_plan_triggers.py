from django.db import migrations

from vahti.core.db import SamePlanTrigger

ACTION = ("action_id", "actions_action")


class Migration(migrations.Migration):
    dependencies = [("actions", "0001_initial"), ("plans", "0002_same_plan_triggers"),
                    ("orgs", "0002_same_plan_triggers")]

    operations = [
        SamePlanTrigger(
            "actions_action",
            {
                "status_id": "plans_actionstatus",
                "implementation_phase_id": "plans_actionimplementationphase",
                "impact_id": "plans_actionimpact",
                "merged_with_id": "actions_action",
            },
        ),
        SamePlanTrigger("actions_action_categories", {"category_id": "plans_category"}, plan_via=ACTION),
        SamePlanTrigger(
            "actions_action_schedules", {"actionschedule_id": "plans_actionschedule"}, plan_via=ACTION
        ),
        SamePlanTrigger(
            "actions_action_related_actions",
            {"to_action_id": "actions_action"},
            plan_via=("from_action_id", "actions_action"),
        ),
        SamePlanTrigger(
            "actions_responsibleparty", {"organization_id": "orgs_organization"}, plan_via=ACTION
        ),
        SamePlanTrigger("actions_contactperson", {"person_id": "orgs_person"}, plan_via=ACTION),
        SamePlanTrigger("actions_newspost", {"author_id": "orgs_person"}, plan_via=ACTION),
    ]
