"""Actions are chosen through Wagtail's action chooser, not from a list of every action
of the plan: the chosen ones are ticked boxes, the chooser adds one (issue 22)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.editing.conftest import ACTIONS_URL, submit_editor_form
from vahti.actions.models import Action
from vahti.orgs.models import Person

pytestmark = pytest.mark.django_db

PEOPLE_URL = "/admin/snippets/orgs/person/"


def test_the_edit_form_shows_the_chosen_related_actions_only(client, world):
    """The related actions are listed as ticked boxes, with the chooser to add one."""
    action = world.action_126
    action.related_actions.set([world.action_127])
    action.save_revision().publish()
    client.force_login(world.users["plan_admin"])
    page = BeautifulSoup(client.get(f"{ACTIONS_URL}edit/{action.pk}/").content, "html.parser")
    boxes = page.select("input[name=related_actions]")
    assert [(box["value"], box.has_attr("checked")) for box in boxes] == [
        (str(world.action_127.pk), True)
    ]
    assert "127" in boxes[0].parent.get_text()
    assert page.select_one("#id_related_actions-add-chooser")


def test_a_person_page_lists_only_the_actions_they_are_contact_for(client, world):
    client.force_login(world.users["plan_admin"])
    mikko = Person.objects.get(user=world.users["contact_126"])
    page = BeautifulSoup(
        client.get(f"{PEOPLE_URL}edit/{mikko.pk}/").content.decode(), "html.parser"
    )
    boxes = page.select("input[name=contact_for]")
    assert [box["value"] for box in boxes] == [str(world.action_126.pk)]


def test_a_plan_admin_adds_a_related_action_with_the_chooser_and_removes_it(client, world):
    action = world.action_126
    url = f"{ACTIONS_URL}edit/{action.pk}/"
    client.force_login(world.users["plan_admin"])
    response = submit_editor_form(
        client,
        url,
        **{"related_actions-add": str(world.action_127.pk), "action-publish": "publish"},
    )
    assert response.status_code == 302
    assert list(Action.objects.get(pk=action.pk).related_actions.all()) == [world.action_127]
    # Unticked, it is removed.
    response = submit_editor_form(client, url, related_actions=[], **{"action-publish": "publish"})
    assert response.status_code == 302
    assert not Action.objects.get(pk=action.pk).related_actions.exists()


def test_an_action_of_another_plan_cannot_be_added_through_the_chooser_field(client, world):
    other = Action.objects.create(plan=world.other_plan, identifier="9", name_fi="Muu")
    client.force_login(world.users["plan_admin"])
    url = f"{ACTIONS_URL}edit/{world.action_126.pk}/"
    response = submit_editor_form(
        client, url, **{"related_actions-add": str(other.pk), "action-publish": "publish"}
    )
    assert response.status_code == 200  # the form again, with its error
    assert not Action.objects.get(pk=world.action_126.pk).related_actions.exists()
