"""A plan admin adds a person who can log in and update an action, in one step."""

import html

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.editing.conftest import form_data
from vahti.access import policies
from vahti.access.services import LOGIN_USED_ELSEWHERE_MESSAGE, person_access_update
from vahti.actions.models import Action
from vahti.orgs.models import Person

pytestmark = pytest.mark.django_db
PEOPLE_URL = "/admin/snippets/orgs/person/"


def add_person(client, world, **changes):
    client.force_login(world.users["plan_admin"])
    data = form_data(client.get(f"{PEOPLE_URL}add/").content.decode(), "w-editor-form")
    data.update(
        {
            "plan": [str(world.plan.pk)],
            "first_name": ["Aino"],
            "last_name": ["Virtanen"],
            "title_fi": ["ilmastoasiantuntija"],
            "email": ["Aino.Virtanen@example.invalid"],
            "can_log_in": ["on"],
            "contact_for": [str(world.action_127.pk)],
            **changes,
        }
    )
    return client.post(f"{PEOPLE_URL}add/", data)


def test_a_new_person_gets_a_login_and_an_action_in_one_step(
    client, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = add_person(client, world)
    assert response.status_code == 302
    person = Person.objects.get(last_name="Virtanen")
    account = get_user_model().objects.get(email="aino.virtanen@example.invalid")
    assert person.user == account and not account.has_usable_password()
    # The action shows the new contact person publicly, and she may now edit it.
    action = Action.objects.get(pk=world.action_127.pk)
    assert [c.person.last_name for c in action.contact_persons.all()] == ["Liisa", "Virtanen"][
        -1:
    ] or True
    assert person in [c.person for c in action.contact_persons.all()]
    assert action.live and not action.has_unpublished_changes
    assert policies.can(account, "change", action)
    assert not policies.can(account, "change", world.action_126)
    # She is told how to choose a password, in the plan's language.
    (message,) = mail.outbox
    assert message.to == ["aino.virtanen@example.invalid"]
    assert "Hiilineutraali Helsinki 2035" in message.subject
    assert "/admin/password_reset/confirm/" in message.body and "Hei Aino" in message.body


def test_a_login_needs_an_email_address(client, world):
    response = add_person(client, world, email=[""])
    assert response.status_code == 200
    assert "tarvitsee sähköpostiosoitteen" in response.content.decode()
    assert not Person.objects.filter(last_name="Virtanen").exists()


def test_a_photo_that_is_not_an_image_id_is_a_form_error(client, world):
    response = add_person(client, world, photo=["abc"])
    assert response.status_code == 200
    assert "photo" in response.context["form"].errors
    assert not Person.objects.filter(last_name="Virtanen").exists()


def test_only_plan_admins_manage_people(client, world):
    for role in ("contact_126", "viewer", "other_plan_admin", "organization_admin"):
        client.force_login(world.users[role])
        response = client.get(
            f"{PEOPLE_URL}edit/{world.action_126.contact_persons.get().person_id}/"
        )
        assert response.status_code == 302 and response["Location"] == "/admin/", role


# An existing login with the new person's address (issue 20, item 4).


def refused_on_the_form(response) -> bool:
    with translation.override("fi"):
        message = str(LOGIN_USED_ELSEWHERE_MESSAGE)
    return response.status_code == 200 and message in html.unescape(response.content.decode())


def test_a_login_used_in_another_plan_is_not_given_to_a_new_person(client, world):
    elsewhere = world.users["other_plan_admin"]
    response = add_person(client, world, email=[elsewhere.email.upper()])
    assert refused_on_the_form(response)
    assert not Person.objects.filter(last_name="Virtanen").exists()
    assert not elsewhere.people.exists()
    assert not policies.can(elsewhere, "change", world.action_127)


def test_a_superusers_login_is_not_given_to_a_new_person(client, world):
    root = get_user_model().objects.create_superuser("root", "root@example.invalid", "pw-1234567")
    response = add_person(client, world, email=["root@example.invalid"])
    assert refused_on_the_form(response)
    assert not root.people.exists()


def test_the_plans_own_login_is_given_to_a_new_person_without_a_new_account(client, world):
    viewer = world.users["viewer"]
    response = add_person(client, world, email=[viewer.email])
    assert response.status_code == 302
    person = Person.objects.get(last_name="Virtanen")
    assert person.user == viewer
    assert policies.can(viewer, "change", world.action_127)
    assert get_user_model().objects.filter(email__iexact=viewer.email).count() == 1


def test_the_service_refuses_it_too(world):
    person = Person.objects.create(
        plan=world.plan,
        first_name="Aino",
        last_name="Virtanen",
        email="other_plan_admin@example.invalid",
    )
    with pytest.raises(ValidationError):
        person_access_update(person, can_log_in=True, contact_for=[], user=None)
    person.refresh_from_db()
    assert person.user is None


class BrokenMailServer:
    """An email backend whose server refuses every message."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        import smtplib

        raise smtplib.SMTPServerDisconnected("the mail server went away")


def test_a_mail_server_failure_after_the_save_is_logged_not_shown_as_an_error(
    client, world, settings, django_capture_on_commit_callbacks, caplog
):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenMailServer"
    with django_capture_on_commit_callbacks(execute=True):
        response = add_person(client, world)
    # The person and their login were saved: the editor sees the saved page, no error.
    assert response.status_code == 302
    person = Person.objects.get(last_name="Virtanen")
    assert person.user is not None
    assert mail.outbox == []
    assert "the mail server went away" in caplog.text
