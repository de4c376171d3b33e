"""The admin's choosers, listings, filters, bulk actions and form choices show a user
only their own plans' rows: a second plan's admin and a contact person each try the
screens that named the first plan's objects (issue 20, items 1 and 2), and the first
plan's own editors still find what they need there."""

import pytest

from tests.editing.leak_world import MARKER, SEARCH_WORD, build_leak_world
from tests.factories import CategoryTypeFactory, PersonFactory
from vahti.access.models import Role
from vahti.indicators.models import Dimension, Scenario
from vahti.orgs.models import Person
from vahti.plans.models import Category

pytestmark = pytest.mark.django_db


@pytest.fixture
def leak_world(db):
    return build_leak_world()


def page_text(response) -> str:
    return response.content.decode().lower()


def as_user(client, leak_world, who):
    client.force_login(leak_world.users[who])
    return client


@pytest.mark.parametrize("who", ["other_plan_admin", "other_contact_person"])
def test_choosers_neither_list_nor_find_nor_name_another_plans_rows(client, leak_world, who):
    client = as_user(client, leak_world, who)
    role_results = client.get("/admin/snippets/choose/access/role/results/?q=")
    assert role_results.status_code == 200
    assert "qzleak.salaisuus@example.invalid" not in page_text(role_results)
    found = client.get(f"/admin/snippets/choose/indicators/indicator/results/?q={SEARCH_WORD}")
    assert MARKER not in page_text(found)
    person = leak_world.objects[Person][0]
    assert client.get(f"/admin/snippets/choose/orgs/person/chosen/{person.pk}/").status_code == 404
    for model in (Category, Dimension, Scenario):
        app, name = model._meta.app_label, model._meta.model_name
        chosen = client.get(
            f"/admin/snippets/choose/{app}/{name}/chosen/{leak_world.objects[model][0].pk}/"
        )
        assert chosen.status_code == 404, name


def test_a_second_plans_admin_lists_and_filters_only_their_plan(client, leak_world):
    client = as_user(client, leak_world, "other_plan_admin")
    Dimension.objects.create(plan=leak_world.other_plan, identifier="oma", name_fi="Oma jaottelu")
    for url in ("/admin/snippets/indicators/dimension/", "/admin/snippets/indicators/scenario/"):
        listing = client.get(url)
        assert listing.status_code == 200
        assert MARKER not in page_text(listing), url
        # The plan is implied (their only plan): no plan filter, no plan column.
        assert 'name="plan"' not in page_text(listing)
    assert "oma jaottelu" in page_text(client.get("/admin/snippets/indicators/dimension/"))


def test_a_new_objects_form_offers_only_the_editors_plans(client, leak_world):
    client = as_user(client, leak_world, "other_plan_admin")
    CategoryTypeFactory(plan=leak_world.other_plan, name_fi="Oma teematyyppi")
    form = client.get("/admin/snippets/plans/category/add/")
    assert form.status_code == 200
    assert MARKER not in page_text(form)
    assert "oma teematyyppi" in page_text(form)


@pytest.mark.parametrize("who", ["other_plan_admin", "other_contact_person"])
def test_bulk_action_confirmations_do_not_name_another_plans_objects(client, leak_world, who):
    client = as_user(client, leak_world, who)
    for model in (Category, Person, Role, Dimension, Scenario, *leak_world.objects):
        ids = "&".join(f"id={obj.pk}" for obj in leak_world.objects.get(model, []))
        app, name = model._meta.app_label, model._meta.model_name
        response = client.get(f"/admin/bulk/{app}/{name}/delete/?{ids}")
        assert response.status_code in (302, 403, 404), name
        assert MARKER not in page_text(response), name


def test_the_plans_own_admin_still_sees_and_chooses_its_rows(client, leak_world):
    secret_admin = leak_world.objects[Role][0].user
    client.force_login(secret_admin)
    person = leak_world.objects[Person][0]
    chosen = client.get(f"/admin/snippets/choose/orgs/person/chosen/{person.pk}/")
    assert chosen.status_code == 200 and "qzleak salaisuus" in page_text(chosen)
    confirm = client.get(f"/admin/bulk/orgs/person/delete/?id={person.pk}")
    assert confirm.status_code == 200 and "qzleak salaisuus" in page_text(confirm)
    assert MARKER in page_text(client.get("/admin/snippets/indicators/dimension/"))


def test_a_contact_person_chooses_among_their_own_plans_people(client, leak_world):
    """A contact person names a news post's author: the chooser lists their plan's
    people, no one else's."""
    client = as_user(client, leak_world, "other_contact_person")
    PersonFactory(plan=leak_world.other_plan, first_name="Oona", last_name="Oma")
    results = client.get("/admin/snippets/choose/orgs/person/results/?q=")
    assert results.status_code == 200
    assert "oona oma" in page_text(results)
    assert MARKER not in page_text(results)


def test_a_new_objects_choices_come_from_the_plans_it_may_be_added_to(client, leak_world):
    """The second plan's admin is also a contact person in the marked plan: a new
    category (only addable to their own plan) offers their plan's category types and
    parents alone, and a new action their plan's categories alone."""
    admin = leak_world.users["other_plan_admin"]
    PersonFactory(plan=leak_world.marked_plan, user=admin, first_name="Kaksois")
    client.force_login(admin)
    for url in ("/admin/snippets/plans/category/add/", "/admin/snippets/actions/action/add/"):
        form = client.get(url)
        assert form.status_code == 200, url
        assert MARKER not in page_text(form), url
