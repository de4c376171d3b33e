"""The plan's own fields in the action form (issue 24): each kind stored through the form,
invalid values and other plans' choices refused with a message and the input kept, a
required field left empty refused naming it in the editor's language, the values in
drafts, revisions, their comparison and reverting, on a new action too, and in the
conflict check of two editors."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from tests.editing.conftest import ACTIONS_URL, form_data, in_english
from tests.editing.field_world import make_fields
from tests.factories import CategoryFactory, CategoryTypeFactory
from vahti.actions.models import Action, ActionField, ActionFieldOption, ActionFieldValue

pytestmark = pytest.mark.django_db


def edit_url(action) -> str:
    return f"{ACTIONS_URL}edit/{action.pk}/"


def rich(text: str) -> str:
    """What the rich-text editor posts for one paragraph."""
    block = {
        "key": "a1b2c",
        "type": "unstyled",
        "depth": 0,
        "text": text,
        "inlineStyleRanges": [],
        "entityRanges": [],
    }
    return json.dumps({"blocks": [block], "entityMap": {}})


def post(client, url: str, publish: bool = True, loaded: dict | None = None, **values):
    data = loaded or form_data(client.get(url).content.decode(), "w-editor-form")
    data.update({f"plan_field__{k}": [v] for k, v in values.items()})
    if publish:
        data["action-publish"] = ["publish"]
    return client.post(url, data)


def text_of(response) -> str:
    return BeautifulSoup(response.content.decode(), "html.parser").get_text(" ", strip=True)


def value_of(action, field) -> ActionFieldValue | None:
    return ActionFieldValue.objects.filter(action=action, field=field).first()


@pytest.fixture
def fields(world):
    return make_fields(world.plan)


@pytest.fixture
def admin(client, world):
    return in_english(client, world, "plan_admin")


def valid_values(fields) -> dict:
    return {
        "summary__fi": "Pyöräilyä lisätään.",
        "summary__sv": "Cyklingen ökar.",
        "background__fi": rich("Taustaa päätökselle"),
        "cost": "1200.50",
        "decided": "2025-03-01",
        "flagship": "yes",
        "funding": str(fields.options["eu"].pk),
        "priority": str(fields.options["high"].pk),
        "sector": str(fields.categories["heating"].pk),
    }


def test_the_form_shows_the_plans_fields_in_order_in_a_tab_of_their_own(admin, world, fields):
    html = admin.get(edit_url(world.action_126)).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    # Found by its inputs: Wagtail makes a tab's id of its heading in the language of
    # the process's first request, so the id is not the same in every test run.
    panel = soup.select_one("[name=plan_field__cost]").find_parent(attrs={"role": "tabpanel"})
    tab = soup.find(id=panel["aria-labelledby"])
    assert tab is not None and "Plan's own fields" in tab.get_text()
    labels = [label.get_text(" ", strip=True) for label in panel.select("label.w-field__label")]
    assert labels[:3] == [
        "Tiivistelmä (Finnish)",
        "Tiivistelmä (Swedish)",
        "Tiivistelmä (English)",
    ]
    assert labels[6:] == [
        "Cost estimate (€)",
        "Päätöspäivä",
        "Kärkihanke",
        "Rahoitus",
        "Kiireellisyys",
        "Sektori",
    ]
    assert "Koko toimenpiteen arvioidut kustannukset." in panel.get_text()
    # Each input once: in its tab, not again after the tabs.
    assert html.count('name="plan_field__cost"') == 1
    funding = [o.get_text() for o in panel.select("select[name=plan_field__funding] option")]
    assert funding == ["---------", "EU-rahoitus", "Kaupungin budjetti"]
    sectors = [o.get_text() for o in panel.select("select[name=plan_field__sector] option")]
    assert sectors == ["---------", "Liikenne", "Lämmitys"]
    assert panel.select_one("[name=plan_field__background__fi][data-draftail-input]")


def test_a_plan_without_fields_has_no_such_tab(admin, world):
    html = admin.get(edit_url(world.action_126)).content.decode()
    assert "plans_own_fields" not in html


def test_every_kind_is_stored_through_the_form_and_shown_again(admin, world, fields):
    action = world.action_126
    response = post(admin, edit_url(action), **valid_values(fields))
    assert response.status_code == 302, text_of(response)
    assert value_of(action, fields.summary).text_fi == "Pyöräilyä lisätään."
    assert value_of(action, fields.summary).text_sv == "Cyklingen ökar."
    assert "Taustaa päätökselle" in value_of(action, fields.background).rich_text_fi
    assert value_of(action, fields.cost).number == Decimal("1200.5")
    assert value_of(action, fields.decided).date == datetime.date(2025, 3, 1)
    assert value_of(action, fields.flagship).yes_no is True
    assert value_of(action, fields.funding).option == fields.options["eu"]
    assert value_of(action, fields.priority).option == fields.options["high"]
    assert value_of(action, fields.sector).category == fields.categories["heating"]

    again = form_data(admin.get(edit_url(action)).content.decode(), "w-editor-form")
    assert again["plan_field__summary__fi"] == ["Pyöräilyä lisätään."]
    assert Decimal(again["plan_field__cost"][0]) == Decimal("1200.5")
    assert again["plan_field__flagship"] == ["yes"]
    assert again["plan_field__sector"] == [str(fields.categories["heating"].pk)]

    # Emptied: the value is gone; "no" is a value of its own.
    response = post(admin, edit_url(action), cost="", flagship="no", summary__fi="", summary__sv="")
    assert response.status_code == 302, text_of(response)
    assert value_of(action, fields.cost) is None and value_of(action, fields.summary) is None
    assert value_of(action, fields.flagship).yes_no is False


def test_a_number_is_written_with_a_decimal_comma_in_finnish(client, world, fields):
    client.force_login(world.users["plan_admin"])
    response = post(client, edit_url(world.action_126), cost="1200,5")
    assert response.status_code == 302
    assert value_of(world.action_126, fields.cost).number == Decimal("1200.5")


def other_choices(world, fields) -> dict:
    """Choices that are not the field's own: another field's option, another plan's
    option and category, a category of another type."""
    foreign_field = ActionField.objects.create(
        plan=world.other_plan, identifier="funding", kind="choice", name_fi="Rahoitus"
    )
    foreign_option = ActionFieldOption.objects.create(
        field=foreign_field, identifier="eu", name_fi="EU"
    )
    foreign_type = CategoryTypeFactory(plan=world.other_plan)
    return {
        "another field's option": ("funding", fields.options["high"].pk),
        "another plan's option": ("funding", foreign_option.pk),
        "another type's category": ("sector", world.action_126.categories.get().pk),
        "another plan's category": (
            "sector",
            CategoryFactory(plan=world.other_plan, type=foreign_type).pk,
        ),
    }


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("cost", "paljon", "Enter a number."),
        ("cost", "1" * 17, "Ensure that there are no more than 16 digits before the decimal"),
        ("decided", "2025-02-31", "Enter a valid date."),
        ("flagship", "maybe", "Select a valid choice."),
        ("priority", "not-a-number", "Select a valid choice."),
    ],
)
def test_an_invalid_value_is_refused_with_a_message_and_the_input_kept(
    admin, world, fields, name, value, message
):
    action = world.action_126
    response = post(admin, edit_url(action), summary__fi="Säilyy lomakkeella", **{name: value})
    assert response.status_code == 200
    assert message in text_of(response)
    kept = form_data(response.content.decode(), "w-editor-form")
    assert kept["plan_field__summary__fi"] == ["Säilyy lomakkeella"]
    assert not ActionFieldValue.objects.filter(action=action).exists()


def test_choices_of_another_field_type_or_plan_are_refused(admin, world, fields):
    action = world.action_126
    for what, (name, pk) in other_choices(world, fields).items():
        response = post(admin, edit_url(action), **{name: str(pk)})
        assert response.status_code == 200, what
        assert "Select a valid choice." in text_of(response), what
    assert not ActionFieldValue.objects.filter(action=action).exists()


def test_a_required_field_left_empty_is_refused_naming_it_in_the_editors_language(
    client, world, fields
):
    ActionField.objects.filter(pk__in=[fields.cost.pk, fields.summary.pk]).update(is_required=True)
    action = world.action_126
    client.force_login(world.users["plan_admin"])  # reads the admin in Finnish
    response = post(client, edit_url(action), funding=str(fields.options["city"].pk))
    assert response.status_code == 200
    text = text_of(response)
    assert "”Kustannusarvio” on pakollinen: täytä se ennen tallentamista." in text
    assert "”Tiivistelmä” on pakollinen suomeksi: täytä se ennen tallentamista." in text
    kept = form_data(response.content.decode(), "w-editor-form")
    assert kept["plan_field__funding"] == [str(fields.options["city"].pk)]
    assert not ActionFieldValue.objects.filter(action=action).exists()

    english = in_english(client, world, "plan_admin")
    response = post(english, edit_url(action), summary__fi="Tiivistelmä on nyt")
    assert "“Cost estimate” is required: fill it in before saving." in text_of(response)

    # A text in another language than the plan's primary one does not fill it.
    response = post(english, edit_url(action), cost="5", summary__sv="Bara på svenska")
    assert "“Tiivistelmä” is required" in text_of(response)

    response = post(english, edit_url(action), cost="5", summary__fi="Valmis")
    assert response.status_code == 302
    assert value_of(action, fields.cost).number == 5


def test_a_draft_keeps_the_values_in_its_revision_until_published(admin, world, fields):
    action = world.action_126
    post(admin, edit_url(action), cost="100")
    response = post(admin, edit_url(action), publish=False, cost="250")
    assert response.status_code == 302
    assert value_of(action, fields.cost).number == 100  # the published value
    draft = Action.objects.get(pk=action.pk).latest_revision.as_object()
    assert [v.number for v in draft.field_values.all()] == [Decimal("250")]
    loaded = form_data(admin.get(edit_url(action)).content.decode(), "w-editor-form")
    assert Decimal(loaded["plan_field__cost"][0]) == 250
    assert post(admin, edit_url(action), loaded=loaded).status_code == 302
    assert value_of(action, fields.cost).number == 250


def test_revisions_compare_and_revert_the_values(admin, world, fields):
    action = world.action_126
    post(admin, edit_url(action), cost="100", funding=str(fields.options["eu"].pk))
    first = Action.objects.get(pk=action.pk).latest_revision
    post(admin, edit_url(action), cost="200", funding=str(fields.options["city"].pk))
    second = Action.objects.get(pk=action.pk).latest_revision
    history = f"{ACTIONS_URL}history/{action.pk}/revisions/"
    text = text_of(admin.get(f"{history}compare/{first.pk}...{second.pk}/"))
    assert "Cost estimate" in text and "100" in text and "200" in text
    assert "EU-rahoitus" in text and "Kaupungin budjetti" in text
    assert "Kärkihanke" not in text  # unchanged fields are not listed

    revert_url = f"{history}{first.pk}/revert/"
    reverted = form_data(admin.get(revert_url).content.decode(), "w-editor-form")
    assert Decimal(reverted["plan_field__cost"][0]) == 100
    assert admin.post(revert_url, {**reverted, "action-publish": ["publish"]}).status_code == 302
    assert value_of(action, fields.cost).number == 100
    assert value_of(action, fields.funding).option == fields.options["eu"]


def test_a_new_action_gets_its_values(admin, world, fields):
    url = f"{ACTIONS_URL}add/"
    data = form_data(admin.get(url).content.decode(), "w-editor-form")
    data.update(
        {
            "identifier": ["300"],
            "name_fi": ["Uusi toimenpide"],
            "plan_field__cost": ["75"],
            "plan_field__flagship": ["yes"],
        }
    )
    data.pop("plan", None)
    response = admin.post(url, data)
    assert response.status_code == 302, text_of(response)
    new = Action.objects.get(plan=world.plan, identifier="300")
    assert value_of(new, fields.cost).number == 75
    assert value_of(new, fields.flagship).yes_no is True
    assert [v.number for v in new.latest_revision.as_object().field_values.all() if v.number] == [
        Decimal("75")
    ]


def test_a_save_based_on_an_older_revision_is_refused_and_keeps_the_values(client, world, fields):
    action = world.action_126
    admin = in_english(client, world, "plan_admin")
    stale = form_data(admin.get(edit_url(action)).content.decode(), "w-editor-form")
    # Someone else publishes a value meanwhile.
    assert post(admin, edit_url(action), cost="100").status_code == 302

    response = post(admin, edit_url(action), loaded=stale, cost="999", decided="2030-01-01")
    assert response.status_code == 200
    assert "saved a newer version of this action" in text_of(response)
    assert "Field values" in text_of(response) or "field values" in text_of(response)
    kept = form_data(response.content.decode(), "w-editor-form")
    assert kept["plan_field__cost"] == ["999"]
    assert kept["plan_field__decided"] == ["2030-01-01"]
    assert value_of(action, fields.cost).number == 100


def test_a_new_action_in_all_plans_gets_the_chosen_plans_fields(client, world, fields):
    """An installation admin working in all plans chooses the plan in the form: sent with
    it, the form asks for that plan's required field (it was saved without it) and then
    stores the values; another plan's fields are never offered."""
    from django.contrib.auth import get_user_model

    fields.cost.is_required = True
    fields.cost.save()
    ActionField.objects.create(
        plan=world.other_plan, identifier="elsewhere", kind="text", name_fi="Muualla", order=1
    )
    root = get_user_model().objects.create_superuser("root", "root@example.invalid", "pw-l-1")
    client.force_login(root)
    url = f"{ACTIONS_URL}add/"
    data = form_data(client.get(url).content.decode(), "w-editor-form")
    assert "plan" in data and not any(name.startswith("plan_field__") for name in data)
    data.update(
        {
            "plan": [f" {world.plan.pk}"],  # as the form's plan field reads it, spaces too
            "identifier": ["301"],
            "name_fi": ["Kaikkien suunnitelmien toimenpide"],
            "action-publish": ["publish"],
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "”Kustannusarvio” on pakollinen" in text_of(response)
    kept = form_data(response.content.decode(), "w-editor-form")
    assert "plan_field__cost" in kept and "plan_field__elsewhere__fi" not in kept
    assert not Action.objects.filter(identifier="301").exists()
    plan = [str(world.plan.pk)]  # (the select shows " 5" as no choice)
    kept.update({"plan": plan, "plan_field__cost": ["1200"], "action-publish": ["publish"]})
    response = client.post(url, kept)
    assert response.status_code == 302, text_of(response)
    new = Action.objects.get(plan=world.plan, identifier="301")
    assert value_of(new, fields.cost).number == 1200
