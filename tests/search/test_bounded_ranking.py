"""Bounded ranking: past MAX_RANKED matches a search lists them in the plan's natural
order (and says so), counted exactly by kind; up to it, best first as before."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_action, make_indicator, task
from vahti.search import selectors
from vahti.search.selectors import search

pytestmark = pytest.mark.django_db

# Natural order: actions by identifier, then indicators, pages and tasks.
NATURAL = [
    "1 Toimenpide 1",
    "2 Toimenpide 2",
    "3 Aurinkovoima",
    "4 Toimenpide 4",
    "10 Aurinkovoiman tuotanto",
    "Aurinkovoimalan teho",
    "Aurinkovoimaloiden huolto",
]


@pytest.fixture
def solar(plan):
    """Seven matches: five actions (two by their names), an indicator and a task."""
    make_action(
        plan, "1", lead_fi="Aurinkovoima kattoille.", tasks=[task("Aurinkovoimaloiden huolto")]
    )
    make_action(plan, "2", description_fi="<p>Aurinkovoimaa kouluille.</p>")
    make_action(plan, "3", name_fi="Aurinkovoima")
    make_action(plan, "4", lead_fi="Lisää aurinkovoimaa.")
    make_action(plan, "10", name_fi="Aurinkovoiman tuotanto")
    make_action(plan, "11", name_fi="Tuulivoima")
    make_indicator(plan, "solar", name_fi="Aurinkovoimalan teho")


@pytest.fixture
def ranked_at_most(monkeypatch):
    def patch(limit: int):
        monkeypatch.setattr(selectors, "MAX_RANKED", limit)

    patch(5)
    return patch


def shown(results) -> list[str]:
    return [BeautifulSoup(str(hit.title), "html.parser").get_text() for hit in results.page]


def test_more_matches_than_are_ranked_are_in_natural_order_and_counted_by_kind(
    plan, solar, ranked_at_most
):
    results = search(plan, "fi", "aurinkovoima", page_size=100)
    assert results.in_plan_order
    assert shown(results) == NATURAL
    assert results.counts == {"action": 5, "indicator": 1, "task": 1}
    assert results.total == 7


def test_pages_in_natural_order_and_a_page_past_the_last(plan, solar, ranked_at_most):
    def page(number, **options):
        results = search(plan, "fi", "aurinkovoima", page_number=number, page_size=3, **options)
        return results.page.number, results.page.start_index(), shown(results)

    assert page(1) == (1, 1, NATURAL[:3])
    assert page(2) == (2, 4, NATURAL[3:6])
    assert page(3) == (3, 7, NATURAL[6:])
    assert page(99) == page("9" * 30) == (3, 7, NATURAL[6:])
    assert page("x") == (1, 1, NATURAL[:3])
    ranked_at_most(3)
    assert page(2, kind="action") == (2, 4, NATURAL[3:5])
    assert page(5, kind="action") == (2, 4, NATURAL[3:5])
    results = search(plan, "fi", "aurinkovoima", kind="action")
    assert (results.in_plan_order, results.total) == (True, 5)
    assert results.counts == {"action": 5, "indicator": 1, "task": 1}


def test_at_most_the_limit_are_ranked_as_before(plan, solar, ranked_at_most):
    # Five actions: ranked, the two named for the word first.
    actions = search(plan, "fi", "aurinkovoima", kind="action")
    assert not actions.in_plan_order
    assert set(shown(actions)[:2]) == {"3 Aurinkovoima", "10 Aurinkovoiman tuotanto"}
    assert set(shown(actions)[2:]) == {"1 Toimenpide 1", "2 Toimenpide 2", "4 Toimenpide 4"}
    ranked_at_most(7)
    everything = search(plan, "fi", "aurinkovoima", page_size=100)
    assert not everything.in_plan_order
    # The four named for the word, of every kind, before the three that say it after.
    assert set(shown(everything)[4:]) == set(shown(actions)[2:])
    assert sorted(shown(everything)) == sorted(NATURAL)


def test_the_page_says_when_results_are_in_the_plans_order(client, plan, solar, ranked_at_most):
    def notice(url):
        page = BeautifulSoup(client.get(url).content.decode(), "html.parser")
        found = page.select_one(".search-results .search-order")
        return found and found.get_text(" ", strip=True)

    assert notice("/search/?q=aurinkovoima") == (
        "Yli 5 osumaa: tulokset ovat suunnitelman järjestyksessä. Tarkenna hakua lisäämällä sanoja."
    )
    assert notice("/en/search/?q=aurinkovoima") == (
        "More than 5 results: they are in the plan’s order. Narrow the search by adding words."
    )
    assert notice("/sv/search/?q=aurinkovoima").startswith("Över 5 träffar")
    assert notice("/search/?q=aurinkovoima&kind=action") is None
    assert notice("/search/?q=tuulivoima") is None


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plans")
@pytest.mark.parametrize("kind", [None, "action"])
def test_many_matches_are_not_read_one_by_one_nor_sorted(plan, solar, ranked_at_most, kind):
    """The counts read the FTS5 index only; the page walks the natural-order index and
    stops when it is full, never sorting the matches."""
    ranked_at_most(2)
    with CaptureQueriesContext(connection) as captured:
        results = search(plan, "fi", "aurinkovoima", kind=kind, page_size=2)
    assert results.in_plan_order and len(captured) == 2
    plans = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            cursor.execute("EXPLAIN QUERY PLAN " + query["sql"])
            plans.append(" | ".join(str(row[3]) for row in cursor.fetchall()))
    counts, page = plans
    assert counts.startswith("SCAN search_fts VIRTUAL TABLE") and "|" not in counts, counts
    assert "USING INDEX search_entry_natural (plan_id=? AND language=?" in page, page
    assert "TEMP B-TREE" not in page and "LIST SUBQUERY" in page, page
