"""Plans kept apart in the admin (issue 21, scope 3): someone in two plans works in one
at a time, chosen and remembered; everything the admin lists, offers, finds and adds is of
that plan. Installation admins may work in all plans, with a plan column and filter."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model

from tests.conftest import make_user
from tests.editing.conftest import ACTIONS_URL, CATEGORIES_URL, form_data
from tests.factories import (
    ActionStatusFactory,
    CategoryFactory,
    CategoryTypeFactory,
    OrganizationFactory,
    PersonFactory,
    make_action,
)
from vahti.access.models import Role, WorkingPlan
from vahti.plans.models import Category

pytestmark = pytest.mark.django_db

SWITCH_URL = "/admin/working-plan/"
PEOPLE_URL = "/admin/snippets/orgs/person/"


@pytest.fixture
def two_plans(world):
    """``world``'s second plan gets content of its own, and a user runs both plans."""
    other = world.other_plan
    status = ActionStatusFactory(plan=other, name_fi="Toisen tila")
    category = CategoryFactory(
        type=CategoryTypeFactory(plan=other, name_fi="Toisen teematyyppi"),
        name_fi="Toisen teema",
    )
    organization = OrganizationFactory(plan=other, name_fi="Toisen osasto")
    person = PersonFactory(plan=other, first_name="Toivo", last_name="Toinen")
    action = make_action(other, "T1", name_fi="Toisen toimenpide", status=status)
    both = make_user("both")
    Role.objects.create(user=both, plan=world.plan, kind="plan_admin")
    Role.objects.create(user=both, plan=other, kind="plan_admin")
    world.users["both"] = both
    world.other = {
        "status": status,
        "category": category,
        "organization": organization,
        "person": person,
        "action": action,
    }
    return world


def text(response) -> str:
    return response.content.decode()


def switch(client, plan, next_url="/admin/"):
    return client.post(SWITCH_URL, {"plan": str(plan.pk) if plan else "all", "next": next_url})


def test_a_user_of_one_plan_sees_no_switcher_and_no_plan_field(client, world):
    client.force_login(world.users["plan_admin"])
    home = text(client.get("/admin/"))
    assert SWITCH_URL not in home
    # The admin says which plan one works in.
    assert "Hiilineutraali Helsinki 2035" in home
    assert client.get(SWITCH_URL).status_code == 404
    for url in (f"{CATEGORIES_URL}add/", f"{ACTIONS_URL}add/", f"{PEOPLE_URL}add/"):
        form = client.get(url)
        assert form.status_code == 200, url
        assert 'name="plan"' not in text(form), url
    listing = text(client.get(CATEGORIES_URL))
    assert 'name="plan"' not in listing
    assert "Toinen kaupunki" not in listing


def test_someone_in_two_plans_works_in_one_and_switches(client, two_plans):
    world = two_plans
    client.force_login(world.users["both"])
    # The first plan (in the plans' order) to start with.
    home = text(client.get("/admin/"))
    assert SWITCH_URL in home and "Hiilineutraali Helsinki 2035" in home
    listing = text(client.get(ACTIONS_URL))
    assert "Elinkeinopolitiikka" in listing and "Toisen toimenpide" not in listing

    response = switch(client, world.other_plan, ACTIONS_URL)
    assert response.status_code == 302 and response["Location"] == ACTIONS_URL
    assert WorkingPlan.objects.get(user=world.users["both"]).plan == world.other_plan
    listing = text(client.get(ACTIONS_URL))
    assert "Toisen toimenpide" in listing and "Elinkeinopolitiikka" not in listing
    # The plan is implied: no plan column or filter; the status filter offers its own.
    assert 'name="plan"' not in listing
    assert "Toisen tila" in listing and "Ajallaan" not in listing
    # Search, other listings, choosers.
    found = text(client.get(f"{ACTIONS_URL}?q=Elinkeinopolitiikka"))
    assert f"{ACTIONS_URL}edit/{world.action_126.pk}/" not in found
    found = text(client.get(f"{ACTIONS_URL}?q=Toisen"))
    assert f"{ACTIONS_URL}edit/{world.other['action'].pk}/" in found
    categories = text(client.get(CATEGORIES_URL))
    assert "Toisen teema" in categories and "Smart &amp; Clean" not in categories
    people = text(client.get("/admin/snippets/choose/orgs/person/results/?q="))
    assert "Toivo" in people and "Mikko" not in people
    smart = Category.objects.get(name_fi="Smart & Clean kasvu")
    assert (
        client.get(f"/admin/snippets/choose/plans/category/chosen/{smart.pk}/").status_code == 404
    )
    # A bulk action names only the working plan's objects.
    bulk = client.get(f"/admin/bulk/actions/action/delete/?id={world.action_126.pk}")
    assert bulk.status_code == 404
    bulk = client.get(f"/admin/bulk/actions/action/delete/?id={world.other['action'].pk}")
    assert bulk.status_code == 200 and "Toisen toimenpide" in text(bulk)
    assert client.get(f"{ACTIONS_URL}edit/{world.other['action'].pk}/").status_code == 200


