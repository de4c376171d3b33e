"""Organisations and categories as trees in the admin: listed each under its parent in
order; the parent from the same plan (and type); a row cannot be put inside itself; an
organisation in use is not deleted; every change logged."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import ModelLogEntry

from tests.editing.conftest import in_english as as_user
from tests.editing.conftest import submit_editor_form as submit
from tests.factories import CategoryFactory, CategoryTypeFactory, OrganizationFactory
from vahti.orgs.models import Organization
from vahti.plans.models import Category

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

ORGS = "/admin/snippets/orgs/organization/"
CATEGORIES = "/admin/snippets/plans/category/"


def titles(html: str, names: list[str]) -> list[str]:
    """The names in the order the listing shows them."""
    return sorted(names, key=html.index)


def test_the_organisation_listing_is_a_tree_in_order(client, world):
    # The world: Kaupunkiympäristön toimiala > Elinkeino-osasto; and a second division.
    division = Organization.objects.get(plan=world.plan, name_fi="Kaupunkiympäristön toimiala")
    first = OrganizationFactory(plan=world.plan, parent=division, name_fi="Aaa-yksikkö", order=0)
    elo = Organization.objects.get(plan=world.plan, name_fi="Elinkeino-osasto")
    elo.order = 5
    elo.save()
    client = as_user(client, world, "plan_admin")
    html = client.get(ORGS).content.decode()
    order = titles(
        html,
        ["Kaupunkiympäristön toimiala", "Aaa-yksikkö", "Elinkeino-osasto"],
    )
    assert order == ["Kaupunkiympäristön toimiala", "Aaa-yksikkö", "Elinkeino-osasto"]
    # Children are indented under their parent.
    assert '<span aria-hidden="true">— </span>' in html
    assert first.name_fi in html and "Elo" in html  # abbreviations listed


def test_the_plan_admin_adds_an_organisation_under_another(client, world):
    client = as_user(client, world, "plan_admin")
    division = Organization.objects.get(plan=world.plan, name_fi="Kaupunkiympäristön toimiala")
    answer = submit(
        client,
        ORGS + "add/",
        plan=str(world.plan.pk),
        parent=str(division.pk),
        identifier="ymp",
        name_fi="Ympäristöpalvelut",
        abbreviation_fi="Ymp",
    )
    assert answer.status_code == 302, answer.context["form"].errors
    created = Organization.objects.get(plan=world.plan, identifier="ymp")
    assert (created.parent, created.abbreviation_fi) == (division, "Ymp")
    assert ModelLogEntry.objects.filter(object_id=str(created.pk), action="wagtail.create").exists()


def test_an_organisation_cannot_be_inside_itself_nor_under_another_plans(client, world):
    client = as_user(client, world, "plan_admin")
    division = Organization.objects.get(plan=world.plan, name_fi="Kaupunkiympäristön toimiala")
    elo = Organization.objects.get(plan=world.plan, name_fi="Elinkeino-osasto")
    foreign = OrganizationFactory(plan=world.other_plan, name_fi="Vieras")
    answer = submit(client, f"{ORGS}edit/{division.pk}/", parent=str(elo.pk))
    assert answer.status_code == 200
    with translation.override("en"):
        assert "cannot be inside itself" in str(answer.context["form"].errors["parent"])
    answer = submit(client, f"{ORGS}edit/{division.pk}/", parent=str(foreign.pk))
    assert answer.status_code == 200
    assert "parent" in answer.context["form"].errors
    division.refresh_from_db()
    assert division.parent is None


def test_an_organisation_in_use_is_not_deleted(client, world):
    client = as_user(client, world, "plan_admin")
    elo = Organization.objects.get(plan=world.plan, name_fi="Elinkeino-osasto")
    page = client.get(f"{ORGS}delete/{elo.pk}/").content.decode()
    assert "cannot be deleted because it is in use by" in page
    client.post(f"{ORGS}delete/{elo.pk}/")
    assert Organization.objects.filter(pk=elo.pk).exists()


@pytest.mark.parametrize("who", ["other_plan_admin", "contact_126"])
def test_others_cannot_change_the_plans_organisations(client, world, who):
    client = as_user(client, world, who)
    elo = Organization.objects.get(plan=world.plan, name_fi="Elinkeino-osasto")
    assert client.get(f"{ORGS}edit/{elo.pk}/").status_code in (302, 403, 404)
    client.post(f"{ORGS}edit/{elo.pk}/", {"name_fi": "Kaapattu", "identifier": "x"})
    elo.refresh_from_db()
    assert elo.name_fi == "Elinkeino-osasto"


def test_the_category_listing_is_a_tree_per_type(client, world):
    theme = world.action_126.categories.get()
    child = CategoryFactory(plan=world.plan, type=theme.type, parent=theme, name_fi="Alateema")
    later = CategoryFactory(plan=world.plan, type=theme.type, name_fi="Myöhempi", order=9)
    client = as_user(client, world, "plan_admin")
    html = client.get(CATEGORIES).content.decode()
    assert titles(html, [theme.name_fi.replace("&", "&amp;"), "Alateema", "Myöhempi"]) == [
        theme.name_fi.replace("&", "&amp;"),
        "Alateema",
        "Myöhempi",
    ]
    assert '<span aria-hidden="true">— </span>' in html
    assert child.parent == theme and later.parent is None


def test_a_category_cannot_be_inside_itself_nor_under_another_plans(client, world):
    theme = world.action_126.categories.get()
    child = CategoryFactory(plan=world.plan, type=theme.type, parent=theme, name_fi="Alateema")
    foreign = CategoryFactory(
        plan=world.other_plan,
        type=CategoryTypeFactory(plan=world.other_plan),
        name_fi="Vieras teema",
    )
    client = as_user(client, world, "plan_admin")
    answer = submit(client, f"{CATEGORIES}edit/{theme.pk}/", parent=str(child.pk))
    assert answer.status_code == 200
    with translation.override("en"):
        assert "cannot be inside itself" in str(answer.context["form"].errors["parent"])
    answer = submit(client, f"{CATEGORIES}edit/{theme.pk}/", parent=str(foreign.pk))
    assert answer.status_code == 200
    assert "parent" in answer.context["form"].errors
    theme.refresh_from_db()
    assert theme.parent is None
    answer = submit(client, f"{CATEGORIES}edit/{child.pk}/", order="4")
    assert answer.status_code == 302
    assert Category.objects.get(pk=child.pk).order == 4
    assert ModelLogEntry.objects.filter(object_id=str(child.pk), action="wagtail.edit").exists()


def test_a_category_with_actions_is_not_deleted(client, world):
    theme = world.action_126.categories.get()
    client = as_user(client, world, "plan_admin")
    page = client.get(f"{CATEGORIES}delete/{theme.pk}/").content.decode()
    assert "cannot be deleted because it is in use by actions (1): 126" in page
    client.post(f"{CATEGORIES}delete/{theme.pk}/")
    assert Category.objects.filter(pk=theme.pk).exists()


def test_the_tree_listings_queries_do_not_grow_with_the_tree(client, world):
    client = as_user(client, world, "plan_admin")
    theme = world.action_126.categories.get()
    counts = []
    for _round in range(2):
        with CaptureQueriesContext(connection) as orgs:
            assert client.get(ORGS).status_code == 200
        with CaptureQueriesContext(connection) as categories:
            assert client.get(CATEGORIES).status_code == 200
        counts.append((len(orgs), len(categories)))
        parent = Organization.objects.filter(plan=world.plan).first()
        for number in range(10):
            OrganizationFactory(plan=world.plan, parent=parent, name_fi=f"Yksikkö {number}")
            CategoryFactory(plan=world.plan, type=theme.type, parent=theme, name_fi=f"Ala {number}")
    assert counts[0] == counts[1]
