"""A mapping names only its own plan's fields, category types, options, categories and
statuses: refused with a message by the model's checks, and by the database."""

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from tests.factories import ActionStatusFactory, CategoryTypeFactory
from vahti.actions.models import ActionField
from vahti.covenant.models import CovenantMapping, CovenantValue
from vahti.covenant.services import covenant_mapping_save

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_a_source_of_another_plan_is_refused_with_a_message(plan, other_plan):
    theirs = ActionField.objects.create(
        plan=other_plan, identifier="sector", kind="choice", name_fi="Sektori"
    )
    with pytest.raises(ValidationError) as refused:
        covenant_mapping_save(plan, sources={"sector_field": theirs}, values={})
    assert "sector_field" in refused.value.message_dict
    assert not CovenantMapping.objects.exists()


def test_two_sources_for_one_column_are_refused(plan):
    themes = CategoryTypeFactory(plan=plan)
    with pytest.raises(ValidationError) as refused:
        covenant_mapping_save(
            plan, sources={"sector_category_type": themes, "sector_fixed": "transport"}, values={}
        )
    assert refused.value.message_dict["sector_field"] == [
        "Choose one source: a field, a category type or a value for every action."
    ]


def test_a_value_of_another_plans_status_or_an_unknown_code_is_refused(plan, other_plan):
    theirs = ActionStatusFactory(plan=other_plan)
    ours = ActionStatusFactory(plan=plan)
    with pytest.raises(ValidationError) as refused:
        covenant_mapping_save(plan, sources={}, values={("status", "status", theirs.pk): "ongoing"})
    assert "status" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        covenant_mapping_save(plan, sources={}, values={("status", "status", ours.pk): "soon"})
    assert refused.value.message_dict["code"] == ["“soon” is not a Covenant value of this column."]


def test_the_database_refuses_a_value_of_another_plan(plan, other_plan):
    mapping = covenant_mapping_save(plan, sources={}, values={})
    theirs = ActionStatusFactory(plan=other_plan)
    with pytest.raises(DatabaseError), transaction.atomic():
        CovenantValue.objects.create(
            mapping=mapping, plan=plan, column="status", status=theirs, code="ongoing"
        )
