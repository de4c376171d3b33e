from django.db import migrations

from vahti.core.db import SamePlanTrigger

INDICATOR = ("indicator_id", "indicators_indicator")


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0001_initial"),
        ("actions", "0002_same_plan_triggers"),
    ]

    operations = [
        SamePlanTrigger("indicators_indicator", {"organization_id": "orgs_organization"}),
        SamePlanTrigger(
            "indicators_indicator_categories", {"category_id": "plans_category"}, plan_via=INDICATOR
        ),
        SamePlanTrigger("indicators_dimensioncategory", {"dimension_id": "indicators_dimension"}),
        SamePlanTrigger(
            "indicators_indicatorcontactperson", {"person_id": "orgs_person"}, plan_via=INDICATOR
        ),
        SamePlanTrigger(
            "indicators_actionindicator", {"action_id": "actions_action"}, plan_via=INDICATOR
        ),
        SamePlanTrigger(
            "indicators_indicatorrelation",
            {"effect_indicator_id": "indicators_indicator"},
            plan_via=("cause_id", "indicators_indicator"),
        ),
        SamePlanTrigger(
            "indicators_indicatorgoal", {"scenario_id": "indicators_scenario"}, plan_via=INDICATOR
        ),
        SamePlanTrigger(
            "indicators_indicatorvalue",
            {"category_id": "indicators_dimensioncategory"},
            plan_via=INDICATOR,
        ),
    ]
