"""Two saves creating the same thing at once: a second click, or Wagtail's autosave of a
new action still on its way when the editor publishes. Both forms were valid when they
were checked; only one can be stored. The other is told why, with its input kept, and
nobody sees an error page (it was a 500: the database's unique constraint, raised past
the form).

The requests really run at once (tests/simultaneous.py); a barrier inside validation
holds each until both have been checked, so the race is lost every time, not by luck."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from tests.editing.conftest import ACTIONS_URL, form_data
from tests.simultaneous import at_once
from vahti.actions.models import Action
from vahti.plans.models import ActionStatus

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def validated_together(monkeypatch):
    """Each save waits, once its form is checked, until the other's is checked too."""

    def hold_after(model):
        barrier = threading.Barrier(2)
        waited = set()
        checked = model.validate_constraints

        def validate_constraints(self, *args, **kwargs):
            checked(self, *args, **kwargs)
            if threading.get_ident() not in waited:  # the first check of each save
                waited.add(threading.get_ident())
                barrier.wait(timeout=30)

        monkeypatch.setattr(model, "validate_constraints", validate_constraints)

    return hold_after


def new_form(client: Client, url: str, **values) -> dict:
    data = form_data(client.get(url).content.decode(), "w-editor-form")
    data.update({name: [value] for name, value in values.items()})
    return data


def test_of_two_new_actions_with_one_identifier_at_once_one_is_stored_the_other_is_told(
    world, validated_together
):
    validated_together(Action)
    client = Client()
    client.force_login(world.users["plan_admin"])
    url = f"{ACTIONS_URL}add/"
    forms = {
        who: new_form(client, url, identifier="77", name_fi=f"Uusi toimenpide ({who})")
        for who in ("autosave", "publish")
    }
    forms["publish"]["action-publish"] = ["publish"]

    outcomes = at_once(lambda who: client.post(url, forms[who]), forms)

    errors = {who: o for who, o in outcomes.items() if isinstance(o, BaseException)}
    assert errors == {}
    assert sorted(r.status_code for r in outcomes.values()) == [200, 302]
    stored = Action.objects.get(plan=world.plan, identifier="77")
    refused = next(r for r in outcomes.values() if r.status_code == 200)
    page = refused.content.decode()
    assert "Suunnitelmassa on jo toimenpide tunnisteella “77”." in page
    # The refused editor's input is still in the form.
    other = "publish" if stored.name_fi.endswith("(autosave)") else "autosave"
    assert f"Uusi toimenpide ({other})" in page


def test_of_two_new_statuses_with_one_identifier_at_once_one_is_stored(world, validated_together):
    """The same for every list of a plan whose identifiers are unique in it."""
    validated_together(ActionStatus)
    client = Client()
    client.force_login(world.users["plan_admin"])
    url = "/admin/snippets/plans/actionstatus/add/"
    forms = {
        who: new_form(client, url, identifier="paused", name_fi=f"Tauolla ({who})")
        for who in ("first", "second")
    }

    outcomes = at_once(lambda who: client.post(url, forms[who]), forms)

    assert {who: o for who, o in outcomes.items() if isinstance(o, BaseException)} == {}
    assert sorted(r.status_code for r in outcomes.values()) == [200, 302]
    assert ActionStatus.objects.filter(plan=world.plan, identifier="paused").count() == 1


def test_an_action_renamed_to_an_identifier_taken_meanwhile_is_refused(world, monkeypatch):
    """Each action's save holds only that action, so another editor may give another
    action the same identifier between this save's check and its store; the store is
    then refused by the database, and the editor told (on PostgreSQL inside the
    action's own transaction, which must stay usable for the message)."""
    from tests.factories import make_action

    other = make_action(world.plan, "128")
    checked = Action.validate_constraints

    def meanwhile(self, *args, **kwargs):
        checked(self, *args, **kwargs)
        if self.pk == world.action_126.pk and self.identifier == "99":
            Action.objects.filter(pk=other.pk).update(identifier="99")  # the other editor

    monkeypatch.setattr(Action, "validate_constraints", meanwhile)
    client = Client()
    client.force_login(world.users["plan_admin"])
    url = f"{ACTIONS_URL}edit/{world.action_126.pk}/"
    form = new_form(client, url, identifier="99", name_fi="Uusi nimi")
    form["action-publish"] = ["publish"]

    response = client.post(url, form)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Suunnitelmassa on jo toimenpide tunnisteella “99”." in page
    assert 'value="Uusi nimi"' in page
    world.action_126.refresh_from_db()
    assert world.action_126.identifier == "126"


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite holds the whole database from the check to the store: no race",
)
def test_a_publish_refused_after_its_revision_was_stored_leaves_no_draft(world, monkeypatch):
    """The other editor takes the identifier after this save stored its revision and
    before it publishes it: the refused save leaves nothing behind (the revision stored
    first would be a draft the editor was told was not saved)."""
    from tests.factories import make_action

    other = make_action(world.plan, "128")
    action = world.action_126
    stored = Action.save_revision

    def the_other_editor() -> None:
        try:
            Action.objects.filter(pk=other.pk).update(identifier="99")
        finally:
            connections.close_all()

    def save_revision(self, *args, **kwargs):
        revision = stored(self, *args, **kwargs)
        if self.pk == action.pk and self.identifier == "99":
            editor = threading.Thread(target=the_other_editor)
            editor.start()
            editor.join(timeout=30)
        return revision

    monkeypatch.setattr(Action, "save_revision", save_revision)
    client = Client()
    client.force_login(world.users["plan_admin"])
    url = f"{ACTIONS_URL}edit/{action.pk}/"
    form = new_form(client, url, identifier="99", name_fi="Uusi nimi")
    form["action-publish"] = ["publish"]
    revisions = action.revisions.count()

    response = client.post(url, form)

    assert response.status_code == 200
    assert "Suunnitelmassa on jo toimenpide tunnisteella “99”." in response.content.decode()
    action.refresh_from_db()
    assert (action.identifier, action.has_unpublished_changes) == ("126", False)
    assert action.revisions.count() == revisions
