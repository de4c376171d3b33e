"""The plan's own action fields in the admin (issue 24): its plan admin defines them with
their options, in the plan's working scope; nobody else sees the screens; a kind or
category type is not changed under values; what actions use is not deleted."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.editing.conftest import client_for, form_data, in_english
from tests.editing.conftest import submit_editor_form as submit
from tests.editing.field_world import make_fields
from tests.factories import CategoryTypeFactory
from vahti.actions.models import ActionField, ActionFieldOption, ActionFieldValue

pytestmark = pytest.mark.django_db

FIELDS = "/admin/snippets/actions/actionfield/"


def text_of(response) -> str:
    return BeautifulSoup(response.content.decode(), "html.parser").get_text(" ", strip=True)


@pytest.fixture
def admin(client, world):
    return in_english(client, world, "plan_admin")


def test_the_plan_admin_adds_a_choice_field_with_its_options(admin, world):
    response = submit(
        admin,
        FIELDS + "add/",
        identifier="funding",
        kind="ordered_choice",
        order="3",
        name_fi="Rahoitus",
        name_sv="Finansiering",
        help_text_fi="Mistä rahat tulevat.",
        is_required="on",
        **{
            "options-TOTAL_FORMS": "2",
            "options-0-identifier": "eu",
            "options-0-order": "1",
            "options-0-name_fi": "EU-rahoitus",
            "options-0-ORDER": "1",
            "options-1-identifier": "city",
            "options-1-order": "2",
            "options-1-name_fi": "Kaupungin budjetti",
            "options-1-ORDER": "2",
        },
    )
    assert response.status_code == 302, text_of(response)
    field = ActionField.objects.get(identifier="funding")
    assert field.plan == world.plan and field.kind == "ordered_choice"
    assert (field.name_sv, field.help_text_fi, field.is_required) == (
        "Finansiering",
        "Mistä rahat tulevat.",
        True,
    )
    assert [(o.identifier, o.name_fi, o.plan_id) for o in field.options.all()] == [
        ("eu", "EU-rahoitus", world.plan.pk),
        ("city", "Kaupungin budjetti", world.plan.pk),
    ]
    listing = text_of(admin.get(FIELDS))
    assert "Rahoitus" in listing and "funding" in listing


def test_a_category_field_offers_the_plans_own_types_only(admin, world):
    own = CategoryTypeFactory(plan=world.plan, identifier="sector", is_primary=False)
    foreign = CategoryTypeFactory(plan=world.other_plan, identifier="sector")
    page = admin.get(FIELDS + "add/").content.decode()
    offered = {
        o.get("value")
        for o in BeautifulSoup(page, "html.parser").select("select[name=category_type] option")
    }
    assert str(own.pk) in offered and str(foreign.pk) not in offered
    response = submit(
        admin,
        FIELDS + "add/",
        identifier="sector",
        kind="category",
        name_fi="Sektori",
        category_type=str(foreign.pk),
    )
    assert response.status_code == 200
    assert "Select a valid choice" in text_of(response)
    response = submit(
        admin, FIELDS + "add/", identifier="sector", kind="category", name_fi="Sektori"
    )
    assert "Choose the category type a category field offers." in text_of(response)
    assert not ActionField.objects.filter(identifier="sector").exists()


def test_the_identifier_is_unique_in_the_plan(admin, world):
    make_fields(world.plan)
    response = submit(admin, FIELDS + "add/", identifier="cost", kind="number", name_fi="Toinen")
    assert response.status_code == 200
    assert "The plan already has a field with this identifier." in text_of(response)


@pytest.mark.parametrize("who", ["viewer", "organization_admin", "contact_126", "other_plan_admin"])
def test_nobody_but_the_plans_admins_sees_or_changes_the_fields(client, world, who):
    fields = make_fields(world.plan)
    client = client_for(client, world, who)
    home = client.get("/admin/").content.decode()
    # Another plan's admin has the menu item, for their own plan's fields.
    assert (FIELDS in home) == (who == "other_plan_admin")
    for url in (
        FIELDS + f"edit/{fields.cost.pk}/",
        FIELDS + f"delete/{fields.cost.pk}/",
        FIELDS + f"history/{fields.cost.pk}/",
    ):
        assert refused(client.get(url)), url
    listing = client.get(FIELDS)
    assert refused(listing) or "Kustannusarvio" not in listing.content.decode()
    if who != "other_plan_admin":
        assert refused(client.get(FIELDS + "add/"))
    assert refused(client.post(FIELDS + f"delete/{fields.cost.pk}/"))
    assert refused(client.post(FIELDS + f"edit/{fields.cost.pk}/", {"kind": "text"}))
    assert ActionField.objects.get(pk=fields.cost.pk).kind == "number"


def refused(response) -> bool:
    """403, 404, or Wagtail's “no access” (a redirect to the admin's home)."""
    if response.status_code == 302:
        return response["Location"] == "/admin/"
    return response.status_code in (403, 404)


def test_the_plan_admin_has_the_menu_item(client, world):
    client = client_for(client, world, "plan_admin")
    assert FIELDS in client.get("/admin/").content.decode()


def test_the_kind_is_not_changed_while_actions_have_values(admin, world):
    fields = make_fields(world.plan)
    ActionFieldValue.objects.create(action=world.action_126, field=fields.cost, number=5)
    url = FIELDS + f"edit/{fields.cost.pk}/"
    response = submit(admin, url, kind="text")
    assert response.status_code == 200
    text = text_of(response)
    assert "This cannot be changed while actions have values of the field" in text
    assert "126" in text
    assert ActionField.objects.get(pk=fields.cost.pk).kind == "number"
    # Without values it can.
    assert submit(admin, FIELDS + f"edit/{fields.decided.pk}/", kind="text").status_code == 302


def option_row(data: dict, option) -> str:
    """The inline row (its index) of ``option`` in the field's form."""
    return next(
        key.split("-")[1]
        for key, value in data.items()
        if key.startswith("options-") and key.endswith("-id") and value == [str(option.pk)]
    )


