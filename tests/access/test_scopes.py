"""What each user sees of the plans in the admin's lists and choices
(vahti.access.scopes), asked directly: a story of the `world` fixture's people."""

import pytest
from django.contrib.auth import get_user_model

from tests.conftest import make_user
from tests.factories import CategoryFactory, PersonFactory
from vahti.access.models import Role
from vahti.access.scopes import plans_taking_part, visible_to
from vahti.actions.models import Action
from vahti.orgs.models import Person
from vahti.plans.models import Category, Plan

pytestmark = pytest.mark.django_db


def test_each_user_sees_the_plans_they_take_part_in(world):
    users = world.users
    assert set(plans_taking_part(users["plan_admin"])) == {world.plan}
    assert set(plans_taking_part(users["contact_126"])) == {world.plan}
    assert set(plans_taking_part(users["other_plan_admin"])) == {world.other_plan}
    assert set(plans_taking_part(make_user("nobody"))) == set()
    root = get_user_model().objects.create_superuser("root", "r@example.invalid", "pw-1234567")
    assert set(plans_taking_part(root)) == set(Plan.objects.all())


def test_another_plans_admin_sees_none_of_the_plans_rows(world):
    other = world.users["other_plan_admin"]
    CategoryFactory(plan=world.other_plan, type__plan=world.other_plan)
    assert not visible_to(other, Action.objects.all()).exists()
    assert not visible_to(other, Person.objects.filter(plan=world.plan)).exists()
    assert not visible_to(other, Role.objects.filter(plan=world.plan)).exists()
    assert set(visible_to(other, Category.objects.all())) == set(
        Category.objects.filter(plan=world.other_plan)
    )
    assert set(visible_to(other, Plan.objects.all())) == {world.other_plan}
    emails = set(visible_to(other, get_user_model().objects.all()).values_list("email", flat=True))
    assert emails == {other.email}


def test_a_contact_person_chooses_the_plans_people_but_sees_only_their_actions(world):
    contact = world.users["contact_126"]
    PersonFactory(plan=world.other_plan, first_name="Muualla")
    people = visible_to(contact, Person.objects.all())
    assert set(people) == set(Person.objects.filter(plan=world.plan))
    assert list(visible_to(contact, Action.objects.all())) == [world.action_126]
    # Roles (who administers the plan, by email) are for the plan's admins and viewers.
    assert not visible_to(contact, Role.objects.all()).exists()


def test_an_inactive_user_sees_nothing(world):
    admin = world.users["plan_admin"]
    admin.is_active = False
    admin.save()
    assert not visible_to(admin, Category.objects.all()).exists()
    assert not plans_taking_part(admin).exists()
