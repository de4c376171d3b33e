"""Editing an action in the admin: nothing is lost or silently overwritten."""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup

from tests.editing.conftest import ACTIONS_URL, form_data
from tests.factories import PersonFactory
from vahti.actions.models import Action

pytestmark = pytest.mark.django_db


def edit_url(action) -> str:
    return f"{ACTIONS_URL}edit/{action.pk}/"


def open_form(client, user, action) -> dict:
    client.force_login(user)
    return form_data(client.get(edit_url(action)).content.decode(), "w-editor-form")


def test_the_second_of_two_concurrent_saves_is_refused_and_keeps_its_input(
    client, django_user_model, world
):
    from django.test import Client

    admin, contact = Client(), Client()
    action = world.action_126
    admin_form = open_form(admin, world.users["plan_admin"], action)
    contact_form = open_form(contact, world.users["contact_126"], action)

    admin_form["name_fi"] = ["Pääkäyttäjän uusi nimi"]
    response = admin.post(edit_url(action), {**admin_form, "action-publish": ["publish"]})
    assert response.status_code == 302

    contact_form["tasks-0-name_fi"] = ["Yhteyshenkilön muokkaama tehtävä"]
    response = contact.post(edit_url(action), {**contact_form, "action-publish": ["publish"]})

    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    message = page.select_one(".messages").get_text(" ", strip=True)
    # The admin speaks Finnish to these users; it names who changed what.
    assert "plan_admin tallensi toimenpiteestä uudemman version" in message
    print(message)
    assert "(muutettu: Nimi (suomi))" in message
    assert "Muutoksiasi ei ole tallennettu" in message
    # The contact person's input is still in the form …
    again = form_data(response.content.decode(), "w-editor-form")
    assert again["tasks-0-name_fi"] == ["Yhteyshenkilön muokkaama tehtävä"]
    # … and the plan admin's change is what is stored and public.
    stored = Action.objects.get(pk=action.pk)
    assert stored.name_fi == "Pääkäyttäjän uusi nimi"
    assert "Yhteyshenkilön muokkaama tehtävä" not in {t.name_fi for t in stored.tasks.all()}

    # Saving again, now knowingly over the newer version, goes through.
    response = contact.post(edit_url(action), {**again, "action-publish": ["publish"]})
    assert response.status_code == 302
    assert "Yhteyshenkilön muokkaama tehtävä" in {
        t.name_fi for t in Action.objects.get(pk=action.pk).tasks.all()
    }


@pytest.mark.parametrize("field", ["loaded_revision_id", "overwrite_revision_id"])
@pytest.mark.parametrize("value", ["abc", "1e3", "99999999999999999999999"])
def test_a_save_based_on_a_malformed_version_is_refused_as_out_of_date(client, world, field, value):
    """A loaded version that names no revision is an unknown one: the save is refused
    as based on another version, with the input kept, not an error page."""
    action = world.action_126
    data = open_form(client, world.users["plan_admin"], action)
    data.update({"name_fi": ["Uusi nimi"], field: [value], "action-publish": ["publish"]})
    response = client.post(edit_url(action), data)
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    message = page.select_one(".messages").get_text(" ", strip=True)
    assert "uudemman version" in message and "(muutettu: toimenpide)" in message
    assert form_data(response.content.decode(), "w-editor-form")["name_fi"] == ["Uusi nimi"]
    assert Action.objects.get(pk=action.pk).name_fi != "Uusi nimi"


def test_a_draft_without_an_identifier_is_refused_and_the_preview_keeps_working(client, world):
    """Wagtail lets a draft leave text fields empty; an action's identifier is its
    address (its page, its preview, its feed), so a draft needs one too."""
    action = world.action_126
    before = Action.objects.get(pk=action.pk).latest_revision_id
    data = open_form(client, world.users["plan_admin"], action)
    data.update({"identifier": [""], "name_fi": ["Luonnoksen nimi"]})
    response = client.post(edit_url(action), data)  # "save draft"
    assert response.status_code == 200
    (error,) = response.context["form"].errors["identifier"]
    assert "tunniste myös luonnoksessa" in error and error in response.content.decode()
    stored = Action.objects.get(pk=action.pk)
    assert stored.latest_revision_id == before and stored.identifier == "126"
    # The preview refuses the form without an identifier and keeps showing the action.
    preview_url = f"{ACTIONS_URL}preview/{action.pk}/"
    assert client.post(preview_url, data).json()["is_valid"] is False
    preview = client.get(preview_url)
    assert preview.status_code == 200 and "Luonnoksen nimi" not in preview.content.decode()


