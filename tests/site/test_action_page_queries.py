"""The uncached action page reads a bounded number of queries at any plan size: the
demo's actions (the richest of them: indicators with charts, related and merged
actions, a timeline) and a generated plan's action 6 (contact persons with photos)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.site.conftest import visible_text
from vahti.actions.models import Action
from vahti.demo.generate import generate_plan
from vahti.demo.loader import load_demo
from vahti.plans.models import PlanDomain

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]

# At most this many queries an uncached action page: it was 23 on the demo's richest
# (indicators add five) and 20 on action 6. Issue 22 asks for 12 at most.
DEMO_ACTION_PAGE_QUERIES = 12
ACTION_PAGE_QUERIES = 12


def counted(client, url: str, host: str) -> tuple[int, str]:
    client.get(url, HTTP_HOST=host)  # thumbnails, once
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


def test_every_demo_action_page_reads_a_bounded_number_of_queries(client, settings):
    load_demo()
    settings.ALLOWED_HOSTS = ["*"]
    counts = {}
    for action in Action.objects.public().select_related("plan"):
        domain = PlanDomain.objects.filter(plan=action.plan).first()
        prefix = f"/{domain.path_prefix}" if domain.path_prefix else ""
        url = f"{prefix}/actions/{action.identifier}/"
        counts[url], _html = counted(client, url, domain.hostname)
    assert max(counts.values()) <= DEMO_ACTION_PAGE_QUERIES, counts


def test_a_generated_plans_action_6_reads_a_bounded_number_of_queries(client, settings):
    settings.ALLOWED_HOSTS = ["small.example", "large.example"]
    PlanDomain.objects.create(plan=generate_plan("small", 10), hostname="small.example")
    PlanDomain.objects.create(plan=generate_plan("large", 200), hostname="large.example")
    small, _html = counted(client, "/actions/6/", "small.example")
    large, html = counted(client, "/actions/6/", "large.example")
    assert small == large <= ACTION_PAGE_QUERIES
    text = visible_text(html)
    # What the page shows that the fewer queries read: merged and related actions, the
    # neighbours, the contact persons' photos.
    assert "Yhdistetyt toimenpiteet" in text and "Liittyvät toimenpiteet" in text
    assert "person__photo" in html
    assert 'href="/actions/5/"' in html and 'href="/actions/8/"' in html
