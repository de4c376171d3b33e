"""The rules of vahti.access, asked directly (tests/editing/test_permissions.py asks the
same through the admin's URLs)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.conftest import make_user
from tests.factories import OrganizationFactory, PersonFactory
from vahti.access import policies
from vahti.access.models import Role
from vahti.actions.models import ContactPerson
from vahti.core.db import SAME_PLAN_ERROR_PREFIX
from vahti.orgs.models import Person

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_each_role_may_do_exactly_its_share_of_action_126(world):
    operations = {
        name: policies.action_operations(user, world.action_126)
        for name, user in world.users.items()
    }
    assert operations["plan_admin"] == policies.ACTION_OPERATIONS
    assert operations["organization_admin"] == {
        "view", "change", "publish", "lock", "unlock", "change_responsibility"
    }  # fmt: skip
    assert operations["contact_126"] == {"view", "change", "publish", "lock", "unlock"}
    assert operations["viewer"] == {"view"}
    assert operations["contact_other"] == set()
    assert operations["other_plan_admin"] == set()


def test_an_organisation_admin_reaches_the_units_below_but_not_beside(world):
    user = world.users["organization_admin"]
    editable = set(policies.actions_editable_by(user).values_list("identifier", flat=True))
    assert editable == {"126"}
    assert not policies.can_add_action(user, world.plan)


def test_lists_hold_no_action_of_another_plan_or_beyond_reach(world):
    contact = world.users["contact_126"]
    assert list(policies.actions_viewable_by(contact)) == [world.action_126]
    viewer = world.users["viewer"]
    assert set(policies.actions_viewable_by(viewer)) == {world.action_126, world.action_127}
    assert not policies.actions_editable_by(viewer).exists()
    other = world.users["other_plan_admin"]
    assert not policies.actions_viewable_by(other).exists()
    assert policies.can_add_action(other, world.other_plan)
    assert not policies.can_add_action(other, world.plan)


def test_an_inactive_user_may_do_nothing(world):
    admin = world.users["plan_admin"]
    admin.is_active = False
    admin.save()
    assert policies.action_operations(admin, world.action_126) == set()
    assert not policies.may_use_admin(admin)


def test_an_organisation_admin_needs_an_organisation_of_the_same_plan(world):
    user = make_user("someone")
    with pytest.raises(ValidationError) as caught:
        Role(user=user, plan=world.plan, kind="organization_admin").full_clean()
    assert "An organisation admin needs an organisation; other roles have none." in str(
        caught.value
    )
    foreign = OrganizationFactory(plan=world.other_plan)
    with pytest.raises(ValidationError) as caught:
        Role(
            user=user, plan=world.plan, kind="organization_admin", organization=foreign
        ).full_clean()
    assert "belongs to the plan" in str(caught.value)
    with pytest.raises(IntegrityError, match=SAME_PLAN_ERROR_PREFIX), transaction.atomic():
        Role.objects.create(
            user=user, plan=world.plan, kind="organization_admin", organization=foreign
        )


def test_in_a_moderated_plan_only_plan_admins_publish(world):
    world.plan.moderated = True
    world.plan.save()
    action = type(world.action_126).objects.select_related("plan").get(pk=world.action_126.pk)
    assert "publish" in policies.action_operations(world.users["plan_admin"], action)
    for role in ("organization_admin", "contact_126"):
        operations = policies.action_operations(world.users[role], action)
        assert "change" in operations and "publish" not in operations, role
    assert not policies.may_act_on_some_action(world.users["contact_126"], "publish")


def test_rights_follow_the_stored_action_not_a_draft_in_memory(world):
    """The edit view asks about the latest revision as an object: its contact persons
    live in memory, may name people without an account, and a draft must not be able
    to grant its author rights."""
    plan = world.plan
    draft = world.action_127.get_latest_revision_as_object()
    draft.contact_persons.add(ContactPerson(person=PersonFactory(plan=plan, user=None)))
    draft.contact_persons.add(
        ContactPerson(person=Person.objects.get(plan=plan, user=world.users["contact_126"]))
    )
    assert policies.action_operations(world.users["contact_126"], draft) == set()
    assert policies.action_operations(world.users["contact_other"], draft) == {
        "view", "change", "publish", "lock", "unlock"
    }  # fmt: skip
