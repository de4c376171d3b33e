"""“New plan” in the admin: an installation admin creates a plan with the short form and
its first plan admin is invited; nobody else may; bad input is a form error naming the
field, and nothing is saved."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.users.models import UserProfile

from tests.conftest import make_user
from tests.editing.conftest import form_data
from tests.factories import PlanFactory
from vahti.access.models import Role
from vahti.plans.models import ActionStatus, Plan, PlanDomain
from vahti.plans.setup import HOST_TAKEN_MESSAGE, IDENTIFIER_TAKEN_MESSAGE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
URL = "/admin/plans/new/"


def logged_in(client, username, **extra):
    user = make_user(username, **extra)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def submit(client, **values):
    page = client.get(URL)
    assert page.status_code == 200
    data = form_data(page.content.decode())
    data.update(
        {name: value if isinstance(value, list) else [value] for name, value in values.items()}
    )
    return client.post(URL, data)


def test_an_installation_admin_creates_a_plan_and_invites_its_admin(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    client = logged_in(client, "root", is_superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        answer = submit(
            client,
            name="Carbon-neutral Espoo 2030",
            identifier="espoo2030",
            primary_language="en",
            other_languages=["fi", "sv"],
            time_zone="Europe/Helsinki",
            hosts="ilmasto.espoo.example\nclimate.espoo.example",
            admin_email="Aino@Espoo.example",
        )
    assert answer.status_code == 302
    plan = Plan.objects.get(identifier="espoo2030")
    assert (plan.name_en, plan.languages) == ("Carbon-neutral Espoo 2030", ["en", "fi", "sv"])
    assert sorted(plan.domains.values_list("hostname", flat=True)) == [
        "climate.espoo.example",
        "ilmasto.espoo.example",
    ]
    assert ActionStatus.objects.filter(plan=plan).count() == 5
    role = Role.objects.get(plan=plan)
    assert (role.kind, role.user.email) == ("plan_admin", "aino@espoo.example")
    [mail] = mailoutbox
    assert mail.to == ["aino@espoo.example"]
    assert mail.subject == "You have been invited to Carbon-neutral Espoo 2030"
    home = client.get(answer["Location"]).content.decode()
    assert "The plan “espoo2030” was created; aino@espoo.example was invited" in home


def test_bad_input_is_shown_on_its_field_and_nothing_is_saved(client, mailoutbox):
    other = PlanFactory(identifier="vantaa")
    PlanDomain.objects.create(plan=other, hostname="ilmasto.vantaa.example")
    client = logged_in(client, "root", is_superuser=True)
    answer = submit(
        client,
        name="Vantaa again",
        identifier="vantaa",
        primary_language="en",
        hosts="ilmasto.vantaa.example",
        admin_email="a@vantaa.example",
    )
    assert answer.status_code == 200
    soup = BeautifulSoup(answer.content, "html.parser")

    def errors(field):
        wrapper = soup.select_one(f"#id_{field}").find_parent(class_="w-field__wrapper")
        return [p.get_text() for p in wrapper.select(".error-message")]

    with translation.override("en"):  # the request left its own language active
        assert errors("identifier") == [IDENTIFIER_TAKEN_MESSAGE % {"value": "vantaa"}]
        assert errors("hosts") == [
            HOST_TAKEN_MESSAGE % {"value": "ilmasto.vantaa.example", "plan": "vantaa"}
        ]
    assert Plan.objects.count() == 1
    assert not Role.objects.exists()
    assert mailoutbox == []


def test_a_bad_email_address_creates_nothing(client, mailoutbox):
    client = logged_in(client, "root", is_superuser=True)
    answer = submit(
        client,
        name="Turku",
        identifier="turku",
        primary_language="fi",
        admin_email="not an address",
    )
    assert answer.status_code == 200
    assert "Enter a valid email address." in answer.content.decode()
    assert not Plan.objects.exists()


def test_only_installation_admins_see_the_form(client, world):
    client.force_login(world.users["plan_admin"])
    answer = client.get(URL)
    assert answer.status_code == 403 or answer["Location"] == "/admin/"
    answer = client.post(URL, {"identifier": "x", "name": "X", "primary_language": "fi"})
    assert answer.status_code == 403 or answer["Location"] == "/admin/"
    assert not Plan.objects.filter(identifier="x").exists()
    assert "/admin/plans/new/" not in client.get("/admin/").content.decode()
