"""The inputs of the plan's own fields in the action form (issue 24): a text's inputs in
the plan's languages, the primary one first and marked required when the field is, the
message of a missing text naming its language; numbers typed as people write them in
the admin's language and shown back without padding zeros."""

from __future__ import annotations

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from tests.editing.conftest import form_data, in_english
from tests.editing.field_world import make_fields
from tests.editing.test_field_form import edit_url, post, text_of, value_of
from vahti.actions.models import ActionField, ActionFieldValue
from vahti.core.numbers import number_typed, without_padding

pytestmark = pytest.mark.django_db


@pytest.fixture
def fields(world):
    return make_fields(world.plan)


@pytest.fixture
def english_first(world):
    """The plan is in English, then Finnish (as the demo's Northbay): no Swedish."""
    world.plan.primary_language, world.plan.other_languages = "en", ["fi"]
    world.plan.save()
    return world.plan


def in_finnish(client, world, who: str):
    """``client`` logged in as ``who``, who reads the admin in Finnish (else the admin
    would speak the plan's primary language)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(world.users[who])
    profile.preferred_language = "fi"
    profile.save()
    client.force_login(world.users[who])
    return client


def panel_of(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return soup.select_one("[name=plan_field__cost]").find_parent(attrs={"role": "tabpanel"})


def labels(panel) -> list[str]:
    return [label.get_text(" ", strip=True) for label in panel.select("label.w-field__label")]


def test_a_texts_inputs_are_the_plans_languages_primary_first(client, world, fields, english_first):
    admin = in_english(client, world, "plan_admin")
    panel = panel_of(admin.get(edit_url(world.action_126)))
    assert labels(panel)[:2] == ["Tiivistelmä (English)", "Tiivistelmä (Finnish)"]
    assert not panel.select("[name=plan_field__summary__sv]")
    assert panel.select_one("[name=plan_field__summary__en]")["lang"] == "en"


def test_required_inputs_are_marked_as_wagtail_marks_them(client, world, fields, english_first):
    ActionField.objects.filter(pk__in=[fields.summary.pk, fields.cost.pk]).update(is_required=True)
    admin = in_english(client, world, "plan_admin")
    panel = panel_of(admin.get(edit_url(world.action_126)))
    marked = [
        label.get_text(" ", strip=True)
        for label in panel.select("label.w-field__label")
        if label.select_one(".w-required-mark")
    ]
    # A text is required in the plan's primary language only.
    assert marked == ["Tiivistelmä (English) *", "Cost estimate (€) *"]
    english = panel.select_one("[name=plan_field__summary__en]")
    assert english["aria-required"] == "true" and not english.has_attr("required")
    assert not panel.select_one("[name=plan_field__summary__fi]").has_attr("aria-required")


def test_a_missing_required_text_is_named_with_its_language(client, world, fields, english_first):
    ActionField.objects.filter(pk=fields.summary.pk).update(is_required=True)
    in_finnish(client, world, "plan_admin")
    response = post(client, edit_url(world.action_126), summary__fi="Vain suomeksi")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    english = soup.select_one("[name=plan_field__summary__en]").find_parent(
        class_="w-field__wrapper"
    )
    message = "”Tiivistelmä” on pakollinen englanniksi: täytä se ennen tallentamista."
    assert message in english.get_text(" ", strip=True)
    assert not ActionFieldValue.objects.filter(action=world.action_126).exists()

    admin = in_english(client, world, "plan_admin")
    response = post(admin, edit_url(world.action_126), summary__fi="Vain suomeksi")
    assert "“Tiivistelmä” is required in English: fill it in before saving." in text_of(response)
    # The English text fills it (the action's own texts, still in Finnish only, are
    # refused by the action's rules, not by the field).
    response = post(admin, edit_url(world.action_126), summary__en="In English")
    assert "“Tiivistelmä” is required" not in text_of(response)


def test_a_text_in_a_language_the_plan_no_longer_has_is_kept(client, world, fields):
    admin = in_english(client, world, "plan_admin")
    post(admin, edit_url(world.action_126), summary__fi="Suomeksi", summary__sv="På svenska")
    world.plan.other_languages = ["en"]
    world.plan.save()
    response = post(admin, edit_url(world.action_126), summary__fi="Suomeksi nyt")
    assert response.status_code == 302, text_of(response)
    value = value_of(world.action_126, fields.summary)
    assert (value.text_fi, value.text_sv) == ("Suomeksi nyt", "På svenska")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("1 234,5", Decimal("1234.5")),
        ("1\xa0234\xa0567,891", Decimal("1234567.891")),
        ("1234.5", Decimal("1234.5")),
        ("-40", Decimal("-40")),
    ],
)
def test_a_number_is_typed_as_in_finnish(client, world, fields, typed, stored):
    client.force_login(world.users["plan_admin"])  # reads the admin in Finnish
    response = post(client, edit_url(world.action_126), cost=typed)
    assert response.status_code == 302, text_of(response)
    assert value_of(world.action_126, fields.cost).number == stored


def test_a_number_in_english_has_a_decimal_point(client, world, fields):
    admin = in_english(client, world, "plan_admin")
    response = post(admin, edit_url(world.action_126), cost="1 234.5")
    assert response.status_code == 302, text_of(response)
    assert value_of(world.action_126, fields.cost).number == Decimal("1234.5")
    # English digit grouping, as the English pages print numbers, is read.
    response = post(admin, edit_url(world.action_126), cost="1,234,567.5")
    assert response.status_code == 302, text_of(response)
    assert value_of(world.action_126, fields.cost).number == Decimal("1234567.5")
    # Any other comma could be a decimal comma in English: refused, the input kept.
    response = post(admin, edit_url(world.action_126), cost="1,5")
    assert "Enter a number." in text_of(response)
    kept = form_data(response.content.decode(), "w-editor-form")
    assert kept["plan_field__cost"] == ["1,5"]


@pytest.mark.parametrize(("english", "shown"), [(False, "1234567,891"), (True, "1234567.891")])
def test_a_stored_number_is_shown_without_padding_zeros(client, world, fields, english, shown):
    ActionFieldValue.objects.create(
        action=world.action_126, field=fields.cost, number=Decimal("1234567.891")
    )
    if english:
        in_english(client, world, "plan_admin")
    else:
        client.force_login(world.users["plan_admin"])
    loaded = form_data(client.get(edit_url(world.action_126)).content.decode(), "w-editor-form")
    assert loaded["plan_field__cost"] == [shown]
    # Sent back untouched, it is the same number.
    assert post(client, edit_url(world.action_126), loaded=loaded).status_code == 302
    assert value_of(world.action_126, fields.cost).number == Decimal("1234567.891")


def test_typing_and_showing_numbers_in_plain_values():
    assert number_typed("1 234,5", "fi") == "1234.5"
    assert number_typed("1\u202f234,5", "sv") == "1234.5"
    assert number_typed("1,234.5", "fi") == "1,234.5"  # not a Finnish number: refused
    assert number_typed("1,5", "en") == "1,5"
    assert without_padding(Decimal("1200.0000")) == Decimal("1200")
    assert str(without_padding(Decimal("1200.0000"))) == "1200"
    assert str(without_padding(Decimal("0.5000"))) == "0.5"
    assert without_padding(None) is None
