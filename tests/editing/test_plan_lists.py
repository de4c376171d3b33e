"""A plan's lists in the admin (statuses, phases, impacts, schedules, category types):
its plan admin changes them, in their order, checked as the importer checks them; other
plans' admins and contact persons cannot; a row in use is not deleted."""

from __future__ import annotations

import re

import pytest
from django.utils import translation
from wagtail.models import ModelLogEntry

from tests.editing.conftest import in_english as as_user
from tests.editing.conftest import submit_editor_form as submit
from tests.factories import ActionStatusFactory, ScheduleFactory
from vahti.plans.models import (
    ActionImpact,
    ActionImplementationPhase,
    ActionSchedule,
    ActionStatus,
    CategoryType,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

STATUSES = "/admin/snippets/plans/actionstatus/"
PHASES = "/admin/snippets/plans/actionimplementationphase/"
IMPACTS = "/admin/snippets/plans/actionimpact/"
SCHEDULES = "/admin/snippets/plans/actionschedule/"
TYPES = "/admin/snippets/plans/categorytype/"


def results(response) -> str:
    """The listing's rows (not the message saying what was saved)."""
    html = response.content.decode()
    return html[html.index('id="listing-results"') :]


def cell(html: str, text: str) -> int:
    """Where the listing has a cell of just this text."""
    return re.search(rf">\s*{re.escape(text)}\s*<", html).start()


def test_the_plan_admin_adds_a_status_and_the_listing_shows_the_lists_order(client, world):
    client = as_user(client, world, "plan_admin")
    answer = submit(
        client,
        STATUSES + "add/",
        plan=str(world.plan.pk),
        identifier="done",
        order="5",
        name_fi="Toteutunut",
        name_en="Done",
        color="#1f7a3a",
        sentiment="positive",
        is_completed="on",
    )
    assert answer.status_code == 302
    done = ActionStatus.objects.get(plan=world.plan, identifier="done")
    assert (done.color, done.sentiment, done.is_completed) == ("#1f7a3a", "positive", True)
    assert ModelLogEntry.objects.filter(
        content_type__model="actionstatus", object_id=str(done.pk), action="wagtail.create"
    ).exists()
    listing = results(client.get(STATUSES))
    # In their order: the existing status (order 0) first.
    existing = world.action_126.status.identifier
    assert cell(listing, existing) < cell(listing, "done")
    world.action_126.status.order = 9
    world.action_126.status.save()
    listing = results(client.get(STATUSES))
    assert cell(listing, "done") < cell(listing, existing)


def test_each_list_is_edited_and_logged(client, world):
    client = as_user(client, world, "plan_admin")
    phase = ActionImplementationPhase.objects.create(
        plan=world.plan, identifier="plan", name_fi="Suunnittelu"
    )
    impact = ActionImpact.objects.create(plan=world.plan, identifier="big", name_fi="Suuri")
    schedule = ScheduleFactory(plan=world.plan)
    category_type = CategoryType.objects.get(plan=world.plan)
    for url, obj, values in (
        (PHASES, phase, {"color": "#aa0000", "order": "3"}),
        (IMPACTS, impact, {"order": "2", "name_fi": "Hyvin suuri"}),
        (SCHEDULES, schedule, {"begins_at": "2025-01-01", "ends_at": "2027-12-31"}),
        (TYPES, category_type, {"is_primary": "on"}),
    ):
        answer = submit(client, f"{url}edit/{obj.pk}/", **values)
        assert answer.status_code == 302, answer.content.decode()[:3000]
        obj.refresh_from_db()
        assert ModelLogEntry.objects.filter(
            object_id=str(obj.pk), action="wagtail.edit", content_type__model=obj._meta.model_name
        ).exists()
    assert (phase.color, phase.order, impact.name_fi) == ("#aa0000", 3, "Hyvin suuri")
    assert str(schedule.ends_at) == "2027-12-31"
    assert category_type.is_primary


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"color": "red"}, "color", "is not a colour"),
        ({"identifier": "other-status"}, "identifier", "already has an item with this identifier"),
        ({"name_fi": ""}, "name_fi", "required in the plan"),
    ],
)
def test_wrong_input_is_a_form_error_naming_the_field(client, world, values, field, message):
    ActionStatusFactory(plan=world.plan, identifier="other-status")
    client = as_user(client, world, "plan_admin")
    status = world.action_126.status
    answer = submit(client, f"{STATUSES}edit/{status.pk}/", **values)
    assert answer.status_code == 200
    errors = answer.context["form"].errors
    with translation.override("en"):
        # A constraint of the plan and a field is the form's error, naming the field.
        assert message in str(errors.get(field) or errors.get("__all__"))


