"""Bad data cannot be stored: each rule is checked with a clear message by validation
(what editors, the importer and the API hit) and by the database itself (what any other
write path hits)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import (
    ActionStatusFactory,
    CategoryFactory,
    CategoryTypeFactory,
    make_action,
    task,
)
from vahti.actions.models import Action, Task
from vahti.actions.services import action_update
from vahti.core.db import SAME_PLAN_ERROR_PREFIX

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def messages(error: ValidationError, field: str) -> list[str]:
    return [str(m) for m in error.message_dict[field]]


class TestActionIdentifier:
    def test_second_action_with_the_same_identifier_is_refused_naming_it(self, plan):
        make_action(plan, "126")
        with pytest.raises(ValidationError) as caught:
            make_action(plan, "126", name_fi="Toinen")
        assert messages(caught.value, "identifier") == [
            "The plan already has an action with the identifier “126”."
        ]
        assert Action.objects.filter(plan=plan).count() == 1

    def test_identifiers_differing_only_in_case_are_the_same(self, plan):
        make_action(plan, "L3.2")
        with pytest.raises(ValidationError) as caught:
            make_action(plan, "l3.2")
        assert "identifier" in caught.value.message_dict

    def test_the_database_refuses_a_duplicate_that_skips_validation(self, plan):
        make_action(plan, "126")
        with pytest.raises(IntegrityError), transaction.atomic():
            Action.objects.create(plan=plan, identifier="126", name_fi="Ohitettu")

    @pytest.mark.parametrize("identifier", ["a/b", "12 3", "?1", "-1", "ä1", "1#2"])
    def test_identifiers_that_cannot_be_part_of_an_address_are_refused(self, plan, identifier):
        with pytest.raises(ValidationError) as caught:
            make_action(plan, identifier)
        (message,) = messages(caught.value, "identifier")
        assert message.startswith(f"“{identifier}” cannot be an identifier")
        assert not Action.objects.exists()

    def test_another_plan_may_use_the_same_identifier(self, plan, other_plan):
        make_action(plan, "126")
        make_action(other_plan, "126")
        assert Action.objects.filter(identifier="126").count() == 2


class TestTaskDates:
    def test_completed_task_without_completion_date_is_refused(self, plan):
        with pytest.raises(ValidationError) as caught:
            make_action(plan, "1", tasks=[task("Valmis", state="completed")])
        assert messages(caught.value, "tasks[0].completed_at") == [
            "A completed task needs a completion date."
        ]
        assert not Action.objects.exists()

    def test_open_task_with_completion_date_is_refused(self, plan):
        with pytest.raises(ValidationError) as caught:
            make_action(
                plan,
                "1",
                tasks=[task("Kesken", state="in_progress", completed=datetime.date(2020, 1, 1))],
            )
        assert messages(caught.value, "tasks[0].completed_at") == [
            "A task that is not started or in progress cannot have a completion date."
        ]

    def test_the_database_refuses_a_completed_task_without_date(self, plan):
        action = make_action(plan, "1")
        with pytest.raises(IntegrityError), transaction.atomic():
            Task.objects.create(
                action=action, name_fi="x", state="completed", due_at=datetime.date(2020, 1, 1)
            )

    def test_the_database_refuses_an_open_task_with_a_date(self, plan):
        action = make_action(plan, "1")
        with pytest.raises(IntegrityError), transaction.atomic():
            Task.objects.create(
                action=action,
                name_fi="x",
                state="not_started",
                due_at=datetime.date(2020, 1, 1),
                completed_at=datetime.date(2020, 1, 1),
            )

    def test_cancelled_task_may_carry_the_date_it_was_cancelled(self, plan):
        action = make_action(
            plan,
            "1",
            tasks=[task("Peruttu", state="cancelled", completed=datetime.date(2020, 3, 1))],
        )
        assert action.tasks.get().completed_at == datetime.date(2020, 3, 1)

    def test_lateness_follows_from_the_due_date(self, plan):
        open_task = Task(state="in_progress", due_at=datetime.date(2020, 5, 31))
        assert open_task.is_late_on(datetime.date(2020, 6, 1))
        assert not open_task.is_late_on(datetime.date(2020, 5, 31))
        done = Task(state="completed", due_at=datetime.date(2020, 5, 31))
        assert not done.is_late_on(datetime.date(2021, 1, 1))


class TestSamePlan:
    def test_category_of_another_plan_is_refused_naming_both_plans(self, plan, other_plan):
        foreign = CategoryFactory(type=CategoryTypeFactory(plan=other_plan), name_fi="Vieras")
        with pytest.raises(ValidationError) as caught:
            make_action(plan, "1", categories=[foreign])
        assert messages(caught.value, "categories") == [
            "“Vieras” belongs to the plan “Toinen suunnitelma”, "
            "not to “Hiilineutraali Helsinki 2035”."
        ]
        assert not Action.objects.exists()

    def test_the_database_refuses_a_category_of_another_plan(self, plan, other_plan):
        action = make_action(plan, "1")
        foreign = CategoryFactory(type=CategoryTypeFactory(plan=other_plan))
        with pytest.raises(IntegrityError, match=SAME_PLAN_ERROR_PREFIX), transaction.atomic():
            Action.categories.through.objects.create(action=action, category=foreign)
        assert not action.categories.exists()

    def test_the_database_refuses_a_status_of_another_plan(self, plan, other_plan):
        action = make_action(plan, "1")
        foreign = ActionStatusFactory(plan=other_plan)
        with pytest.raises(IntegrityError, match=SAME_PLAN_ERROR_PREFIX), transaction.atomic():
            Action.objects.filter(pk=action.pk).update(status=foreign)

    def test_status_of_another_plan_is_refused_by_validation(self, plan, other_plan):
        with pytest.raises(ValidationError) as caught:
            make_action(plan, "1", status=ActionStatusFactory(plan=other_plan, name_fi="Vieras"))
        assert "status" in caught.value.message_dict


class TestSchedule:
    def test_end_before_start_is_refused(self, plan):
        with pytest.raises(ValidationError) as caught:
            make_action(
                plan, "1", start_date=datetime.date(2022, 1, 1), end_date=datetime.date(2021, 1, 1)
            )
        assert "The end date cannot be before the start date." in str(caught.value)

    def test_continuous_action_has_no_end(self, plan):
        with pytest.raises(ValidationError) as caught:
            make_action(plan, "1", schedule_continuous=True, end_date=datetime.date(2030, 1, 1))
        assert "A continuous action has no end date." in str(caught.value)


def test_merging_into_a_merged_action_is_refused_so_merges_cannot_loop(plan):
    a, b, c = make_action(plan, "1"), make_action(plan, "2"), make_action(plan, "3")
    action_update(a, merged_with=b)
    with pytest.raises(ValidationError) as caught:
        action_update(b, merged_with=a)
    assert messages(caught.value, "merged_with") == [
        "Action 1 is itself merged with another action: merge with that one instead."
    ]
    b.refresh_from_db()
    assert b.merged_with is None
    action_update(c, merged_with=b)  # two merged into one is fine


def test_primary_language_text_is_required(plan):
    with pytest.raises(ValidationError) as caught:
        make_action(plan, "1", name_fi="", name_en="Only English")
    assert messages(caught.value, "name_fi") == [
        "This text is required in the plan's primary language."
    ]


def test_two_primary_organisations_are_refused(plan, organization):
    from tests.factories import OrganizationFactory

    second = OrganizationFactory(plan=plan)
    with pytest.raises(ValidationError) as caught:
        make_action(plan, "1", responsible_parties=[(organization, "primary"), (second, "primary")])
    assert messages(caught.value, "responsible_parties") == [
        "An action has only one primarily responsible organisation."
    ]


def test_messages_are_translated_for_finnish_editors(plan):
    from django.utils import translation

    make_action(plan, "126")
    with translation.override("fi"):
        with pytest.raises(ValidationError) as caught:
            make_action(plan, "126")
        assert messages(caught.value, "identifier") == [
            "Suunnitelmassa on jo toimenpide tunnisteella “126”."
        ]
