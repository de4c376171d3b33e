"""The public action list in pages: a page of the actions grouped by theme (themes run on
from one page to the next), plain page links that keep the filters, the count and the
downloads of every filtered action, and the same weight and queries at any plan size."""

from __future__ import annotations

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CategoryFactory, CategoryTypeFactory
from tests.site.conftest import QUERY_BUDGET
from vahti.actions.models import Action
from vahti.demo.generate import generate_plan
from vahti.plans.models import PlanDomain

pytestmark = pytest.mark.django_db


@pytest.fixture
def listed(plan, status):
    """250 actions: 1–150 under theme 1, 151–230 under theme 2, 231–250 under none."""
    kind = CategoryTypeFactory(plan=plan, is_primary=True)
    first = CategoryFactory(type=kind, identifier="t1", name_fi="Liikenne", order=1)
    second = CategoryFactory(type=kind, identifier="t2", name_fi="Energia", order=2)
    actions = Action.objects.bulk_create(
        Action(plan=plan, identifier=str(n), sort_key=f"{n:05d}", name_fi=f"T {n}", status=status)
        for n in range(1, 251)
    )
    Action.categories.through.objects.bulk_create(
        Action.categories.through(action=action, category=first if n <= 150 else second)
        for n, action in enumerate(actions[:230], start=1)
    )


def page_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def card_ids(page) -> list[str]:
    return [card.get_text(strip=True) for card in page.select(".action-card__id")]


def headings(page) -> list[str]:
    return [h.get_text(strip=True) for h in page.select("section.category-group h2")]


def downloaded(client, query: str) -> list[list[str]]:
    response = client.get(f"/en/actions.csv{query}")
    text = b"".join(response.streaming_content).decode("utf-8").removeprefix("\ufeff")
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.usefixtures("listed")
def test_the_list_shows_a_page_of_actions_and_links_the_others(client):
    page = page_of(client.get("/en/actions/"))
    assert card_ids(page) == [str(n) for n in range(1, 101)]
    assert headings(page) == ["Liikenne"]
    assert page.select_one("#result-count").get_text(strip=True) == "250 actions"
    pages = page.select_one('nav.pagination[aria-label="Pages of the actions"]')
    assert [a.get_text(" ", strip=True) for a in pages.select("li a")] == [
        "Page 1", "Page 2", "Page 3",
    ]  # fmt: skip
    assert pages.select_one('a[aria-current="page"]')["href"] == "/en/actions/"
    assert not pages.select_one('a[rel="prev"]')
    assert pages.select_one('a[rel="next"]')["href"] == "/en/actions/?page=2"
    assert "Page 1 of 3" in pages.get_text()
    # Every theme in the contents, linked to the page it starts on.
    toc = {a.get_text(strip=True): a["href"] for a in page.select("nav.toc a")}
    assert toc == {
        "Liikenne": "#category-t1",
        "Energia": "/en/actions/?page=2#category-t2",
        "Other actions": "/en/actions/?page=3#uncategorised",
    }

    second = page_of(client.get("/en/actions/?page=2"))
    assert card_ids(second) == [str(n) for n in range(101, 201)]
    # Theme 1 runs on from the first page under its heading again.
    assert headings(second) == ["Liikenne", "Energia"]
    assert second.select_one("#result-count").get_text(strip=True) == "250 actions"
    assert second.select_one('a[rel="prev"]')["href"] == "/en/actions/"

    last = page_of(client.get("/en/actions/?page=3"))
    assert card_ids(last) == [str(n) for n in range(201, 251)]
    assert headings(last) == ["Energia", "Other actions"]
    assert not last.select_one('nav.pagination a[rel="next"]')
    # A page that is not there gives the nearest one.
    assert card_ids(page_of(client.get("/en/actions/?page=99"))) == card_ids(last)
    assert card_ids(page_of(client.get("/en/actions/?page=x")))[0] == "1"


@pytest.mark.usefixtures("listed")
def test_filters_and_pages_go_together_and_the_downloads_hold_every_filtered_action(client):
    page = page_of(client.get("/en/actions/?category=t1&page=2"))
    assert card_ids(page) == [str(n) for n in range(101, 151)]
    assert page.select_one("#result-count").get_text(strip=True) == (
        "150 actions match the filters"
    )
    pages = page.select_one("nav.pagination")
    assert pages.select_one('a[rel="prev"]')["href"] == "/en/actions/?category=t1"
    assert pages.select_one('a[aria-current="page"]')["href"] == "/en/actions/?category=t1&page=2"
    # The downloads: every filtered action, whichever page links them.
    links = {a.get_text(strip=True): a["href"] for a in page.select(".downloads a")}
    assert links == {"CSV": "/en/actions.csv?category=t1", "Excel": "/en/actions.xlsx?category=t1"}
    rows = downloaded(client, "?category=t1")
    assert len(rows) == 1 + 150
    assert len(downloaded(client, "")) == 1 + 250
    # The filter form starts again from the first page.
    assert not page.select_one('form.filters input[name="page"]')


