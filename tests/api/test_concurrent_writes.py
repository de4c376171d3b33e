"""Twenty data feeds writing through the API at the same moment all succeed: none is
answered "database is locked" (SQLite, the default of `make run`, before it waited for
other writers), and every value each was told was saved is stored.

Each request runs in its own thread with its own database connection, released together
by a barrier, against the transactional test database (SQLite's is a file, PostgreSQL's
a server), so this runs on both CI runs."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from tests.conftest import make_user
from tests.simultaneous import at_once
from vahti.access.services import api_token_create
from vahti.indicators.models import IndicatorValue

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("english")]

WRITERS = 20
VALUES = "/api/v1/indicators/ghg/values/"


def test_twenty_feeds_writing_at_once_are_all_saved(open_plan):
    admin = make_user("feed-admin")
    secrets = [
        api_token_create(open_plan.plan, name=f"Feed {n}", user=admin)[1] for n in range(WRITERS)
    ]
    before = IndicatorValue.objects.filter(indicator__identifier="ghg").count()

    def feed(n: int):
        body = {"values": [{"date": str(1900 + n), "value": 1000 + n}]}
        return Client().post(
            VALUES,
            data=json.dumps(body),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {secrets[n]}",
        )

    answers = at_once(feed, range(WRITERS))

    failed = {
        n: answer if isinstance(answer, BaseException) else (answer.status_code, answer.content)
        for n, answer in answers.items()
        if isinstance(answer, BaseException) or answer.status_code != 200
    }
    assert failed == {}
    assert all(answers[n].json()["created"] == 1 for n in range(WRITERS))
    stored = IndicatorValue.objects.filter(indicator__identifier="ghg", date__year__lt=2000)
    assert sorted(stored.values_list("value", flat=True)) == [1000 + n for n in range(WRITERS)]
    assert IndicatorValue.objects.filter(indicator__identifier="ghg").count() == before + WRITERS