def test_an_option_that_actions_chose_is_not_deleted(admin, world):
    fields = make_fields(world.plan)
    eu, city = fields.options["eu"], fields.options["city"]
    ActionFieldValue.objects.create(action=world.action_126, field=fields.funding, option=eu)
    url = FIELDS + f"edit/{fields.funding.pk}/"
    loaded = form_data(admin.get(url).content.decode(), "w-editor-form")
    response = admin.post(url, {**loaded, f"options-{option_row(loaded, eu)}-DELETE": ["1"]})
    assert response.status_code == 200
    assert "The option “EU-rahoitus” cannot be deleted because actions have chosen it" in (
        text_of(response)
    )
    assert ActionFieldOption.objects.filter(pk=eu.pk).exists()
    # An unused option goes.
    response = admin.post(url, {**loaded, f"options-{option_row(loaded, city)}-DELETE": ["1"]})
    assert response.status_code == 302
    assert not ActionFieldOption.objects.filter(pk=city.pk).exists()


def test_a_field_that_actions_have_values_of_is_not_deleted(admin, world):
    fields = make_fields(world.plan)
    ActionFieldValue.objects.create(
        action=world.action_126, field=fields.funding, option=fields.options["eu"]
    )
    url = FIELDS + f"delete/{fields.funding.pk}/"
    page = admin.get(url)
    assert page.status_code == 200
    assert "“Rahoitus” cannot be deleted because it is in use by actions (1): 126" in (
        text_of(page)
    )
    response = admin.post(url)
    assert response.status_code == 302
    assert ActionField.objects.filter(pk=fields.funding.pk).exists()
    # A field without values is deleted, with its options.
    assert admin.post(FIELDS + f"delete/{fields.priority.pk}/").status_code == 302
    assert not ActionField.objects.filter(pk=fields.priority.pk).exists()
    assert not ActionFieldOption.objects.filter(field_id=fields.priority.pk).exists()