def test_another_plans_object_by_its_address_is_opened_after_choosing_its_plan(client, two_plans):
    """Not shown mixed: the switcher proposes the object's plan, and the object opens once
    the user works in it. A plan the user has no part in stays refused."""
    world = two_plans
    client.force_login(world.users["both"])
    switch(client, world.other_plan)
    edit_url = f"{ACTIONS_URL}edit/{world.action_126.pk}/"
    response = client.get(edit_url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{SWITCH_URL}?plan={world.plan.pk}&next=")
    page = text(client.get(response["Location"]))
    assert "Elinkeinopolitiikka" not in page
    assert "Avaamasi kohde on suunnitelmassa ”Hiilineutraali Helsinki 2035”" in page
    checked = BeautifulSoup(page, "html.parser").select("main input[name=plan][checked]")
    assert [radio["value"] for radio in checked] == [str(world.plan.pk)]
    # Nothing changed by looking; a POST to the other plan's object is not found.
    assert WorkingPlan.objects.get(user=world.users["both"]).plan == world.other_plan
    assert client.post(edit_url, {}).status_code == 404
    chosen = switch(client, world.plan, edit_url)
    assert chosen["Location"] == edit_url
    assert "Elinkeinopolitiikka" in text(client.get(edit_url))
    # A second plan's admin (no part in the first plan) is refused as before.
    client.force_login(world.users["other_plan_admin"])
    refused = client.get(edit_url)
    assert refused.status_code == 302 and refused["Location"] == "/admin/"


def test_the_choice_is_remembered_across_logins(client, two_plans):
    world = two_plans
    client.force_login(world.users["both"])
    switch(client, world.other_plan)
    client.logout()
    client.login(username="both", password="a-long-test-password")
    home = text(client.get("/admin/"))
    assert "Toinen kaupunki" in home
    assert "Toisen toimenpide" in text(client.get(ACTIONS_URL))


def test_the_switch_refuses_other_plans_and_unsafe_addresses(client, two_plans):
    world = two_plans
    client.force_login(world.users["both"])
    elsewhere = type(world.plan).objects.create(identifier="kolmas", name_fi="Kolmas")
    refused = client.post(SWITCH_URL, {"plan": str(elsewhere.pk)})
    assert refused.status_code == 200
    assert "plan" in refused.context["form"].errors
    refused = client.post(SWITCH_URL, {"plan": "all"})
    assert refused.status_code == 200 and "plan" in refused.context["form"].errors
    response = switch(client, world.other_plan, "https://evil.example/admin/")
    assert response["Location"] == "/admin/"
    assert WorkingPlan.objects.get(user=world.users["both"]).plan == world.other_plan


def test_a_new_object_goes_to_the_working_plan_without_asking(client, two_plans):
    world = two_plans
    client.force_login(world.users["both"])
    switch(client, world.other_plan)
    page = text(client.get(f"{CATEGORIES_URL}add/"))
    assert 'name="plan"' not in page
    assert "Toisen teematyyppi" in page and "Smart &amp; Clean" not in page
    data = form_data(page, "w-editor-form")
    data.update(
        {
            "type": [str(world.other["category"].type_id)],
            "identifier": ["uusi"],
            "name_fi": ["Uusi teema"],
        }
    )
    response = client.post(f"{CATEGORIES_URL}add/", data)
    assert response.status_code == 302
    assert Category.objects.get(identifier="uusi").plan == world.other_plan


def test_installation_admins_see_the_plan_and_may_work_in_all_plans(client, two_plans):
    world = two_plans
    admin = get_user_model().objects.create_superuser("root", "root@example.invalid", "pw-long-1")
    client.force_login(admin)
    # Several plans: all of them to start with.
    page = text(client.get(SWITCH_URL))
    assert 'value="all"' in page
    listing = text(client.get(ACTIONS_URL))
    assert "Toisen toimenpide" in listing and "Elinkeinopolitiikka" in listing
    assert 'name="plan"' in listing  # the plan filter
    assert "Toinen kaupunki" in listing  # the plan column
    # Working in all plans, a new object's plan is asked.
    assert 'name="plan"' in text(client.get(f"{CATEGORIES_URL}add/"))
    switch(client, world.plan)
    listing = text(client.get(ACTIONS_URL))
    assert "Toisen toimenpide" not in listing and 'name="plan"' in listing
    assert 'name="plan"' not in text(client.get(f"{CATEGORIES_URL}add/"))


def _errors(response) -> dict:
    assert response.status_code == 200
    return response.context["form"].errors


def test_forged_other_plan_choices_are_form_errors_in_the_working_plan(client, two_plans):
    """Each plan-content form, sent with the other plan's ids: a form error naming the
    field, nothing saved."""
    world = two_plans
    client.force_login(world.users["both"])  # works in the first plan
    other = world.other
    before = Category.objects.count()
    page = text(client.get(f"{CATEGORIES_URL}add/"))
    data = form_data(page, "w-editor-form")
    data.update(
        {
            "type": [str(other["category"].type_id)],
            "parent": [str(other["category"].pk)],
            "identifier": ["vaara"],
            "name_fi": ["Väärä"],
        }
    )
    errors = _errors(client.post(f"{CATEGORIES_URL}add/", data))
    assert {"type", "parent"} <= set(errors)
    assert Category.objects.count() == before

    edit_url = f"{ACTIONS_URL}edit/{world.action_126.pk}/"
    data = form_data(text(client.get(edit_url)), "w-editor-form")
    data.update(
        {
            "status": [str(other["status"].pk)],
            "categories": [str(other["category"].pk)],
            "related_actions": [str(other["action"].pk)],
        }
    )
    errors = _errors(client.post(edit_url, data))
    assert {"status", "categories", "related_actions"} <= set(errors)
    world.action_126.refresh_from_db()
    assert world.action_126.status.plan == world.plan

    data = form_data(text(client.get(f"{PEOPLE_URL}add/")), "w-editor-form")
    data.update(
        {
            "first_name": ["Väärä"],
            "last_name": ["Henkilö"],
            "organization": [str(other["organization"].pk)],
            "contact_for": [str(other["action"].pk)],
        }
    )
    errors = _errors(client.post(f"{PEOPLE_URL}add/", data))
    assert {"organization", "contact_for"} <= set(errors)
    assert not world.plan.people.filter(last_name="Henkilö").exists()


def test_forged_other_plan_choices_are_form_errors_in_all_plans(client, two_plans):
    """An installation admin working in all plans is offered every plan's rows: a choice
    of another plan than the one chosen is a form error too, not the database's refusal."""
    world = two_plans
    admin = get_user_model().objects.create_superuser("root", "root@example.invalid", "pw-long-1")
    client.force_login(admin)
    other = world.other
    data = form_data(text(client.get(f"{CATEGORIES_URL}add/")), "w-editor-form")
    data.update(
        {
            "plan": [str(world.plan.pk)],
            "type": [str(other["category"].type_id)],
            "identifier": ["vaara"],
            "name_fi": ["Väärä"],
        }
    )
    errors = _errors(client.post(f"{CATEGORIES_URL}add/", data))
    assert "type" in errors
    assert "Toinen kaupunki" in str(errors["type"])
    assert not Category.objects.filter(identifier="vaara").exists()

    data = form_data(text(client.get(f"{ACTIONS_URL}add/")), "w-editor-form")
    data.update(
        {
            "plan": [str(world.plan.pk)],
            "identifier": ["V1"],
            "name_fi": ["Väärä toimenpide"],
            "categories": [str(other["category"].pk)],
            "responsible_parties-TOTAL_FORMS": ["1"],
            "responsible_parties-INITIAL_FORMS": ["0"],
            "responsible_parties-0-organization": [str(other["organization"].pk)],
            "responsible_parties-0-role": ["primary"],
            "responsible_parties-0-ORDER": ["1"],
        }
    )
    response = client.post(f"{ACTIONS_URL}add/", data)
    errors = _errors(response)
    assert "categories" in errors
    assert "Toisen osasto" in str(errors)
    assert not world.plan.actions.filter(identifier="V1").exists()


def test_working_in_a_plan_one_only_views_adds_nothing_to_it(client, two_plans):
    world = two_plans
    viewer = world.users["viewer"]
    Role.objects.create(user=viewer, plan=world.other_plan, kind="plan_admin")
    client.force_login(viewer)
    switch(client, world.plan)
    assert client.get(f"{CATEGORIES_URL}add/").status_code in (302, 403)
    switch(client, world.other_plan)
    assert client.get(f"{CATEGORIES_URL}add/").status_code == 200
