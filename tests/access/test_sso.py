"""Optional single sign-on: configured from the environment, and a work account logs in
only as a person Vahti already knows."""

import os
import subprocess
import sys

import pytest

from tests.conftest import make_user

PROVIDER = {
    "OIDC_RP_CLIENT_ID": "vahti",
    "OIDC_RP_CLIENT_SECRET": "secret",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://login.example.invalid/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://login.example.invalid/token",
    "OIDC_OP_USER_ENDPOINT": "https://login.example.invalid/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://login.example.invalid/jwks",
}
SCRIPT = """
import django
django.setup()
from django.conf import settings
from django.urls import reverse
print(reverse("oidc_authentication_init"))
print(settings.AUTHENTICATION_BACKENDS[-1])
"""


def run(code: str, **env):
    clean = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG"}}
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, "DJANGO_SETTINGS_MODULE": "vahti.settings", "DEBUG": "true", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_sso_needs_the_whole_provider_configuration():
    result = run("import vahti.settings", OIDC_RP_CLIENT_ID="vahti")
    assert result.returncode != 0
    assert "single sign-on needs OIDC_RP_CLIENT_SECRET, OIDC_OP_AUTHORIZATION_ENDPOINT" in (
        result.stderr
    )


def test_sso_is_wired_in_when_configured():
    result = run(SCRIPT, **PROVIDER)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["/oidc/authenticate/", "vahti.access.oidc.WorkAccountBackend"]


@pytest.fixture
def backend(settings):
    for name, value in PROVIDER.items():
        setattr(settings, name, value)
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    settings.OIDC_CREATE_USER = False
    from vahti.access.oidc import WorkAccountBackend

    return WorkAccountBackend()


@pytest.mark.django_db
def test_a_work_account_logs_in_as_the_person_with_that_verified_address(backend):
    user = make_user("mikko", email="Mikko.Martikka@hel.example")
    claims = {"email": "mikko.martikka@hel.example", "email_verified": True}
    assert list(backend.filter_users_by_claims(claims)) == [user]
    assert not backend.filter_users_by_claims({**claims, "email_verified": False}).exists()
    assert not backend.filter_users_by_claims({"sub": "x"}).exists()


@pytest.mark.django_db
def test_an_unknown_work_account_is_refused_not_created(backend):
    from django.contrib.auth import get_user_model

    make_user("a", email="shared@hel.example")
    make_user("b", email="SHARED@hel.example")
    assert not backend.filter_users_by_claims({"email": "stranger@hel.example"}).exists()
    assert not backend.filter_users_by_claims({"email": "shared@hel.example"}).exists()
    # mozilla-django-oidc creates a user for an unknown address only when told to.
    assert backend.get_settings("OIDC_CREATE_USER", True) is False
    assert not get_user_model().objects.filter(email="stranger@hel.example").exists()
