import pytest
from django.core.exceptions import ValidationError

from tests.factories import CategoryFactory, CategoryTypeFactory, OrganizationFactory, PlanFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_category_cannot_be_inside_itself(plan):
    root = CategoryFactory(type=CategoryTypeFactory(plan=plan))
    child = CategoryFactory(type=root.type, parent=root)
    root.parent = child
    with pytest.raises(ValidationError) as caught:
        root.full_clean()
    assert caught.value.message_dict["parent"] == ["A category cannot be inside itself."]


def test_organisation_cannot_be_inside_itself(plan):
    root = OrganizationFactory(plan=plan)
    child = OrganizationFactory(plan=plan, parent=root)
    root.parent = child
    with pytest.raises(ValidationError) as caught:
        root.full_clean()
    assert caught.value.message_dict["parent"] == ["An organisation cannot be inside itself."]


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
