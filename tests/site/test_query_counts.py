"""Public pages issue the same number of SQL queries whatever the plan's size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vahti.demo.generate import generate_plan
from vahti.plans.models import PlanDomain

pytestmark = pytest.mark.django_db


def queries(client, url, host):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/", "/actions/", "/actions/5/", "/en/actions/5/"])
def test_public_pages_issue_the_same_queries_for_10_and_500_actions(client, url, settings):
    settings.ALLOWED_HOSTS = ["small.example", "large.example"]
    PlanDomain.objects.create(plan=generate_plan("small", 10), hostname="small.example")
    PlanDomain.objects.create(plan=generate_plan("large", 500), hostname="large.example")
    small_count = queries(client, url, "small.example")
    large_count = queries(client, url, "large.example")
    assert small_count == large_count
    assert large_count <= 20
