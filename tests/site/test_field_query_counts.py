"""The action page, the list (filtered by a field too), the dashboard (sorted by a field)
and the downloads issue the same number of queries for a plan with one public field and
150 actions as for one with twenty public fields and 1,500 actions."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import PlanFactory, make_action
from tests.site.conftest import QUERY_BUDGET
from tests.site.plan_fields import make_fields, values_for
from vahti.actions.models import Action, ActionField, ActionFieldValue
from vahti.plans.models import PlanDomain

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]

URLS = [
    "/actions/1/",
    "/en/actions/1/",
    "/actions/",
    "/actions/?f.cost.min=0&f.cost.max=1000000",
    "/actions/?view=dashboard",
    "/sv/actions/?view=dashboard&sort=-f.cost&f.cost.min=1",
    "/actions.csv",
    "/actions.xlsx?f.cost.min=1&sort=f.cost",
]
ACTION_PAGE_QUERIES = 12  # as tests/site/test_action_page_queries.py


def more_actions(plan, count: int, fields: list[ActionField]) -> None:
    """``count`` more public actions, each with a value of every number field."""
    made = Action.objects.bulk_create(
        Action(plan=plan, identifier=f"A{n}", sort_key=f"A{n:05d}", name_fi=f"Toimenpide {n}",
               live=True)
        for n in range(count)
    )  # fmt: skip
    ActionFieldValue.objects.bulk_create(
        ActionFieldValue(action=action, field=field, number=Decimal(n))
        for n, action in enumerate(made)
        for field in fields
        if field.kind == ActionField.Kind.NUMBER
    )


@pytest.fixture
def plans(settings):
    settings.ALLOWED_HOSTS = ["one.example", "twenty.example"]
    one, twenty = PlanFactory(identifier="one"), PlanFactory(identifier="twenty")
    # The same fields and categories in both plans, all but one non-public in the first.
    cost = make_fields(one)["cost"]
    ActionField.objects.filter(plan=one).exclude(pk=cost.pk).update(is_public=False)
    make_action(one, "1", field_values=[{"field": cost, "number": Decimal("1200.5")}])
    more_actions(one, 149, [cost])
    fields = make_fields(twenty, extra=12)
    assert ActionField.objects.filter(plan=twenty, is_public=True).count() == 20
    make_action(twenty, "1", field_values=values_for(fields))
    more_actions(twenty, 1499, [fields["cost"], *fields["extra"]])
    PlanDomain.objects.create(plan=one, hostname="one.example")
    PlanDomain.objects.create(plan=twenty, hostname="twenty.example")


def count(client, url: str, host: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_HOST=host)
        content = (
            b"".join(response.streaming_content)
            if hasattr(response, "streaming_content")
            else response.content
        )
    assert response.status_code == 200, url
    return len(captured), content.decode(errors="replace")


def test_pages_with_fields_issue_the_same_queries_for_1_and_20_fields(client, plans):
    differing = []
    for url in URLS:
        count(client, url, "one.example")  # what is kept per data version, once
        count(client, url, "twenty.example")
        one, _html = count(client, url, "one.example")
        twenty, html = count(client, url, "twenty.example")
        budget = ACTION_PAGE_QUERIES if url.endswith("/1/") else QUERY_BUDGET
        if one != twenty or twenty > budget:
            differing.append(f"{url}: {one} queries with 1 field, {twenty} with 20")
        if url == "/actions/1/":
            assert "Lisäluku 11" in html and "Sisäinen luokka" not in html
        if url == "/actions.csv":
            assert "Lisäluku 11" in html.splitlines()[0]
    assert not differing, "\n".join(differing)
