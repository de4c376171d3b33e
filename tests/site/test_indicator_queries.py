"""Indicator pages issue the same number of SQL queries whatever the number of values or
indicators: 10 values against 10,000, 2 indicators against 20."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import PlanFactory, make_action, make_indicator
from tests.site.conftest import QUERY_BUDGET
from vahti.indicators.models import Dimension, DimensionCategory, IndicatorRelation
from vahti.indicators.services import ValueRow, indicator_values_save
from vahti.plans.models import PlanDomain

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]
URLS = [
    "/indicators/",
    "/indicators/daily/",
    "/actions/1/",
    "/insight/",
    "/insight/?indicator=daily",
]


def build(identifier: str, values: int, indicators: int):
    plan = PlanFactory(identifier=identifier)
    PlanDomain.objects.create(plan=plan, hostname=f"{identifier}.example")
    action = make_action(plan, "1")
    sector = Dimension.objects.create(plan=plan, identifier="sector", name_fi="Sektori")
    parts = [
        DimensionCategory.objects.create(dimension=sector, identifier=f"p{n}", name_fi=f"Osa {n}")
        for n in range(3)
    ]
    start = datetime.date(2000, 1, 1)
    daily = make_indicator(
        plan,
        "daily",
        level="strategic",
        time_resolution="day",
        goals=[("2040-01-01", 1.0)],
        action_links=[(action, "decreases", True)],
    )
    rows = [ValueRow(start + datetime.timedelta(days=n), 5000.0 - n * 0.1) for n in range(values)]
    rows += [ValueRow(start + datetime.timedelta(days=n), 1.0, parts[n % 3]) for n in range(3)]
    indicator_values_save(daily, rows)
    previous = daily
    for n in range(indicators - 1):
        other = make_indicator(
            plan,
            f"yearly{n}",
            level=["strategic", "tactical", "operational"][n % 3],
            values=[(2015 + year, 10 + year + n) for year in range(8)],
            goals=[(2030, 40)],
            action_links=[(action, "increases", n % 2 == 0)],
        )
        IndicatorRelation.objects.create(cause=other, effect_indicator=previous)
        previous = other


@pytest.fixture
def plans(settings):
    settings.ALLOWED_HOSTS = ["small.example", "large.example"]
    build("small", values=10, indicators=2)
    build("large", values=10_000, indicators=20)


def count(client, url, host) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200, url
    return len(captured)


def test_indicator_pages_issue_the_same_queries_for_10_and_10000_values(client, plans):
    # One test for every page: building the plans is the slow part.
    counts = {}
    for url in URLS:
        count(client, url, "small.example")
        count(client, url, "large.example")
        counts[url] = (count(client, url, "small.example"), count(client, url, "large.example"))
    assert {url: small for url, (small, _large) in counts.items()} == {
        url: large for url, (_small, large) in counts.items()
    }
    assert max(large for _small, large in counts.values()) <= QUERY_BUDGET
    html = client.get("/indicators/daily/", HTTP_HOST="large.example").content.decode()
    assert html.count("<tr data-date=") == 10_000 + 1  # the goal's row too