def test_reverting_brings_back_the_tasks_and_relations_of_the_earlier_revision(client, world):
    from vahti.actions.services import action_update

    action = world.action_126
    action_update(
        action,
        news_posts=[
            {
                "published_on": datetime.date(2024, 2, 1),
                "title_fi": "Uutinen",
                "body_fi": "<p>x</p>",
            }
        ],
    )
    action = Action.objects.get(pk=action.pk)
    first_revision = action.latest_revision
    admin = world.users["plan_admin"]
    data = open_form(client, admin, action)
    newcomer = PersonFactory(plan=world.plan, first_name="Uusi")
    school = world.action_127.responsible_parties.get().organization
    data.update(
        {
            "tasks-0-DELETE": ["1"],
            "contact_persons-0-person": [str(newcomer.pk)],
            "categories": [],
            "responsible_parties-0-organization": [str(school.pk)],
            "related_actions": [str(world.action_127.pk)],
            "news_posts-0-DELETE": ["1"],
            "action-publish": ["publish"],
        }
    )
    assert client.post(edit_url(action), data).status_code == 302
    changed = Action.objects.get(pk=action.pk)
    assert [t.name_fi for t in changed.tasks.all()] == ["Kokeilut käynnissä"]
    assert not changed.categories.exists()
    assert [p.organization for p in changed.responsible_parties.all()] == [school]
    assert list(changed.related_actions.all()) == [world.action_127]
    assert not changed.news_posts.exists()

    revert_url = f"{ACTIONS_URL}history/{action.pk}/revisions/{first_revision.pk}/revert/"
    reverted_form = form_data(client.get(revert_url).content.decode(), "w-editor-form")
    response = client.post(revert_url, {**reverted_form, "action-publish": ["publish"]})
    assert response.status_code == 302

    reverted = Action.objects.get(pk=action.pk)
    assert sorted(t.name_fi for t in reverted.tasks.all()) == [
        "Kokeilut käynnissä",
        "Yhteistyömalli valmis",
    ]
    assert [c.person.first_name for c in reverted.contact_persons.all()] == ["Mikko"]
    assert [c.name_fi for c in reverted.categories.all()] == ["Smart & Clean kasvu"]
    assert [p.organization.name_fi for p in reverted.responsible_parties.all()] == [
        "Elinkeino-osasto"
    ]
    assert not reverted.related_actions.exists()
    assert [n.title_fi for n in reverted.news_posts.all()] == ["Uutinen"]


def test_a_plan_admin_compares_two_revisions_field_by_field(client, world):
    from vahti.actions.services import action_update

    action = world.action_126
    first = action.latest_revision
    action_update(action, name_fi="Uusi nimi", tasks=[])
    second = Action.objects.get(pk=action.pk).latest_revision
    client.force_login(world.users["plan_admin"])
    response = client.get(
        f"{ACTIONS_URL}history/{action.pk}/revisions/compare/{first.pk}...{second.pk}/"
    )
    assert response.status_code == 200
    text = BeautifulSoup(response.content.decode(), "html.parser").get_text(" ", strip=True)
    assert "Elinkeinopolitiikka ja päästövähennykset" in text and "Uusi nimi" in text
    assert "Yhteistyömalli valmis" in text  # the removed task is shown in the comparison


def test_deleting_an_action_is_in_the_audit_log(client, world):
    from wagtail.models import ModelLogEntry

    action = world.action_127
    client.force_login(world.users["plan_admin"])
    assert client.post(f"{ACTIONS_URL}delete/{action.pk}/").status_code == 302
    entry = ModelLogEntry.objects.get(object_id=str(action.pk), action="wagtail.delete")
    assert entry.user == world.users["plan_admin"]
    assert "127" in entry.label


def test_a_contact_person_previews_the_public_page_before_publishing(client, world):
    action = world.action_126
    data = open_form(client, world.users["contact_126"], action)
    data["name_fi"] = ["Esikatseltava nimi"]
    preview_url = f"{ACTIONS_URL}preview/{action.pk}/"
    response = client.post(preview_url, data)
    assert response.status_code == 200 and response.json()["is_valid"]
    page = client.get(preview_url)
    assert page.status_code == 200
    soup = BeautifulSoup(page.content.decode(), "html.parser")
    assert soup.select_one("h1").get_text(" ", strip=True) == "126 Esikatseltava nimi"
    assert soup.select_one("#section-tasks") is not None
    # Nothing was saved.
    assert Action.objects.get(pk=action.pk).name_fi == "Elinkeinopolitiikka ja päästövähennykset"


def test_in_a_moderated_plan_contact_persons_submit_and_plan_admins_publish(client, world):
    from django.test import Client

    world.plan.moderated = True
    world.plan.save()
    action = world.action_126
    contact = Client()
    data = open_form(contact, world.users["contact_126"], action)
    edit_page = contact.get(edit_url(action)).content.decode()
    assert 'name="action-publish"' not in edit_page
    data["name_fi"] = ["Ehdotettu nimi"]
    # Even asked to publish, the contact person's save is a draft.
    response = contact.post(edit_url(action), {**data, "action-publish": ["publish"]})
    assert response.status_code == 302
    stored = Action.objects.get(pk=action.pk)
    assert stored.name_fi == "Elinkeinopolitiikka ja päästövähennykset"
    assert stored.has_unpublished_changes

    admin = Client()
    admin.force_login(world.users["plan_admin"])
    start = BeautifulSoup(admin.get("/admin/").content.decode(), "html.parser")
    waiting = start.select_one(".vahti-attention").get_text(" ", strip=True)
    assert "Tallennetut muutokset odottavat julkaisua" in waiting
    data = open_form(admin, world.users["plan_admin"], action)
    assert data["name_fi"] == ["Ehdotettu nimi"]
    assert admin.post(edit_url(action), {**data, "action-publish": ["publish"]}).status_code == 302
    assert Action.objects.get(pk=action.pk).name_fi == "Ehdotettu nimi"


def test_a_viewer_reads_internal_notes_but_cannot_edit(client, world):
    from vahti.actions.services import action_update

    action_update(world.action_126, internal_notes="Budjetti vahvistuu syksyllä.")
    client.force_login(world.users["viewer"])
    response = client.get(f"{ACTIONS_URL}inspect/{world.action_126.pk}/")
    assert response.status_code == 200
    assert "Budjetti vahvistuu syksyllä." in response.content.decode()
    assert client.get(edit_url(world.action_126))["Location"] == "/admin/"
    client.force_login(world.users["contact_other"])
    assert client.get(f"{ACTIONS_URL}inspect/{world.action_126.pk}/")["Location"] == "/admin/"
