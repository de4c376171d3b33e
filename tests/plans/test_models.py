import pytest
from django.core.exceptions import ValidationError

from tests.factories import CategoryFactory, CategoryTypeFactory, PlanFactory
from vahti.plans.models import PlanDomain

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_category_cannot_be_inside_itself(plan):
    root = CategoryFactory(type=CategoryTypeFactory(plan=plan))
    child = CategoryFactory(type=root.type, parent=root)
    root.parent = child
    with pytest.raises(ValidationError) as caught:
        root.full_clean()
    assert caught.value.message_dict["parent"] == ["A category cannot be inside itself."]


def test_plan_languages_and_time_zone_are_checked(db):
    plan = PlanFactory.build(other_languages=["sv", "de"], time_zone="Europe/Helsingfors")
    with pytest.raises(ValidationError) as caught:
        plan.full_clean()
    errors = caught.value.message_dict
    assert errors["other_languages"] == ["Unknown language code(s): de. Known: en, fi, sv."]
    assert errors["time_zone"] == [
        "“Europe/Helsingfors” is not a time zone: use a name such as Europe/Helsinki."
    ]


def test_plan_lists_its_languages_primary_first(db):
    plan = PlanFactory.build(primary_language="sv", other_languages=["fi", "en"])
    assert plan.languages == ["sv", "fi", "en"]


def test_host_names_are_stored_normalised_and_checked(plan):
    domain = PlanDomain(plan=plan, hostname=" IlmastoVahti.Hel.FI. ")
    domain.full_clean()
    domain.save()
    assert domain.hostname == "ilmastovahti.hel.fi"
    with pytest.raises(ValidationError) as caught:
        PlanDomain(plan=plan, hostname="https://example.org:8000/x").full_clean()
    assert caught.value.message_dict["hostname"][0].startswith(
        "“https://example.org:8000/x” is not a host name"
    )


def test_the_update_target_is_within_the_update_limit(plan):
    plan.update_target_days, plan.stale_after_days = 200, 180
    with pytest.raises(ValidationError) as caught:
        plan.full_clean()
    assert caught.value.message_dict["update_target_days"] == [
        "The update interval target cannot be longer than the limit (180 days)."
    ]
    # Stored anyway (e.g. the limit shortened later), the limit is the target too.
    assert plan.update_target == 180
    plan.update_target_days = 30
    plan.full_clean()
    assert plan.update_target == 30