def test_a_schedule_cannot_end_before_it_begins(client, world):
    client = as_user(client, world, "plan_admin")
    schedule = ScheduleFactory(plan=world.plan)
    answer = submit(
        client, f"{SCHEDULES}edit/{schedule.pk}/", begins_at="2030-01-01", ends_at="2020-01-01"
    )
    assert answer.status_code == 200
    assert "cannot end before it begins" in answer.content.decode()


def test_a_used_status_is_not_deleted_and_the_page_says_what_uses_it(client, world):
    client = as_user(client, world, "plan_admin")
    status = world.action_126.status
    url = f"{STATUSES}delete/{status.pk}/"
    page = client.get(url).content.decode()
    assert "cannot be deleted because it is in use by actions (1): 126" in page
    assert "Yes, delete" not in page
    answer = client.post(url, follow=True)
    assert ActionStatus.objects.filter(pk=status.pk).exists()
    assert "cannot be deleted because it is in use by" in answer.content.decode()


def test_a_used_schedule_and_a_type_with_categories_are_not_deleted(client, world):
    client = as_user(client, world, "plan_admin")
    schedule = ScheduleFactory(plan=world.plan)
    world.action_126.schedules.add(schedule)
    world.action_126.save()
    category_type = CategoryType.objects.get(plan=world.plan)
    for url in (f"{SCHEDULES}delete/{schedule.pk}/", f"{TYPES}delete/{category_type.pk}/"):
        client.post(url)
    assert ActionSchedule.objects.filter(pk=schedule.pk).exists()
    assert CategoryType.objects.filter(pk=category_type.pk).exists()


def test_an_unused_status_is_deleted_and_logged(client, world):
    client = as_user(client, world, "plan_admin")
    unused = ActionStatusFactory(plan=world.plan, identifier="unused")
    answer = client.post(f"{STATUSES}delete/{unused.pk}/")
    assert answer.status_code == 302
    assert not ActionStatus.objects.filter(pk=unused.pk).exists()
    assert ModelLogEntry.objects.filter(object_id=str(unused.pk), action="wagtail.delete").exists()


@pytest.mark.parametrize("who", ["other_plan_admin", "contact_126", "organization_admin"])
def test_others_cannot_change_the_plans_lists(client, world, who):
    client = as_user(client, world, who)
    status = world.action_126.status
    for url in (f"{STATUSES}edit/{status.pk}/", f"{STATUSES}delete/{status.pk}/"):
        assert client.get(url).status_code in (302, 403, 404)
        assert client.post(url, {"name_fi": "Muutettu", "color": "#000000"}).status_code in (
            302,
            403,
            404,
        )
    status.refresh_from_db()
    assert status.name_fi != "Muutettu"
    assert ActionStatus.objects.filter(pk=status.pk).exists()
    listing = client.get(STATUSES)
    assert listing.status_code in (302, 403) or status.name_fi not in listing.content.decode()


def test_the_plan_admin_cannot_add_a_row_to_another_plan(client, world):
    client = as_user(client, world, "plan_admin")
    answer = submit(
        client,
        STATUSES + "add/",
        plan=str(world.other_plan.pk),
        identifier="sneaky",
        name_fi="Ovela",
    )
    # The plan is not asked (the working plan is implied): the forged plan is ignored
    # and the row goes to the admin's own plan, never to the other.
    assert answer.status_code == 302
    assert not ActionStatus.objects.filter(plan=world.other_plan, identifier="sneaky").exists()
    assert ActionStatus.objects.get(identifier="sneaky").plan == world.plan
