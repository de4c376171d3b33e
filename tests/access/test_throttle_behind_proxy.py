"""Login throttling behind the TLS proxy the README recommends: clients are told apart by
their own addresses, and nobody can lock another person out from anywhere."""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client

from tests.conftest import make_user
from vahti.access import throttle

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"
PASSWORD = "a-long-test-password"


@pytest.fixture(autouse=True)
def behind_one_proxy(settings):
    settings.TRUSTED_PROXIES = 1


def browser(address: str, remote: str = PROXY) -> Client:
    """A browser at ``address`` whose requests come through the proxy."""
    return Client(REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=address)


def log_in(client: Client, username: str, password: str):
    response = client.post("/admin/login/", {"username": username, "password": password})
    errors = BeautifulSoup(response.content.decode(), "html.parser").select(
        ".help-critical, .error-message, .messages"
    )
    return response.status_code, " ".join(e.get_text(" ", strip=True) for e in errors)


def test_failed_logins_from_many_addresses_with_random_names_lock_out_no_editor():
    make_user("mikko")
    for number in range(throttle.ADDRESS_LIMIT):
        status, message = log_in(browser(f"198.51.100.{number}"), f"random{number}", "wrong")
        assert status == 200 and "eivät täsmänneet" in message
    assert log_in(browser("203.0.113.9"), "mikko@example.invalid", PASSWORD)[0] == 302


def test_eight_wrong_passwords_from_eight_addresses_do_not_lock_the_admin():
    make_user("admin")
    for number in range(8):
        assert log_in(browser(f"198.51.100.{number}"), "admin", "wrong")[0] == 200
    assert log_in(browser("203.0.113.9"), "admin", PASSWORD)[0] == 302


def test_one_address_behind_the_proxy_is_still_slowed_down():
    make_user("mikko")
    attacker = browser("198.51.100.66")
    for _ in range(throttle.LIMIT):
        log_in(attacker, "mikko", "wrong")
    status, message = log_in(attacker, "mikko", PASSWORD)
    assert status == 200 and "Liian monta epäonnistunutta kirjautumista" in message
    # The owner, at their own address, is not.
    assert log_in(browser("203.0.113.9"), "mikko", PASSWORD)[0] == 302


def test_a_forged_forwarded_for_from_outside_the_proxies_is_not_believed(settings):
    import ipaddress

    settings.TRUSTED_PROXIES = (ipaddress.ip_network("10.0.0.0/8"),)
    make_user("mikko")
    for number in range(throttle.LIMIT):
        # Straight to the server, with a new made-up address each time.
        log_in(browser(f"198.51.100.{number}", remote="192.0.2.50"), "mikko", "wrong")
    forged = browser("198.51.100.200", remote="192.0.2.50")
    assert "Liian monta" in log_in(forged, "mikko", PASSWORD)[1]


def guess_from_many_addresses(username: str) -> None:
    for number in range(throttle.NAME_LIMIT):
        log_in(browser(f"198.51.100.{number}"), username, "wrong")


def test_guesses_from_many_addresses_stop_but_the_owner_keeps_a_way_in():
    make_user("mikko")
    known = browser("203.0.113.9")
    assert log_in(known, "mikko@example.invalid", PASSWORD)[0] == 302
    known.post("/admin/logout/")

    guess_from_many_addresses("mikko@example.invalid")

    # A new browser is refused with the name, even with the right password, saying how
    # to get in; another name is not affected.
    new = browser("203.0.113.10")
    status, message = log_in(new, "mikko@example.invalid", PASSWORD)
    assert status == 200
    assert "Liian monta epäonnistunutta kirjautumista" in message
    assert "sähköpostiin tulevalla linkillä" in message
    make_user("liisa")
    assert log_in(browser("198.51.100.250"), "liisa", PASSWORD)[0] == 302

    # The browser the owner logged in from before is let in.
    assert log_in(known, "mikko@example.invalid", PASSWORD)[0] == 302

    # From the new browser, the owner resets the password by email and is let in there.
    new.post("/admin/password_reset/", {"email": "mikko@example.invalid"})
    link = re.search(r"http\S+/admin/password_reset/confirm/\S+/", mail.outbox[-1].body)[0]
    form_page = new.get(urlsplit(link).path, follow=True)
    set_password = form_page.redirect_chain[-1][0]
    new.post(
        set_password,
        {"new_password1": "uusi-pitka-salasana", "new_password2": "uusi-pitka-salasana"},
    )
    assert log_in(new, "mikko@example.invalid", "uusi-pitka-salasana")[0] == 302


def test_a_stranger_cannot_lock_the_owners_own_browser():
    make_user("mikko")
    known = browser("203.0.113.9")
    assert log_in(known, "mikko", PASSWORD)[0] == 302
    known.post("/admin/logout/")
    guess_from_many_addresses("mikko")
    # Even at the owner's address (a shared office network), the stranger's failures
    # do not count against the owner's browser.
    for _ in range(throttle.LIMIT):
        log_in(browser("203.0.113.9"), "mikko", "wrong")
    assert log_in(known, "mikko", PASSWORD)[0] == 302


def test_guesses_in_a_known_browser_are_slowed_too_and_its_cookie_cannot_be_made_up():
    make_user("mikko")
    known = browser("203.0.113.9")
    assert log_in(known, "mikko", PASSWORD)[0] == 302
    known.post("/admin/logout/")
    for _ in range(throttle.LIMIT):
        log_in(known, "mikko", "wrong")
    assert "Liian monta" in log_in(known, "mikko", PASSWORD)[1]

    guess_from_many_addresses("liisa")
    make_user("liisa")
    made_up = browser("203.0.113.10")
    made_up.cookies[throttle.COOKIE] = known.cookies[throttle.COOKIE].value[:-3] + "abc"
    assert "Liian monta" in log_in(made_up, "liisa", PASSWORD)[1]
