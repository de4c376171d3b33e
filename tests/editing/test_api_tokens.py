"""API tokens in the admin: only plan admins create and revoke them, only for their own
plans; the secret is shown once; both are in the audit log; a revoked token stops
working at once."""

from __future__ import annotations

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import ModelLogEntry

from tests.editing.conftest import client_for, form_data
from tests.factories import make_indicator
from vahti.access.models import ApiToken
from vahti.access.services import api_token_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
URL = "/admin/api-tokens/"


@pytest.fixture
def admins_english(world):
    from wagtail.users.models import UserProfile

    for user in world.users.values():
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
    return world


def refused(answer) -> bool:
    """Wagtail answers a refusal with the dashboard and a message."""
    return answer.status_code == 403 or (
        answer.status_code == 302 and answer["Location"] == "/admin/"
    )


def create(client, world, name="Energy feed", expires_on=""):
    page = client.get(URL)
    data = form_data(page.content.decode(), None)
    data.update({"plan": [str(world.plan.pk)], "name": [name], "expires_on": [expires_on]})
    forms = BeautifulSoup(page.content, "html.parser").select("form[method=post]")
    assert forms, "no form"
    return client.post(URL, {k: v for k, v in data.items() if k != "revoke"})


def test_a_plan_admin_creates_a_token_and_sees_its_secret_once(client, admins_english):
    world = admins_english
    client = client_for(client, world, "plan_admin")
    answer = create(client, world)
    assert answer.status_code == 302
    page = client.get(URL)
    soup = BeautifulSoup(page.content, "html.parser")
    secret = soup.select_one("#new-token-secret")["value"]
    assert secret.startswith("vahti_")
    assert "shown only this once" in soup.get_text()
    token = ApiToken.objects.get()
    assert (token.plan, token.name, token.created_by) == (world.plan, "Energy feed",
                                                          world.users["plan_admin"])  # fmt: skip
    row = soup.find("th", string="Energy feed").parent
    assert token.prefix in row.get_text() and "in use" in row.get_text()
    # Gone on the next visit; only the digest is stored.
    again = client.get(URL).content.decode()
    assert secret not in again and "new-token-secret" not in again
    assert token.digest != secret and secret not in json.dumps(
        list(ApiToken.objects.values()), default=str
    )
    entry = ModelLogEntry.objects.get(action="vahti.api_token.create")
    assert entry.user == world.users["plan_admin"]

    # The secret works.
    make_indicator(world.plan, "ghg")
    written = client.post(
        "/api/v1/indicators/ghg/values/",
        data=json.dumps({"values": [{"date": "2024", "value": 1}]}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert written.status_code == 200, written.content
    assert "never" not in client.get(URL).content.decode().split("Energy feed")[1][:400]


def test_a_revoked_token_stops_working_and_stays_listed(client, admins_english):
    world = admins_english
    token, secret = api_token_create(world.plan, name="Old feed", user=world.users["plan_admin"])
    make_indicator(world.plan, "ghg")
    client = client_for(client, world, "plan_admin")
    answer = client.post(URL, {"revoke": str(token.pk)}, follow=True)
    assert "The token “Old feed” was revoked: it no longer works." in answer.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None and token.revoked_by == world.users["plan_admin"]
    assert ModelLogEntry.objects.filter(action="vahti.api_token.revoke").count() == 1
    row = BeautifulSoup(answer.content, "html.parser").find("th", string="Old feed").parent
    assert "revoked" in row.get_text() and row.find("button") is None
    written = client.post(
        "/api/v1/indicators/ghg/values/",
        data=json.dumps({"values": [{"date": "2024", "value": 1}]}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert written.status_code == 401
    again = client.post(URL, {"revoke": str(token.pk)}, follow=True)
    assert "was already revoked" in again.content.decode()


@pytest.mark.parametrize("who", ["organization_admin", "viewer", "contact_126"])
def test_others_may_not_see_create_or_revoke_tokens(client, admins_english, who):
    world = admins_english
    token, _secret = api_token_create(world.plan, name="Feed", user=world.users["plan_admin"])
    client = client_for(client, world, who)
    assert refused(client.get(URL))
    assert refused(client.post(URL, {"plan": world.plan.pk, "name": "Mine"}))
    assert refused(client.post(URL, {"revoke": str(token.pk)}))
    assert ApiToken.objects.count() == 1 and ApiToken.objects.get().revoked_at is None
    assert URL not in client.get("/admin/").content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client, admins_english):
    answer = client.get(URL)
    assert answer.status_code == 302 and "/login/" in answer["Location"]


def test_a_plan_admin_reaches_only_their_own_plans_tokens(client, admins_english):
    world = admins_english
    theirs, _secret = api_token_create(
        world.other_plan, name="Their feed", user=world.users["other_plan_admin"]
    )
    client = client_for(client, world, "plan_admin")
    page = client.get(URL).content.decode()
    assert "Their feed" not in page
    assert URL in client.get("/admin/").content.decode()
    assert client.post(URL, {"revoke": str(theirs.pk)}).status_code == 404
    answer = client.post(URL, {"plan": str(world.other_plan.pk), "name": "Sneaky"})
    assert answer.status_code == 200
    assert "Select a valid choice" in answer.content.decode()
    theirs.refresh_from_db()
    assert theirs.revoked_at is None and ApiToken.objects.count() == 1


def test_bad_input_is_named_and_nothing_is_created(client, admins_english):
    world = admins_english
    client = client_for(client, world, "plan_admin")
    answer = create(client, world, name="   ")
    assert "This field is required." in answer.content.decode()
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    answer = create(client, world, expires_on=yesterday)
    assert "The expiry must be in the future." in answer.content.decode()
    assert not ApiToken.objects.exists()
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    assert create(client, world, expires_on=tomorrow).status_code == 302
    token = ApiToken.objects.get()
    assert token.expires_at.date() == timezone.localdate() + datetime.timedelta(days=1)
    assert token.is_usable()