@pytest.mark.usefixtures("listed")
def test_htmx_results_link_pages_without_the_empty_filters(client):
    response = client.get(
        "/en/actions/?q=&category=t1&status=&page=2",
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="/en/actions/",
    )
    page = page_of(response)
    assert response["HX-Push-Url"] == "/en/actions/?category=t1&page=2"
    assert card_ids(page)[0] == "101"
    assert page.select_one('a[rel="prev"]')["href"] == "/en/actions/?category=t1"


@pytest.mark.usefixtures("listed")
def test_each_page_is_kept_in_the_page_cache_under_its_own_address(client):
    first = client.get("/en/actions/")
    second = client.get("/en/actions/?page=2")
    assert first["X-Vahti-Cache"] == second["X-Vahti-Cache"] == "miss"
    again = client.get("/en/actions/?page=2")
    assert again["X-Vahti-Cache"] == "hit"
    assert card_ids(page_of(again))[0] == "101"
    assert card_ids(page_of(client.get("/en/actions/")))[0] == "1"


def counted(client, url: str, host: str) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200, url
    return len(captured), response.content


LARGE_URLS = [
    "/actions/",
    "/actions/?page=2",
    "/en/actions/?page=3&category=t1",
    "/actions/?status=late&page=2",
    "/actions/?view=dashboard",
    "/actions/?view=dashboard&sort=name&page=2",
]
HTML_BUDGET = 150_000


@pytest.mark.usefixtures("uncached")
def test_the_list_and_dashboard_weigh_and_query_the_same_at_150_and_1500_actions(client, settings):
    settings.ALLOWED_HOSTS = ["small.example", "large.example"]
    sizes = {"small.example": 150, "large.example": 1500}
    for host, size in sizes.items():
        PlanDomain.objects.create(plan=generate_plan(host.split(".")[0], size), hostname=host)
    for url in LARGE_URLS:
        small, _html = counted(client, url, "small.example")
        large, html = counted(client, url, "large.example")
        assert small == large <= QUERY_BUDGET, url
        assert len(html) < HTML_BUDGET, url
    # The count and the downloads cover every public action, not the page.
    public = Action.objects.filter(plan__identifier="large").public().count()
    page = page_of(client.get("/en/actions/", HTTP_HOST="large.example"))
    assert page.select_one("#result-count").get_text(strip=True) == f"{public} actions"
    assert len(page.select(".action-card")) == 100
    response = client.get("/en/actions.csv", HTTP_HOST="large.example")
    rows = b"".join(response.streaming_content).decode("utf-8").splitlines()
    assert len(rows) == 1 + public


@pytest.fixture
def nested(plan, status):
    """Theme A (no actions of its own) with sub-themes A1 (actions 1–60) and A2 (61–120),
    and theme B (111–150: ten of them also under A2)."""
    kind = CategoryTypeFactory(plan=plan, is_primary=True)
    theme_a = CategoryFactory(type=kind, identifier="a", name_fi="A", order=1)
    a1 = CategoryFactory(type=kind, parent=theme_a, identifier="a1", name_fi="A1", order=1)
    a2 = CategoryFactory(type=kind, parent=theme_a, identifier="a2", name_fi="A2", order=2)
    theme_b = CategoryFactory(type=kind, identifier="b", name_fi="B", order=2)
    actions = Action.objects.bulk_create(
        Action(plan=plan, identifier=str(n), sort_key=f"{n:05d}", name_fi=f"T {n}", status=status)
        for n in range(1, 151)
    )
    links = [(n, a1 if n <= 60 else a2) for n in range(1, 121)]
    links += [(n, theme_b) for n in range(111, 151)]
    Action.categories.through.objects.bulk_create(
        Action.categories.through(action=actions[n - 1], category=category) for n, category in links
    )


def every_heading(page) -> list[str]:
    return [h.get_text(strip=True) for h in page.select("section.category-group > :first-child")]


@pytest.mark.usefixtures("nested")
@pytest.mark.parametrize("query", ["", "?status=s"], ids=["kept", "filtered"])
def test_pages_of_sub_themes_are_the_same_kept_per_version_or_filtered(client, status, query):
    """The unfiltered list's grouping comes from what is kept per data version, a filtered
    one's is read anew: the places, headings and theme links are the same."""
    status.identifier = "s"
    status.save()
    joiner = "&" if query else "?"
    first = page_of(client.get(f"/en/actions/{query}"))
    assert card_ids(first) == [str(n) for n in range(1, 101)]
    assert every_heading(first) == ["A", "A1", "A2"]
    toc = {a.get_text(strip=True): a["href"] for a in first.select("nav.toc a")}
    assert toc == {"A": "#category-a", "B": f"/en/actions/{query}{joiner}page=2#category-b"}
    # Places, not actions: 111–120 are under A2 and under B.
    second = page_of(client.get(f"/en/actions/{query}{joiner}page=2"))
    assert card_ids(second) == [str(n) for n in range(101, 121)] + [str(n) for n in range(111, 151)]
    assert every_heading(second) == ["A", "A2", "B"]
    count = "150 actions match the filters" if query else "150 actions"
    for page in (first, second):
        assert page.select_one("#result-count").get_text(strip=True) == count
