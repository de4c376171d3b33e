"""The admin costs the same at any plan size: each screen issues the same number of SQL
queries for a plan of 150 actions as for one of 1,500, and at most QUERY_BUDGET (issue 22).

Generating a plan is slow, so one test generates the two plans once and walks every
screen of each, as the installation admin, the plan's admin and a contact person, then
names each screen whose count differs."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import make_user
from tests.editing.conftest import ACTIONS_URL, CATEGORIES_URL
from tests.editing.field_world import add_fields
from vahti.access import scopes
from vahti.access.models import Role
from vahti.actions.models import Action, ContactPerson
from vahti.demo.generate import generate_plan
from vahti.orgs.models import Person

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 60
SIZES = (150, 1500)
PEOPLE_URL = "/admin/snippets/orgs/person/"
CHOOSER_URL = "/admin/snippets/choose/actions/action/"
FIELDS_URL = "/admin/snippets/actions/actionfield/"
# The plan's own fields (issue 24) in each generated plan, with values in the action
# whose form is counted.
PLAN_FIELDS = 20


def people_of(plan, size: int) -> dict:
    """The plan's admin, and a contact person (who logs in) of its first three actions."""
    admin = make_user(f"admin{size}")
    Role.objects.create(user=admin, plan=plan, kind=Role.Kind.PLAN_ADMIN)
    person = Person.objects.create(
        plan=plan, first_name="Yhteys", last_name="Henkilö", user=make_user(f"contact{size}")
    )
    actions = list(Action.objects.filter(plan=plan).in_natural_order()[:3])
    ContactPerson.objects.bulk_create(
        [ContactPerson(action=action, person=person, sort_order=9) for action in actions]
    )
    fields = add_fields(plan, PLAN_FIELDS, actions=[actions[0]])
    return {
        "plan admin": admin,
        "contact": person.user,
        "action": actions[0],
        "person": person,
        "field": fields[-1],
    }


def screens(people) -> list[tuple[str, str, str]]:
    """(screen, who, URL) of each admin screen walked."""
    action, person = people["action"], people["person"]
    return [
        ("edit an action", "plan admin", f"{ACTIONS_URL}edit/{action.pk}/"),
        ("edit an action as its contact", "contact", f"{ACTIONS_URL}edit/{action.pk}/"),
        ("new action", "plan admin", f"{ACTIONS_URL}add/"),
        ("an action's inspect page", "plan admin", f"{ACTIONS_URL}inspect/{action.pk}/"),
        ("an action's history", "plan admin", f"{ACTIONS_URL}history/{action.pk}/"),
        ("home of the installation admin", "installation admin", "/admin/"),
        ("home of the plan admin", "plan admin", "/admin/"),
        ("home of the contact person", "contact", "/admin/"),
        ("action listing", "plan admin", ACTIONS_URL),
        ("action listing, page 2", "plan admin", f"{ACTIONS_URL}?p=2"),
        ("action search", "plan admin", f"{ACTIONS_URL}?q=päästöjen"),
        ("action listing of the contact", "contact", ACTIONS_URL),
        ("action listing of all plans", "installation admin", ACTIONS_URL),
        ("action chooser", "plan admin", CHOOSER_URL),
        ("action chooser search", "plan admin", f"{CHOOSER_URL}results/?q=päästöjen"),
        ("people", "plan admin", PEOPLE_URL),
        ("edit a person", "plan admin", f"{PEOPLE_URL}edit/{person.pk}/"),
        ("new person", "plan admin", f"{PEOPLE_URL}add/"),
        ("organisations", "plan admin", "/admin/snippets/orgs/organization/"),
        ("categories", "plan admin", CATEGORIES_URL),
        ("indicators", "plan admin", "/admin/snippets/indicators/indicator/"),
        ("action fields", "plan admin", FIELDS_URL),
        ("edit an action field", "plan admin", f"{FIELDS_URL}edit/{people['field'].pk}/"),
    ]


def count_queries(client, url: str) -> tuple[int, str]:
    client.get(url)  # the first view may fill caches (thumbnails, the session)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


def walk(client, plan, size: int, installation_admin) -> dict[str, tuple[int, int]]:
    """Each screen's queries, and the number of choices it offers (options and boxes)."""
    people = {**people_of(plan, size), "installation admin": installation_admin}
    counts = {}
    for screen, who, url in screens(people):
        client.force_login(people[who])
        queries, html = count_queries(client, url)
        choices = BeautifulSoup(html, "html.parser").select("option, input[type=checkbox]")
        # The installation admin's filters offer each plan (and its statuses): they grow
        # with the number of plans, not with their size.
        counts[screen] = (queries, None if who == "installation admin" else len(choices))
    return counts


def test_every_admin_screen_issues_the_same_queries_at_150_and_1500_actions(client):
    installation_admin = make_user("root", is_superuser=True, is_staff=True)
    results = []
    for size in SIZES:
        # The installation admin works in all plans: first the small one, then both.
        plan = generate_plan(f"plan{size}", size)
        scopes.choose_working_plan(installation_admin, None)
        results.append(walk(client, plan, size, installation_admin))
    # (queries, choices): neither grows with the plan.
    small, large = results
    growing = {
        screen: (small[screen], large[screen]) for screen in small if small[screen] != large[screen]
    }
    assert not growing, growing
    over = {screen: count for screen, (count, _n) in large.items() if count > QUERY_BUDGET}
    assert not over, over


def test_the_action_form_costs_the_same_with_1_and_20_plan_fields(client, world):
    """The plan's own fields (issue 24) are read at once: the edit page of an action
    with a value in each field, and a new action's page, issue as many queries with
    one field as with twenty."""
    from tests.factories import PlanFactory, make_action

    counts = {}
    for count in (1, 20):
        plan = PlanFactory(identifier=f"fields{count}", name_fi=f"Kentät {count}")
        Role.objects.create(user=world.users["plan_admin"], plan=plan, kind=Role.Kind.PLAN_ADMIN)
        action = make_action(plan, "1", name_fi="Toimenpide")
        add_fields(plan, count, actions=[action])
        client.force_login(world.users["plan_admin"])
        scopes.choose_working_plan(world.users["plan_admin"], plan)
        counts[count] = [
            count_queries(client, url)[0]
            for url in (
                f"{ACTIONS_URL}edit/{action.pk}/",
                f"{ACTIONS_URL}add/",
                "/admin/snippets/actions/actionfield/",
            )
        ]
        html = client.get(f"{ACTIONS_URL}edit/{action.pk}/").content.decode()
        assert html.count('name="plan_field__') >= count
    assert counts[1] == counts[20], counts
    assert max(counts[20]) <= QUERY_BUDGET
