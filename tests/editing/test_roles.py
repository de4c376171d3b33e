"""Plan admins give and take roles, among their own plan's people only."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import ModelLogEntry

from tests.editing.conftest import form_data
from vahti.access.models import Role

pytestmark = pytest.mark.django_db
ROLES_URL = "/admin/snippets/access/role/"


def test_a_plan_admin_makes_a_contact_person_an_organisation_admin(client, world, organization):
    client.force_login(world.users["plan_admin"])
    page = client.get(f"{ROLES_URL}add/").content.decode()
    choices = {
        o.get_text(strip=True)
        for o in BeautifulSoup(page, "html.parser").select("select[name=user] option")
    }
    assert "contact_126" in choices and "other_plan_admin" not in choices
    data = form_data(page, "w-editor-form")
    contact = world.users["contact_126"]
    data.update(
        {
            "plan": [str(world.plan.pk)],
            "user": [str(contact.pk)],
            "kind": ["organization_admin"],
            "organization": [str(organization.pk)],
        }
    )
    assert client.post(f"{ROLES_URL}add/", data).status_code == 302
    role = Role.objects.get(user=contact)
    assert role.kind == "organization_admin" and role.organization == organization
    assert ModelLogEntry.objects.filter(
        object_id=str(contact.pk), action="vahti.role.grant", user=world.users["plan_admin"]
    ).exists()


def test_an_organisation_admin_without_an_organisation_is_refused(client, world):
    client.force_login(world.users["plan_admin"])
    data = form_data(client.get(f"{ROLES_URL}add/").content.decode(), "w-editor-form")
    data.update(
        {
            "plan": [str(world.plan.pk)],
            "user": [str(world.users["contact_126"].pk)],
            "kind": ["organization_admin"],
            "organization": [""],
        }
    )
    response = client.post(f"{ROLES_URL}add/", data)
    assert response.status_code == 200
    assert "Organisaation pääkäyttäjälle on valittava organisaatio" in response.content.decode()


@pytest.mark.parametrize(
    "role", ["organization_admin", "contact_126", "viewer", "other_plan_admin"]
)
def test_only_the_plans_admins_change_its_roles(client, world, role):
    target = Role.objects.get(user=world.users["viewer"])
    client.force_login(world.users[role])
    response = client.post(f"{ROLES_URL}delete/{target.pk}/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert Role.objects.filter(pk=target.pk).exists()
