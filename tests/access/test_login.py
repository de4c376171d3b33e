import pytest
from django.contrib.auth import authenticate

from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_people_log_in_with_their_email_address_in_any_case(client):
    user = make_user("mikko")  # mikko@example.invalid
    assert authenticate(username="Mikko@Example.invalid", password="a-long-test-password") == user
    assert authenticate(username="mikko@example.invalid", password="wrong") is None
    response = client.post(
        "/admin/login/",
        {"username": "mikko@example.invalid", "password": "a-long-test-password"},
    )
    assert response.status_code == 302


def test_an_address_shared_by_two_accounts_logs_in_neither():
    make_user("a", email="shared@example.invalid")
    make_user("b", email="SHARED@example.invalid")
    assert authenticate(username="shared@example.invalid", password="a-long-test-password") is None


def test_an_inactive_account_cannot_log_in():
    make_user("c", is_active=False)
    assert authenticate(username="c@example.invalid", password="a-long-test-password") is None


def test_a_forgotten_password_is_reset_by_email(client, plan):
    from django.core import mail

    from vahti.access.models import Role

    user = make_user("liisa")
    Role.objects.create(user=user, plan=plan, kind="viewer")
    response = client.post("/admin/password_reset/", {"email": "LIISA@example.invalid"})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["liisa@example.invalid"]
    assert "/admin/password_reset/confirm/" in message.body


def test_sessions_end_when_the_browser_closes_unless_remembered(client, plan, settings):
    from vahti.access.models import Role

    user = make_user("aino")
    Role.objects.create(user=user, plan=plan, kind="viewer")
    client.post("/admin/login/", {"username": "aino", "password": "a-long-test-password"})
    assert client.session.get_expire_at_browser_close()
    client.post(
        "/admin/login/",
        {"username": "aino", "password": "a-long-test-password", "remember": "on"},
    )
    assert not client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE == 12 * 3600
