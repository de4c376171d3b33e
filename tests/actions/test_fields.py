"""A plan's own action fields: the model's rules, checked with a clear message and by the
database, and the values travelling with the action's revisions."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import CategoryFactory, CategoryTypeFactory, make_action
from vahti.actions.models import ActionField, ActionFieldOption, ActionFieldValue
from vahti.core.db import SAME_PLAN_ERROR_PREFIX

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def field(plan, identifier="cost", kind=ActionField.Kind.NUMBER, **data):
    data.setdefault("name_fi", identifier.capitalize())
    made = ActionField(plan=plan, identifier=identifier, kind=kind, **data)
    made.full_clean()
    made.save()
    return made


def test_a_category_field_needs_a_category_type_of_its_own_plan(plan, other_plan):
    with pytest.raises(ValidationError) as caught:
        field(plan, "sector", ActionField.Kind.CATEGORY)
    assert caught.value.message_dict["category_type"] == [
        "Choose the category type a category field offers."
    ]
    foreign = CategoryTypeFactory(plan=other_plan)
    with pytest.raises(ValidationError) as caught:
        field(plan, "sector", ActionField.Kind.CATEGORY, category_type=foreign)
    assert "category_type" in caught.value.message_dict
    with pytest.raises(IntegrityError, match=SAME_PLAN_ERROR_PREFIX), transaction.atomic():
        ActionField.objects.create(
            plan=plan, identifier="sector", kind="category", category_type=foreign, name_fi="S"
        )
    with pytest.raises(ValidationError) as caught:
        field(plan, "cost", category_type=CategoryTypeFactory(plan=plan))
    assert caught.value.message_dict["category_type"] == [
        "Only a category field has a category type."
    ]


def test_identifiers_are_unique_in_a_plan_and_the_name_is_required(plan, other_plan):
    field(plan, "cost")
    field(other_plan, "cost")
    with pytest.raises(ValidationError) as caught:
        field(plan, "cost")
    assert caught.value.messages == ["The plan already has a field with this identifier."]
    with pytest.raises(ValidationError) as caught:
        field(plan, "funding", name_fi="")
    assert "name_fi" in caught.value.message_dict


def test_options_belong_to_a_choice_field_and_its_plan(plan):
    cost = field(plan, "cost")
    with pytest.raises(ValidationError) as caught:
        ActionFieldOption(field=cost, identifier="a", name_fi="A").full_clean()
    assert caught.value.message_dict["field"] == ["Only a choice field has options."]
    scale = field(plan, "priority", ActionField.Kind.ORDERED_CHOICE)
    option = ActionFieldOption(field=scale, identifier="high", name_fi="Korkea")
    option.full_clean()
    option.save()
    assert option.plan_id == plan.pk


def test_a_value_keeps_to_its_fields_kind_and_plan(plan, other_plan):
    action = make_action(plan, "1")
    scale = field(plan, "priority", ActionField.Kind.CHOICE)
    other = field(plan, "funding", ActionField.Kind.CHOICE)
    wrong = ActionFieldOption.objects.create(field=other, identifier="eu", name_fi="EU")
    value = ActionFieldValue(action=action, field=scale, option=wrong)
    with pytest.raises(ValidationError) as caught:
        value.full_clean()
    assert caught.value.message_dict["option"] == ["“EU” is not an option of “Priority”."]
    sectors = field(
        plan, "sector", ActionField.Kind.CATEGORY, category_type=CategoryTypeFactory(plan=plan)
    )
    stray = CategoryFactory(plan=plan, type=CategoryTypeFactory(plan=plan, is_primary=False))
    with pytest.raises(ValidationError) as caught:
        ActionFieldValue(action=action, field=sectors, category=stray).full_clean()
    assert "category" in caught.value.message_dict
    foreign = field(other_plan, "cost")
    with pytest.raises(ValidationError) as caught:
        ActionFieldValue(action=action, field=foreign, number=1).full_clean()
    assert caught.value.message_dict["field"] == ["The field belongs to another plan."]
    with pytest.raises(IntegrityError, match=SAME_PLAN_ERROR_PREFIX), transaction.atomic():
        ActionFieldValue.objects.create(action=action, field=foreign, number=1)


def test_one_value_per_field_and_each_kind_reads_its_own_column(plan):
    action = make_action(plan, "1")
    cost = field(plan, "cost", unit_fi="€")
    start = field(plan, "decided", ActionField.Kind.DATE)
    flagship = field(plan, "flagship", ActionField.Kind.YES_NO)
    ActionFieldValue.objects.create(action=action, field=cost, number=Decimal("1200.50"))
    ActionFieldValue.objects.create(action=action, field=start, date=datetime.date(2025, 3, 1))
    ActionFieldValue.objects.create(action=action, field=flagship, yes_no=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionFieldValue.objects.create(action=action, field=cost, number=1)
    values = {v.field.identifier: v for v in action.field_values.select_related("field")}
    assert values["cost"].value == Decimal("1200.50")
    assert values["decided"].value == datetime.date(2025, 3, 1)
    assert values["flagship"].value is False and not values["flagship"].is_empty


def test_a_revision_stores_the_actions_field_values(plan):
    action = make_action(plan, "1")
    cost = field(plan, "cost")
    action.field_values.add(ActionFieldValue(field=cost, number=Decimal("5")))
    revision = action.save_revision()
    ActionFieldValue.objects.filter(action=action).delete()
    restored = revision.as_object()
    assert [v.number for v in restored.field_values.all()] == [Decimal("5")]


def test_the_estimates_year_is_checked(plan):
    action = make_action(plan, "1")
    action.estimate_year = 1800
    with pytest.raises(ValidationError) as caught:
        action.full_clean()
    assert "estimate_year" in caught.value.message_dict


def test_every_writer_meets_the_estimates_rules(plan):
    """The rules are the model's: a report's answer and an import go through the action
    services as the form does (a reviewer found them checked in the form only)."""
    from vahti.actions.services import action_update

    action = make_action(plan, "2")
    cases = [
        ({"emission_reduction_estimate": Decimal("100")}, "estimate_year"),
        ({"estimate_year": 2030}, "estimate_year"),
        (
            {"renewable_production_estimate": Decimal("-5"), "estimate_year": 2030},
            "renewable_production_estimate",
        ),
    ]
    for data, field_name in cases:
        action.refresh_from_db()
        with pytest.raises(ValidationError) as caught:
            action_update(action, **data)
        assert field_name in caught.value.message_dict, data
    action.refresh_from_db()
    action_update(action, emission_reduction_estimate=Decimal("-3"), estimate_year=2030)
    action.refresh_from_db()
    assert action.emission_reduction_estimate == Decimal("-3")  # an action may add emissions
