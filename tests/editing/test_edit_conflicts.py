"""Two editors of the same indicator, category, organisation or plan settings (models
without revisions): both load the edit form, both save. The first save is stored; the
second is refused with a message naming who saved what and when, the editor's input still
in the form, and saving that form again replaces the newer version deliberately. Actions,
which keep revisions, have their own check (tests/editing/test_concurrent_saves.py)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client

from tests.editing.conftest import CATEGORIES_URL, form_data
from tests.factories import make_indicator
from tests.simultaneous import at_once
from vahti.editing.versions import VERSION_FIELD
from vahti.indicators.models import Indicator
from vahti.orgs.models import Organization
from vahti.plans.models import Category, Plan

pytestmark = pytest.mark.django_db

INDICATORS_URL = "/admin/snippets/indicators/indicator/"
ORGANIZATIONS_URL = "/admin/snippets/orgs/organization/"
PLANS_URL = "/admin/snippets/plans/plan/"
REFUSED = "Muutoksiasi ei ole tallennettu; ne ovat yhä lomakkeella."


def editors(world) -> dict[str, Client]:
    """The installation admin (Iida Ylläpitäjä) and the plan's admin, each at their own
    desk."""
    root = get_user_model().objects.create_superuser(
        "root", "root@example.invalid", "pw-long-1", first_name="Iida", last_name="Ylläpitäjä"
    )
    clients = {}
    for who, user in (("installation_admin", root), ("plan_admin", world.users["plan_admin"])):
        clients[who] = Client()
        clients[who].force_login(user)
    return clients


def loaded(client: Client, url: str) -> dict[str, list[str]]:
    page = client.get(url)
    assert page.status_code == 200, url
    return form_data(page.content.decode(), "w-editor-form")


def changed(data: dict, **values) -> dict:
    return {**data, **{name: [value] for name, value in values.items()}}


def message_of(response) -> str:
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return page.select_one(".messages").get_text(" ", strip=True)


def second_save_refused_then_replacing(clients, url, first: dict, second: dict) -> str:
    """Both load ``url``; the installation admin saves ``first``, then the plan admin
    saves ``second``: refused with their input kept, then stored when sent again. The
    refusal's message."""
    forms = {who: loaded(client, url) for who, client in clients.items()}
    saved = clients["installation_admin"].post(url, changed(forms["installation_admin"], **first))
    assert saved.status_code == 302

    refused = clients["plan_admin"].post(url, changed(forms["plan_admin"], **second))
    assert refused.status_code == 200
    kept = form_data(refused.content.decode(), "w-editor-form")
    for name, value in second.items():
        assert kept[name] == [value]
    message = message_of(refused)
    assert "Iida Ylläpitäjä tallensi tästä uudemman version" in message
    assert REFUSED in message, message

    again = clients["plan_admin"].post(url, kept)
    assert again.status_code == 302
    return message


def test_a_category_saved_meanwhile_is_not_replaced_unseen(world):
    category = Category.objects.get(plan=world.plan)
    message = second_save_refused_then_replacing(
        editors(world),
        f"{CATEGORIES_URL}edit/{category.pk}/",
        {"name_fi": "Kasvu (ylläpitäjän nimi)"},
        {"name_fi": "Kasvu (pääkäyttäjän nimi)"},
    )
    assert "(muutettu: Nimi (suomi))" in message
    assert Category.objects.get(pk=category.pk).name_fi == "Kasvu (pääkäyttäjän nimi)"


def test_an_indicator_saved_meanwhile_is_not_replaced_unseen(world):
    """The plan admin changed another field than the installation admin: their form
    still holds the old name, which would have replaced the new one."""
    indicator = make_indicator(world.plan, "share", name_fi="Kestävien kulkutapojen osuus")
    message = second_save_refused_then_replacing(
        editors(world),
        f"{INDICATORS_URL}edit/{indicator.pk}/",
        {"name_fi": "Kestävien kulkumuotojen osuus"},
        {"unit_fi": "prosenttia"},
    )
    assert "(muutettu: Nimi (suomi))" in message
    stored = Indicator.objects.get(pk=indicator.pk)
    assert (stored.name_fi, stored.unit_fi) == ("Kestävien kulkutapojen osuus", "prosenttia")


def test_an_organisation_saved_meanwhile_is_not_replaced_unseen(world):
    elo = Organization.objects.get(plan=world.plan, abbreviation_fi="Elo")
    message = second_save_refused_then_replacing(
        editors(world),
        f"{ORGANIZATIONS_URL}edit/{elo.pk}/",
        {"abbreviation_fi": "ELO"},
        {"name_fi": "Elinkeinopalvelut"},
    )
    assert "Lyhenne (suomi)" in message
    stored = Organization.objects.get(pk=elo.pk)
    assert (stored.name_fi, stored.abbreviation_fi) == ("Elinkeinopalvelut", "Elo")


