"""The feedback limit behind the TLS proxy: each resident's own address is counted, not
the proxy's, so one sender cannot use up everyone's messages."""

import pytest
from django.test import Client

from tests.feedback.test_feedback import HOST, errors, send
from vahti.feedback.models import Feedback
from vahti.feedback.services import PER_HOUR

pytestmark = pytest.mark.django_db


def resident(address: str) -> Client:
    return Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=address)


def test_each_resident_behind_the_proxy_has_their_own_limit(town, settings):
    settings.TRUSTED_PROXIES = 1
    busy = resident("198.51.100.7")
    answers = [send(busy, "/feedback/", message=f"Viesti {n}") for n in range(PER_HOUR + 1)]
    assert [a.status_code for a in answers] == [302] * PER_HOUR + [429]
    assert "useita viestejä" in errors(answers[-1])
    # Another resident, through the same proxy, is not refused.
    assert send(resident("203.0.113.9"), "/feedback/", message="Minun viestini").status_code == 302
    assert Feedback.objects.filter(message="Minun viestini").exists()
    # A made-up header straight to the server buys no fresh count.
    settings.TRUSTED_PROXIES = 0
    direct = Client(REMOTE_ADDR="192.0.2.50")
    for number in range(PER_HOUR):
        send(
            direct,
            "/feedback/",
            message=f"Suoraan {number}",
            HTTP_X_FORWARDED_FOR=f"6.6.6.{number}",
        )
    forged = send(direct, "/feedback/", message="Vielä", HTTP_X_FORWARDED_FOR="6.6.6.99", **HOST)
    assert forged.status_code == 429
