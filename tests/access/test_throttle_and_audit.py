import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from wagtail.models import ModelLogEntry

from tests.conftest import make_user
from vahti.access import throttle
from vahti.access.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def log_in(client, username, password):
    response = client.post("/admin/login/", {"username": username, "password": password})
    errors = BeautifulSoup(response.content.decode(), "html.parser").select(
        ".help-critical, .error-message, .messages"
    )
    return response, " ".join(e.get_text(" ", strip=True) for e in errors)


def test_five_failures_lock_the_name_from_that_address_with_a_clear_message(client):
    make_user("mikko")
    for _ in range(throttle.LIMIT):
        response, message = log_in(client, "mikko@example.invalid", "wrong")
        assert response.status_code == 200
        assert "eivät täsmänneet" in message
    # Even the right password is refused now, saying why.
    response, message = log_in(client, "mikko@example.invalid", "a-long-test-password")
    assert response.status_code == 200
    assert "Liian monta epäonnistunutta kirjautumista" in message and "15 minuuttia" in message
    # Another address is not locked out.
    other = client.__class__(REMOTE_ADDR="192.0.2.7")
    response, _message = log_in(other, "mikko@example.invalid", "a-long-test-password")
    assert response.status_code == 302


def test_a_successful_login_clears_the_count_and_is_in_the_audit_log(client, plan):
    user = make_user("liisa")
    Role.objects.create(user=user, plan=plan, kind="viewer")
    for _ in range(throttle.LIMIT - 1):
        log_in(client, "liisa", "wrong")
    response, _message = log_in(client, "liisa", "a-long-test-password")
    assert response.status_code == 302
    client.post("/admin/logout/")
    for _ in range(throttle.LIMIT - 1):
        log_in(client, "liisa", "wrong")
    assert (
        not throttle.is_locked("liisa", None)
        and log_in(client, "liisa", "a-long-test-password")[0].status_code == 302
    )
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(user.pk))
        .order_by("timestamp")
        .values_list("action", flat=True)
    )
    assert actions == ["vahti.role.grant", "vahti.login", "vahti.logout", "vahti.login"]


def test_role_changes_are_in_the_audit_log(world):
    user = make_user("newcomer")
    role = Role.objects.create(user=user, plan=world.plan, kind="viewer")
    role.delete()
    entries = ModelLogEntry.objects.filter(object_id=str(user.pk)).order_by("timestamp")
    assert [(e.action, e.data["role"], e.data["plan"]) for e in entries] == [
        ("vahti.role.grant", "viewer", "hnh"),
        ("vahti.role.revoke", "viewer", "hnh"),
    ]