def test_plan_settings_saved_meanwhile_are_not_replaced_unseen(world):
    """A footer link added meanwhile is named too (and kept: the later form did not
    have it, so does not delete it)."""
    link = {
        "footer_links-TOTAL_FORMS": "1",
        "footer_links-0-label_fi": "Kaupungin ilmastosivut",
        "footer_links-0-url": "https://www.hel.fi/ilmasto",
        "footer_links-0-ORDER": "1",
        "footer_links-0-id": "",
    }
    message = second_save_refused_then_replacing(
        editors(world),
        f"{PLANS_URL}edit/{world.plan.pk}/",
        {**link, "stale_after_days": "120"},
        {"name_fi": "Hiilineutraali Helsinki 2030"},
    )
    assert "Alatunnisteen linkit" in message
    plan = Plan.objects.get(pk=world.plan.pk)
    assert plan.name_fi == "Hiilineutraali Helsinki 2030"
    assert [link.label_fi for link in plan.footer_links.all()] == ["Kaupungin ilmastosivut"]


def test_a_save_that_changed_nothing_meanwhile_does_not_stop_the_other(world):
    clients = editors(world)
    url = f"{CATEGORIES_URL}edit/{Category.objects.get(plan=world.plan).pk}/"
    forms = {who: loaded(client, url) for who, client in clients.items()}
    assert clients["installation_admin"].post(url, forms["installation_admin"]).status_code == 302
    answer = clients["plan_admin"].post(url, changed(forms["plan_admin"], name_fi="Kasvu"))
    assert answer.status_code == 302


def test_a_damaged_version_mark_is_refused_with_the_input_kept(world):
    clients = editors(world)
    category = Category.objects.get(plan=world.plan)
    url = f"{CATEGORIES_URL}edit/{category.pk}/"
    form = changed(loaded(clients["plan_admin"], url), name_fi="Kasvu")
    form[VERSION_FIELD] = ["not-a-version"]

    answer = clients["plan_admin"].post(url, form)

    assert answer.status_code == 200
    assert "Lomaketta ei voitu verrata tallennettuun versioon" in message_of(answer)
    assert form_data(answer.content.decode(), "w-editor-form")["name_fi"] == ["Kasvu"]
    assert Category.objects.get(pk=category.pk).name_fi == "Smart & Clean kasvu"


@pytest.mark.django_db(transaction=True)
def test_of_two_editors_saving_an_organisation_at_once_the_later_is_refused(world):
    """The requests really run at once (tests/simultaneous.py): each save holds the
    organisation while it checks and stores, so the later one reads the other's."""
    clients = editors(world)
    elo = Organization.objects.get(plan=world.plan, abbreviation_fi="Elo")
    url = f"{ORGANIZATIONS_URL}edit/{elo.pk}/"
    for attempt in range(3):
        names = {who: f"Elinkeino-osasto {attempt} ({who})" for who in clients}
        forms = {
            who: changed(loaded(client, url), name_fi=names[who]) for who, client in clients.items()
        }

        outcomes = at_once(lambda who, forms=forms: clients[who].post(url, forms[who]), clients)

        errors = {who: o for who, o in outcomes.items() if isinstance(o, BaseException)}
        assert errors == {}, f"try {attempt + 1}: {errors!r}"
        codes = sorted(response.status_code for response in outcomes.values())
        assert codes == [200, 302], f"try {attempt + 1}: {codes}"
        saved = next(who for who, r in outcomes.items() if r.status_code == 302)
        refused = next(who for who, r in outcomes.items() if r.status_code == 200)
        assert Organization.objects.get(pk=elo.pk).name_fi == names[saved]
        assert REFUSED in message_of(outcomes[refused])
        kept = form_data(outcomes[refused].content.decode(), "w-editor-form")
        assert kept["name_fi"] == [names[refused]]


def test_a_change_made_elsewhere_without_a_log_is_caught_too(world):
    """The importer or a bulk update leaves no entry in the admin's log: the save is
    refused all the same, naming what changed."""
    clients = editors(world)
    category = Category.objects.get(plan=world.plan)
    url = f"{CATEGORIES_URL}edit/{category.pk}/"
    form = changed(loaded(clients["plan_admin"], url), name_fi="Kasvu")
    Category.objects.filter(pk=category.pk).update(name_fi="Kasvu (tuotu)")

    answer = clients["plan_admin"].post(url, form)

    assert answer.status_code == 200
    assert "Joku tallensi tästä uudemman version muokatessasi sitä (muutettu: Nimi (suomi))" in (
        message_of(answer)
    )
    assert Category.objects.get(pk=category.pk).name_fi == "Kasvu (tuotu)"
