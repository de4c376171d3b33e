"""The Wagtail admin opens actions with their tasks inline (the editing side proper comes
with its own issue; this guards that the model fits Wagtail)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tests.factories import make_action, task
from vahti.actions.models import Action

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "a@example.invalid", "pw-123456")
    client.force_login(user)
    return client


def test_action_listing_and_edit_form_show_the_action_and_its_tasks(admin_client, plan):
    action = make_action(
        plan,
        "126",
        name_fi="Elinkeinopolitiikka",
        tasks=[
            task(
                "Yhteyshenkilö valittu",
                "completed",
                datetime.date(2019, 10, 22),
                datetime.date(2019, 10, 22),
            )
        ],
    )
    listing = admin_client.get("/admin/snippets/actions/action/")
    assert listing.status_code == 200
    assert "Elinkeinopolitiikka" in listing.content.decode()
    edit = admin_client.get(f"/admin/snippets/actions/action/edit/{action.pk}/")
    assert edit.status_code == 200
    assert "Yhteyshenkilö valittu" in edit.content.decode()


def test_every_published_action_has_a_revision_to_compare_with(plan):
    action = make_action(plan, "1")
    assert action.live and action.live_revision is not None
    assert action.live_revision.content["identifier"] == "1"


def test_demo_admin_command_prints_the_same_login_twice(tmp_path, settings, capsys):
    settings.BASE_DIR = tmp_path
    call_command("demo_admin")
    first = capsys.readouterr().out
    call_command("demo_admin")
    assert capsys.readouterr().out == first
    assert "user: admin" in first
    assert Action.objects.count() == 0


def test_demo_admin_also_gives_the_contact_person_of_126_a_login(tmp_path, settings, capsys):
    import datetime

    from vahti.access import policies
    from vahti.demo.loader import load_demo

    load_demo(today=datetime.date(2026, 11, 28))
    settings.BASE_DIR = tmp_path
    call_command("demo_admin")
    call_command("demo_admin")
    output = capsys.readouterr().out
    assert "user: mikko.martikka" in output
    user = get_user_model().objects.get(username="mikko.martikka")
    editable = set(policies.actions_editable_by(user).values_list("identifier", flat=True))
    assert "126" in editable and "1" not in editable


def test_reports_spanning_every_plan_are_for_superusers_only(world):
    from django.test import Client

    plan_admin = Client()
    plan_admin.force_login(world.users["plan_admin"])
    response = plan_admin.get("/admin/reports/site-history/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert 'href="/admin/reports/' not in plan_admin.get("/admin/").content.decode()
    superuser = Client()
    superuser.force_login(
        get_user_model().objects.create_superuser("root", "root@example.invalid", "pw-123456")
    )
    assert superuser.get("/admin/reports/site-history/").status_code == 200
