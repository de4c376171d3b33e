"""The admin's action listing and its search: the same rows as ever, read a page at a
time from the indexes on the plan's actions (issue 22)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.editing.conftest import ACTIONS_URL
from tests.factories import make_action

pytestmark = pytest.mark.django_db


def listed(client, user, query: str = "") -> tuple[list[str], list]:
    """The identifiers the listing shows, and the queries that read actions."""
    client.force_login(user)
    client.get(ACTIONS_URL + query)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(ACTIONS_URL + query)
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    titles = page.select("table.listing tbody td.title [id$=_title]")
    rows = [title.get_text(strip=True) for title in titles]
    reads = [q["sql"] for q in captured if 'FROM "actions_action"' in q["sql"]]
    return rows, reads


@pytest.fixture
def actions(world):
    for identifier, name_sv in (("10", "Cykelvägar"), ("2", ""), ("1.1", ""), ("A3", "")):
        make_action(world.plan, identifier, name_fi=f"Toimi {identifier}", name_sv=name_sv)
    make_action(world.other_plan, "5", name_fi="Toimi 5")
    return world


def test_a_plan_admin_lists_the_plans_actions_in_natural_order(client, actions):
    rows, _reads = listed(client, actions.users["plan_admin"])
    assert rows == ["1.1", "2", "10", "126", "127", "A3"]


def test_the_search_finds_what_it_found_before(client, actions):
    admin = actions.users["plan_admin"]
    assert listed(client, admin, "?q=cykel")[0] == ["10"]  # Swedish name, any case
    assert listed(client, admin, "?q=toimi")[0] == ["1.1", "2", "10", "A3"]
    assert listed(client, admin, "?q=a3")[0] == ["A3"]  # the identifier
    assert listed(client, admin, "?q=toimi 5")[0] == []  # another plan's


def test_a_contact_person_lists_only_their_actions(client, actions):
    rows, _reads = listed(client, actions.users["contact_126"])
    assert rows == ["126"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plans")
@pytest.mark.parametrize("query", ["", "?q=toimi"])
def test_the_listing_reads_a_page_from_the_indexes(client, actions, query):
    """Neither the count nor the page builds a list of the visible actions' ids or sorts
    the plan's actions: each reads the plan's actions from an index."""
    _rows, reads = listed(client, actions.users["plan_admin"], query)
    assert reads and not any('IN (SELECT V0."id"' in sql for sql in reads)
    plans = []
    with connection.cursor() as cursor:
        for sql in reads:
            cursor.execute("EXPLAIN QUERY PLAN " + sql.replace("%", "%%"))
            plans.append(" | ".join(str(row[3]) for row in cursor.fetchall()))
    assert not any("TEMP B-TREE" in plan or "SCAN actions_action" in plan for plan in plans)
    assert any("INDEX action_plan_sort_key (plan_id=?)" in plan for plan in plans), plans
