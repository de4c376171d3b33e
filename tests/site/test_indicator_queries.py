"""Indicator pages issue the same number of SQL queries whatever the number of values or
indicators: 10 values against 10,000, 2 indicators against 20."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import PlanFactory, make_action, make_indicator
from tests.site.conftest import QUERY_BUDGET, visible_text
from vahti.indicators.models import Dimension, DimensionCategory, IndicatorRelation
from vahti.indicators.services import indicator_values_save
from vahti.indicators.value_rows import ValueRow
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


def test_a_long_daily_series_is_shown_per_month_and_downloaded_whole(client, plans):
    html = client.get("/en/indicators/daily/", HTTP_HOST="large.example").content.decode()
    assert len(html.encode()) < 150_000
    # 10,000 days from January 2000 to May 2027: 329 months, and the goal's row.
    assert html.count("<tr data-date=") == 329 + 1
    text = visible_text(html)
    assert "Daily values summarised per month" in text
    assert "The full series is in the CSV download." in text
    assert "The values as a table (329 periods)" in text
    # The first month's mean: 5000.0 - n * 0.1 for the 31 days of January 2000.
    assert 'data-date="2000-01-31"' in html and 'data-value="4998.5' in html
    response = client.get("/indicators/daily/values.csv", HTTP_HOST="large.example")
    rows = b"".join(response.streaming_content).decode().splitlines()
    assert len(rows) == 1 + 10_000 + 3  # the header, every day, the three parts
    assert rows[1].startswith("2000-01-01,")


def test_a_short_daily_series_is_shown_day_by_day(client, plans):
    html = client.get("/en/indicators/daily/", HTTP_HOST="small.example").content.decode()
    assert html.count("<tr data-date=") == 10 + 1
    assert "summarised" not in visible_text(html)
