"""Who may do what, through the admin's real URLs: each role against each operation on
action 126 (and its category). A refused operation answers 403 (or, for an anonymous
visitor, the login page) and changes nothing."""

from __future__ import annotations

import csv
import io

import pytest

from tests.editing.conftest import ACTIONS_URL, CATEGORIES_URL, client_for, form_data
from tests.factories import PersonFactory
from vahti.actions.models import Action, Task
from vahti.actions.services import action_update
from vahti.plans.models import Category

pytestmark = pytest.mark.django_db

ROLES = [
    "plan_admin",
    "organization_admin",
    "contact_126",
    "contact_other",
    "viewer",
    "other_plan_admin",
    "anonymous",
]
# Operation: the roles that may do it (to action 126 or its category).
ALLOWED = {
    "view_draft": {"plan_admin", "organization_admin", "contact_126", "viewer"},
    "edit": {"plan_admin", "organization_admin", "contact_126"},
    "publish": {"plan_admin", "organization_admin", "contact_126"},
    "delete": {"plan_admin"},
    "add_task": {"plan_admin", "organization_admin", "contact_126"},
    "change_contact_persons": {"plan_admin", "organization_admin"},
    "edit_category": {"plan_admin"},
    "export": {"plan_admin", "organization_admin", "contact_126", "viewer"},
}
MATRIX = [(operation, role) for operation in ALLOWED for role in ROLES]


def assert_refused(response, role):
    """Wagtail answers a refusal by sending the user to the admin's start page with a
    message (a 403 for scripts); an anonymous visitor to the login page."""
    assert response.status_code == 302, response.status_code
    if role == "anonymous":
        assert "/admin/login/" in response["Location"]
    else:
        assert response["Location"] == "/admin/"


def edit_form(client, world, action):
    """The edit form as the plan admin sees it, to be submitted by anyone."""
    client.force_login(world.users["plan_admin"])
    data = form_data(
        client.get(f"{ACTIONS_URL}edit/{action.pk}/").content.decode(), "w-editor-form"
    )
    client.logout()
    return data


def post_edit(client, action, data, *, publish):
    if publish:
        data = {**data, "action-publish": ["action-publish"]}
    return client.post(f"{ACTIONS_URL}edit/{action.pk}/", data)


@pytest.mark.parametrize(("operation", "role"), MATRIX)
def test_permission_matrix(client, world, operation, role):
    allowed = role in ALLOWED[operation]
    action = world.action_126
    run = OPERATIONS[operation]
    run(client, world, action, role, allowed)


def view_draft(client, world, action, role, allowed):
    action_update(action, name_fi="Luonnoksen nimi", publish=False)
    revision = Action.objects.get(pk=action.pk).latest_revision
    response = client_for(client, world, role).get(
        f"{ACTIONS_URL}history/{action.pk}/revisions/{revision.pk}/view/"
    )
    if allowed:
        assert response.status_code == 200
        assert "Luonnoksen nimi" in response.content.decode()
    else:
        assert_refused(response, role)


def edit(client, world, action, role, allowed):
    response = client_for(client, world, role).get(f"{ACTIONS_URL}edit/{action.pk}/")
    if allowed:
        assert response.status_code == 200
        assert "Elinkeinopolitiikka ja päästövähennykset" in response.content.decode()
    else:
        assert_refused(response, role)


def publish(client, world, action, role, allowed):
    data = edit_form(client, world, action)
    data["name_fi"] = ["Uusi julkaistu nimi"]
    response = post_edit(client_for(client, world, role), action, data, publish=True)
    stored = Action.objects.get(pk=action.pk)
    if allowed:
        assert response.status_code == 302, form_errors(response)
        assert stored.name_fi == "Uusi julkaistu nimi" and stored.live
    else:
        assert_refused(response, role)
        assert stored.name_fi == "Elinkeinopolitiikka ja päästövähennykset"


def delete(client, world, action, role, allowed):
    response = client_for(client, world, role).post(f"{ACTIONS_URL}delete/{action.pk}/")
    exists = Action.objects.filter(pk=action.pk).exists()
    if allowed:
        assert response.status_code == 302 and not exists
    else:
        assert_refused(response, role)
        assert exists


def add_task(client, world, action, role, allowed):
    data = edit_form(client, world, action)
    data.update(
        {
            "tasks-TOTAL_FORMS": ["3"],
            "tasks-2-name_fi": ["Uusi tehtävä"],
            "tasks-2-state": ["not_started"],
            "tasks-2-due_at": ["2031-06-30"],
            "tasks-2-ORDER": ["3"],
        }
    )
    response = post_edit(client_for(client, world, role), action, data, publish=True)
    names = set(Task.objects.filter(action=action).values_list("name_fi", flat=True))
    if allowed:
        assert response.status_code == 302, form_errors(response)
        assert "Uusi tehtävä" in names and len(names) == 3
    else:
        assert_refused(response, role)
        assert "Uusi tehtävä" not in names


def change_contact_persons(client, world, action, role, allowed):
    newcomer = PersonFactory(plan=world.plan, first_name="Uusi", last_name="Yhteyshenkilö")
    data = edit_form(client, world, action)
    data["contact_persons-0-person"] = [str(newcomer.pk)]
    response = post_edit(client_for(client, world, role), action, data, publish=True)
    people = list(action.contact_persons.values_list("person__first_name", flat=True))
    if allowed:
        assert response.status_code == 302, form_errors(response)
        assert people == ["Uusi"]
    else:
        if role == "contact_126":
            # The contact person's form has no contact-person rows: what was posted for
            # them is ignored, the rest of the form is saved.
            assert response.status_code == 302, form_errors(response)
        else:
            assert_refused(response, role)
        assert people == ["Mikko"]


def edit_category(client, world, action, role, allowed):
    category = action.categories.get()
    client.force_login(world.users["plan_admin"])
    data = form_data(
        client.get(f"{CATEGORIES_URL}edit/{category.pk}/").content.decode(), "w-editor-form"
    )
    client.logout()
    data["name_fi"] = ["Uusi teeman nimi"]
    response = client_for(client, world, role).post(f"{CATEGORIES_URL}edit/{category.pk}/", data)
    stored = Category.objects.get(pk=category.pk)
    if allowed:
        assert response.status_code == 302, form_errors(response)
        assert stored.name_fi == "Uusi teeman nimi"
    else:
        assert_refused(response, role)
        assert stored.name_fi == "Smart & Clean kasvu"


def export(client, world, action, role, allowed):
    response = client_for(client, world, role).get(f"{ACTIONS_URL}?export=csv")
    if role == "anonymous":
        assert_refused(response, role)
        return
    if response.status_code == 403:
        assert not allowed
        return
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    identifiers = {row[1] for row in rows[1:]}
    assert ("126" in identifiers) == allowed, identifiers
    # Nobody sees another plan's actions or actions beyond their reach.
    if role == "contact_126":
        assert identifiers == {"126"}


def form_errors(response) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(response.content.decode(), "html.parser")
    errors = [e.get_text(" ", strip=True) for e in soup.select(".error-message, .help-critical")]
    return f"{response.status_code}: {errors}"


OPERATIONS = {
    "view_draft": view_draft,
    "edit": edit,
    "publish": publish,
    "delete": delete,
    "add_task": add_task,
    "change_contact_persons": change_contact_persons,
    "edit_category": edit_category,
    "export": export,
}
