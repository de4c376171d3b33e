"""Public pages issue the same number of SQL queries whatever the plan's size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.site.conftest import QUERY_BUDGET, visible_text
from vahti.demo.generate import generate_plan
from vahti.plans.models import Plan, PlanDomain

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]

# Action 6 has everything a page can show in a generated plan: action 7 merged into it,
# related actions, a timeframe, tasks in every state, contact persons with photos.
URLS = [
    "/",
    "/actions/",
    "/actions/6/",
    "/sv/",
    "/sv/actions/",
    "/en/actions/6/",
    # Every filter at once, and the trees (themes, organisations) read for them.
    "/actions/?category=t1&organization=city&primary=on&status=late&phase=phase2"
    "&schedule=s2020&impact=impact1&q=toimenpide",
    "/actions/?category=t2-1&organization=org3",
    # Derived lateness: the late filter, on the list and on the dashboard with its count.
    "/actions/?late=on",
    "/actions/?view=dashboard&late=on&sort=-late_tasks",
    # The dashboard, sorted by a column read from another table, on its second page.
    "/actions/?view=dashboard",
    "/actions/?view=dashboard&sort=organization&page=2&status=late",
    "/actions.xlsx?category=t1",
    # A theme with its sub-themes, the root organisation and one below it.
    "/categories/theme/t1/",
    "/organizations/city/",
    "/en/organizations/org3/",
    # The dashboard over time: today, and on a past day for a filtered set.
    "/actions/?view=history",
    "/en/actions/?view=history&on=2025-06-30&status=late",
    # Feeds: the plan's updates, one action's, one organisation's open tasks.
    "/feeds/updates.atom",
    "/en/feeds/actions/6.atom",
    "/feeds/tasks.ics?organization=city",
    # Search: a word every action has (a page of thousands of matches) and one kind only.
    "/search/?q=toimenpide",
    "/sv/search/?q=päästöjen&kind=action&page=2",
    # Open data: the page of downloads, the API reference and the API itself.
    "/data/",
    "/en/data/api/",
    "/api/v1/plans/",
    "/api/v1/actions/?page_size=500",
    "/api/v1/actions/?category=t1&organization=city&status=late",
    "/api/v1/actions/6/",
    "/api/v1/actions/?late=true&page_size=500",
    "/api/v1/categories/",
    "/api/v1/organizations/",
    "/api/v1/indicators/",
    "/api/v1/news/",
]


def queries(client, url, host) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200
    return len(captured), response.content.decode(errors="replace")


@pytest.fixture
def plans(settings):
    settings.ALLOWED_HOSTS = ["small.example", "large.example"]
    PlanDomain.objects.create(plan=generate_plan("small", 10), hostname="small.example")
    PlanDomain.objects.create(plan=generate_plan("large", 500), hostname="large.example")


def test_public_pages_issue_the_same_queries_for_10_and_500_actions(client, plans):
    """Every page of URLS, one after another on the same two plans (generating them is
    the slow part): each differing or over-budget page is named."""
    differing = []
    for url in URLS:
        # The first view of a page may make thumbnails once; count the steady state.
        queries(client, url, "small.example")
        queries(client, url, "large.example")
        small_count, _html = queries(client, url, "small.example")
        large_count, _html = queries(client, url, "large.example")
        if small_count != large_count or large_count > QUERY_BUDGET:
            differing.append(f"{url}: {small_count} queries at 10 actions, {large_count} at 500")
    assert not differing, "\n".join(differing)


def test_the_counted_action_page_shows_what_it_is_meant_to(client, plans, soup):
    _count, html = queries(client, "/actions/6/", "large.example")
    page = soup(type("R", (), {"content": html.encode()}))
    text = visible_text(html)
    assert "Yhdistetyt toimenpiteet" in text and "Liittyvät toimenpiteet" in text
    assert page.select("img.person__photo")
    assert "2020–2024" in text or "2025–2029" in text or "2030–2034" in text


# A plan's pages under a path prefix, the API and the feeds among them.
PREFIXED_URLS = [
    "/",
    "/actions/",
    "/actions/6/",
    "/sv/actions/?view=dashboard",
    "/categories/theme/t1/",
    "/feeds/updates.atom",
    "/search/?q=toimenpide",
    "/api/v1/actions/?page_size=500",
]


def test_three_plans_on_one_host_issue_the_same_queries_as_a_plan_on_its_own(
    client, plans, settings
):
    """One plan at the root of a shared host and two under path prefixes: finding the
    plan by host and prefix costs the same single query as by host alone."""
    settings.ALLOWED_HOSTS = ["small.example", "large.example", "shared.example"]
    third = generate_plan("third", 10)
    PlanDomain.objects.create(plan=Plan.objects.get(identifier="small"), hostname="shared.example")
    PlanDomain.objects.create(
        plan=Plan.objects.get(identifier="large"), hostname="shared.example", path_prefix="large"
    )
    PlanDomain.objects.create(plan=third, hostname="shared.example", path_prefix="third")
    for url in PREFIXED_URLS:
        queries(client, url, "small.example")
        alone, _html = queries(client, url, "small.example")
        for address in (url, f"/large{url}", f"/third{url}"):
            queries(client, address, "shared.example")  # thumbnails, once
            count, html = queries(client, address, "shared.example")
            assert count == alone, address
            assert count <= QUERY_BUDGET, address
        # Each prefixed plan's links carry its prefix.
        if url == "/actions/":
            _count, html = queries(client, "/third/actions/", "shared.example")
            assert 'href="/third/actions/' in html and 'href="/large/' not in html
