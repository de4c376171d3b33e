"""The API's rate limit: per client address (behind the proxy too), or per valid token;
a made-up Authorization header does not buy a fresh count."""

import pytest
from django.test import Client

from tests.conftest import make_user
from vahti.access.services import api_token_create

pytestmark = pytest.mark.usefixtures("english")
PLANS = "/api/v1/plans/"


def through_proxy(address: str) -> Client:
    return Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=address)


def test_behind_the_proxy_each_client_has_its_own_limit(open_plan, settings):
    settings.API_RATE_LIMIT = 3
    settings.TRUSTED_PROXIES = 1
    busy = through_proxy("198.51.100.7")
    assert [busy.get(PLANS).status_code for _ in range(4)] == [200, 200, 200, 429]
    assert through_proxy("203.0.113.9").get(PLANS).status_code == 200


def test_a_made_up_token_counts_as_its_address(open_plan, settings):
    settings.API_RATE_LIMIT = 3
    client = Client(REMOTE_ADDR="198.51.100.7")
    assert [client.get(PLANS).status_code for _ in range(3)] == [200, 200, 200]
    made_up = [
        client.get(PLANS, HTTP_AUTHORIZATION=f"Bearer vahti_made-up-{number}").status_code
        for number in range(20)
    ]
    assert made_up == [429] * 20
    assert client.get(PLANS, HTTP_AUTHORIZATION="Basic eDp5").status_code == 429


def test_a_valid_token_has_a_count_of_its_own(open_plan, settings):
    settings.API_RATE_LIMIT = 3
    _token, secret = api_token_create(open_plan.plan, name="Energy feed", user=make_user("a"))
    client = Client(REMOTE_ADDR="198.51.100.7")
    assert [client.get(PLANS).status_code for _ in range(4)] == [200, 200, 200, 429]
    with_token = [client.get(PLANS, HTTP_AUTHORIZATION=f"Bearer {secret}") for _ in range(4)]
    assert [a.status_code for a in with_token] == [200, 200, 200, 429]
    assert with_token[0]["RateLimit-Remaining"] == "2"
