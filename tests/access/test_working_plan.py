"""The plan a user works in (vahti.access.scopes.working_plan): its defaults, a choice
that no longer holds, and choices refused."""

import pytest

from tests.conftest import make_user
from tests.factories import PlanFactory
from vahti.access import scopes
from vahti.access.models import Role

pytestmark = pytest.mark.django_db


def test_defaults_and_a_choice_that_no_longer_holds():
    first = PlanFactory(identifier="a")
    second = PlanFactory(identifier="b")
    user = make_user("u")
    assert scopes.working_plan(user) is None  # no plan at all
    Role.objects.create(user=user, plan=second, kind="viewer")
    assert scopes.working_plan(user) == second  # the only plan
    Role.objects.create(user=user, plan=first, kind="viewer")
    assert scopes.working_plan(user) == first  # the first, in the plans' order
    scopes.choose_working_plan(user, second)
    assert scopes.working_plan(user) == second  # remembered
    Role.objects.filter(user=user, plan=second).delete()
    assert scopes.working_plan(user) == first  # no longer theirs: back to the default


def test_all_plans_only_for_installation_admins_and_only_ones_own_plans():
    first, second = PlanFactory(identifier="a"), PlanFactory(identifier="b")
    root = make_user("root", is_superuser=True)
    assert scopes.working_plan(root) is None  # several plans: all of them
    scopes.choose_working_plan(root, first)
    assert scopes.working_plan(root) == first
    user = make_user("u")
    Role.objects.create(user=user, plan=first, kind="plan_admin")
    with pytest.raises(ValueError, match="installation admin"):
        scopes.choose_working_plan(user, None)
    with pytest.raises(ValueError, match="no part"):
        scopes.choose_working_plan(user, second)


def test_narrowing_only_in_the_admin():
    first, second = PlanFactory(identifier="a"), PlanFactory(identifier="b")
    user = make_user("u")
    for plan in (first, second):
        Role.objects.create(user=user, plan=plan, kind="plan_admin")
    plans = type(first).objects.all()
    assert set(scopes.visible_to(user, plans)) == {first, second}  # outside the admin
    scopes.work_in_admin(user)
    assert list(scopes.visible_to(user, plans)) == [first]
    scopes.choose_working_plan(user, second)
    assert list(scopes.visible_to(user, plans)) == [second]
