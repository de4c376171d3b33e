"""What the front page, the dashboard and the action list keep per plan data version (the
counts of every public action, the latest news and completed tasks, the filters' choices,
the unfiltered list's grouping by theme) shows a change
on the next request: every write moves the version on, and a change made by another
process moves the plan's timestamp."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import (
    ActionStatusFactory,
    CategoryFactory,
    OrganizationFactory,
    make_action,
    task,
)
from tests.site.conftest import visible_text
from vahti.actions.models import Action
from vahti.actions.services import action_update
from vahti.plans.models import Plan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "uncached")]

NOW = datetime.datetime(2026, 6, 15, 9, tzinfo=datetime.UTC)


@pytest.fixture
def today():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def lists(plan, category):
    transport = CategoryFactory(
        type=category.type, identifier="transport", name_en="Transport", name_fi="Liikenne"
    )
    energy = CategoryFactory(
        type=category.type, identifier="energy", name_en="Energy", name_fi="Energia"
    )
    on_time = ActionStatusFactory(plan=plan, identifier="on-time", name_en="On time", order=1)
    late = ActionStatusFactory(plan=plan, identifier="late", name_en="Late", order=2)
    return transport, energy, on_time, late


def page_of(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def front_page(client) -> dict:
    page = page_of(client, "/en/")

    def texts(selector):
        return [" ".join(item.get_text(" ").split()) for item in page.select(selector)]

    return {
        "statuses": texts(".status-counts li"),
        "themes": texts(".theme-list li"),
        "news": texts("section:has(#news-heading) li a"),
        "completed": texts("section:has(#completed-heading) li a"),
    }


def dashboard(client) -> tuple[dict, str, list[str]]:
    page = page_of(client, "/en/actions/?view=dashboard")
    by_status = {
        row.th.get_text(strip=True): int(row.select_one("td").get_text())
        for row in page.select("#by-status-table tbody tr")
    }
    note = " ".join(page.select_one(".dashboard__note").get_text().split())
    organizations = [
        o.get_text(strip=True) for o in page.select('select[name="organization"] option')
    ]
    return by_status, note, organizations


def action_list(client, query: str = "") -> dict:
    page = page_of(client, f"/en/actions/{query}")
    return {
        "count": page.select_one("#result-count").get_text(strip=True),
        "headings": [h.get_text(strip=True) for h in page.select("section.category-group h2")],
        "cards": [c.get_text(strip=True) for c in page.select(".action-card__id")],
    }


def news(title: str, day: datetime.date) -> dict:
    return {"published_on": day, "title_en": title, "title_fi": title, "body_fi": "<p>x</p>"}


@pytest.mark.usefixtures("today")
def test_the_front_page_shows_a_change_at_once(client, plan, lists):
    transport, energy, on_time, late = lists
    first = make_action(plan, "1", status=on_time, categories=[transport])
    assert front_page(client) == {
        "statuses": ["On time 1"],
        "themes": ["Transport 1 action"],
        "news": [],
        "completed": [],
    }
    action_update(first, status=late)
    make_action(
        plan,
        "2",
        status=late,
        categories=[transport, energy],
        news_posts=[news("Bike lanes opened", datetime.date(2026, 6, 1))],
        tasks=[
            task("Plan made", "completed", datetime.date(2026, 6, 1), datetime.date(2026, 6, 1))
        ],
    )
    assert front_page(client) == {
        "statuses": ["Late 2"],
        "themes": ["Transport 2 actions", "Energy 1 action"],
        "news": ["Bike lanes opened"],
        "completed": ["Plan made"],
    }
    action_update(first, visibility="internal")
    assert front_page(client)["themes"] == ["Transport 1 action", "Energy 1 action"]


def test_a_post_dated_tomorrow_shows_the_next_day_without_a_change(client, plan, lists):
    make_action(plan, "1", news_posts=[news("Opening tomorrow", datetime.date(2026, 6, 16))])
    with time_machine.travel(NOW, tick=False):
        assert front_page(client)["news"] == []
    with time_machine.travel(NOW + datetime.timedelta(days=1), tick=False):
        assert front_page(client)["news"] == ["Opening tomorrow"]


@pytest.mark.usefixtures("today")
def test_the_dashboard_shows_a_change_at_once(client, plan, lists):
    transport, _energy, on_time, late = lists
    kymp = OrganizationFactory(plan=plan, identifier="kymp", name_fi="Kaupunkiympäristö")
    first = make_action(plan, "1", status=on_time, categories=[transport])
    by_status, note, organizations = dashboard(client)
    assert by_status == {"On time": 1}
    assert "late task" not in note and "0 actions are late." in note
    assert organizations == ["All organisations"]
    action_update(
        first,
        status=late,
        responsible_parties=[(kymp, "primary")],
        tasks=[task("Overdue", due=datetime.date(2026, 1, 1))],
    )
    by_status, note, organizations = dashboard(client)
    assert by_status == {"Late": 1}
    assert "1 late task in 1 action. 1 action is late." in note
    assert organizations == ["All organisations", "Kaupunkiympäristö"]


def test_the_action_list_shows_a_change_at_once(client, plan, lists):
    transport, energy, on_time, _late = lists
    first = make_action(plan, "1", status=on_time, categories=[transport])
    assert action_list(client) == {
        "count": "1 action",
        "headings": ["Transport"],
        "cards": ["1"],
    }
    second = make_action(plan, "2", status=on_time, categories=[energy])
    make_action(plan, "3", status=on_time)
    assert action_list(client) == {
        "count": "3 actions",
        "headings": ["Transport", "Energy", "Other actions"],
        "cards": ["1", "2", "3"],
    }
    action_update(first, categories=[energy])
    action_update(second, visibility="internal")
    energy.name_en = "Power"
    energy.save()
    assert action_list(client) == {
        "count": "2 actions",
        "headings": ["Power", "Other actions"],
        "cards": ["1", "3"],
    }
    # A filtered list is read as it is, not from the whole list kept.
    assert action_list(client, "?category=energy")["cards"] == ["1"]
    assert action_list(client, "?category=energy")["count"] == "1 action matches the filters"


@pytest.mark.usefixtures("today")
def test_a_change_by_another_process_shows_without_a_shared_cache(client, plan, lists):
    """Without Redis each process keeps its own versions: a change another process made
    moved the plan's timestamp in the database, not this process's version."""
    _transport, _energy, on_time, late = lists
    make_action(plan, "1", status=on_time)
    assert front_page(client)["statuses"] == ["On time 1"]
    assert dashboard(client)[0] == {"On time": 1}
    assert action_list(client)["cards"] == ["1"]
    # What the other process wrote: the row and the plan's timestamp, no signal here.
    Action.objects.filter(plan=plan).update(status=late, identifier="2")
    # (A moment later: the clock stands still here.)
    later = timezone.now() + datetime.timedelta(seconds=1)
    Plan.objects.filter(pk=plan.pk).update(data_changed_at=later)
    assert front_page(client)["statuses"] == ["Late 1"]
    assert dashboard(client)[0] == {"Late": 1}
    assert action_list(client)["cards"] == ["2"]


def test_what_is_kept_is_read_once_per_version(client, plan, lists):
    """While the plan stays the same, the front page reads no action again, and the
    dashboard skips its five whole-plan queries (the filters' used themes and
    organisations, the plan's public fields, the counts and the late tasks), and the
    unfiltered list its two (the actions' themes, the plan's theme type and its themes);
    the pages stay the same."""
    _transport, _energy, on_time, _late = lists
    make_action(plan, "1", status=on_time, tasks=[task("Overdue", due=datetime.date(2020, 1, 1))])
    renders = {}
    for url in ("/en/", "/en/actions/?view=dashboard", "/en/actions/", "/en/actions/?page=2"):
        for turn in ("first", "second"):
            with CaptureQueriesContext(connection) as queries:
                text = visible_text(client.get(url).content.decode())
            renders[url, turn] = (text, [query["sql"] for query in queries])
        assert renders[url, "second"][0] == renders[url, "first"][0]
    assert not [sql for sql in renders["/en/", "second"][1] if '"actions_' in sql]
    dashboard_queries = [
        len(renders["/en/actions/?view=dashboard", turn][1]) for turn in ("first", "second")
    ]
    assert dashboard_queries[0] - dashboard_queries[1] == 5
    list_queries = [len(renders["/en/actions/", turn][1]) for turn in ("first", "second")]
    assert list_queries[0] - list_queries[1] == 3
    # Another page of the list reads the grouping the first one kept.
    assert len(renders["/en/actions/?page=2", "first"][1]) == list_queries[1]
