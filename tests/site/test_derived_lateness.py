"""Derived lateness, one rule everywhere: for one plan with late, stale, finished and
timely actions, the action pages, the list's "late" filter, the dashboard, the API and
the task calendar agree on which actions are late; the page and the API say why, beside
the status the contact person set. A plan admin switches it off and it is gone."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.utils import translation

from tests.factories import ActionStatusFactory, make_action, task
from tests.site.conftest import visible_text
from vahti.api.params import LATENESS_NOT_DERIVED

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

D = datetime.date
NOON = datetime.datetime(2026, 11, 28, 10, tzinfo=datetime.UTC)
TODAY = D(2026, 11, 28)
LONG_AGO = NOON - datetime.timedelta(days=200)  # the plan's limit is 180 days
LATE_ONES = {"1", "2", "6"}


@pytest.fixture
def actions(plan):
    on_time = ActionStatusFactory(plan=plan, identifier="on_time")
    done = ActionStatusFactory(plan=plan, identifier="done", name_en="Done", is_completed=True)
    cancelled = ActionStatusFactory(plan=plan, identifier="cancelled", name_en="Cancelled")
    with time_machine.travel(NOON, tick=False):
        make_action(
            plan,
            "1",
            status=on_time,
            tasks=[task("Kaavoitus", "in_progress", due=D(2020, 3, 1), name_en="Zoning")],
        )
        make_action(plan, "2", status=on_time, updated_at=LONG_AGO)
        make_action(plan, "3", status=on_time, tasks=[task("Tuleva", due=D(2027, 1, 1))])
        make_action(
            plan, "4", status=done, updated_at=LONG_AGO, tasks=[task("Vanha", due=D(2020, 1, 1))]
        )
        make_action(
            plan,
            "5",
            status=cancelled,
            updated_at=LONG_AGO,
            tasks=[task("Unohdettu", due=D(2021, 1, 1))],
        )
        make_action(
            plan,
            "7",
            status=on_time,
            tasks=[
                task("Peruttu", "cancelled", due=D(2020, 1, 1), completed=D(2020, 2, 1)),
                task("Tänään", due=TODAY),
            ],
        )
        make_action(plan, "6", tasks=[task("Ilman tilaa", due=D(2025, 6, 30))])


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content.decode(), "html.parser")


def late_on_pages(client) -> set[str]:
    return {
        identifier
        for identifier in "1234567"
        if page(client, f"/actions/{identifier}/").select_one("#action-lateness")
    }


@time_machine.travel(NOON, tick=False)
def test_the_action_page_says_late_and_why_beside_the_status(client, actions):
    soup = page(client, "/actions/1/")
    progress = visible_text(str(soup), "#section-progress")
    # In Finnish, the plan's primary language: the status as set, then why it is late.
    assert progress == (
        "Eteneminen Ajallaan Myöhässä Tehtävä ”Kaavoitus” oli määrä tehdä 01.03.2020 mennessä"
    )
    stale = visible_text(str(page(client, "/actions/2/")), "#section-progress")
    assert stale == "Eteneminen Ajallaan Myöhässä Tietoja ei ole päivitetty 12.05.2026 jälkeen"
    english = visible_text(str(page(client, "/en/actions/1/")), "#section-progress")
    assert english == "Progress On time Late Task “Zoning” was due on 1 Mar 2020"
    assert late_on_pages(client) == LATE_ONES


@time_machine.travel(NOON, tick=False)
def test_a_late_task_named_in_another_language_is_marked_with_it(client, actions, plan):
    with time_machine.travel(NOON, tick=False):
        make_action(plan, "8", tasks=[task("<b>Kaava</b> & muut", due=D(2020, 5, 31))])

    def reasons(url):
        return page(client, url).select_one("#action-lateness ul li")

    english = reasons("/en/actions/6/")
    assert english.get_text() == "Task “Ilman tilaa” was due on 30 Jun 2025"
    assert [(span["lang"], span.get_text()) for span in english.select("span")] == [
        ("fi", "Ilman tilaa")
    ]
    assert reasons("/sv/actions/6/").select_one("span")["lang"] == "fi"
    # Written in the page's language: nothing to mark.
    assert reasons("/en/actions/1/").select("span") == []
    assert reasons("/actions/6/").select("span") == []
    # The name is text, never markup.
    escaped = reasons("/en/actions/8/")
    assert escaped.select("b") == [] and escaped.span.get_text() == "<b>Kaava</b> & muut"


@time_machine.travel(NOON, tick=False)
def test_page_filter_dashboard_api_and_calendar_agree(client, actions):
    on_pages = late_on_pages(client)
    listed = page(client, "/actions/?late=on")
    in_filter = {
        a["href"].strip("/").rsplit("/", 1)[1] for a in listed.select("#action-results a[href]")
        if a["href"].startswith("/actions/") and a["href"].count("/") == 3
    }  # fmt: skip
    dashboard = page(client, "/actions/?view=dashboard")
    counted = visible_text(str(dashboard), "#late-actions")
    api = client.get("/api/v1/actions/?page_size=50").json()["results"]
    in_api = {item["identifier"] for item in api if item["late"]["is_late"]}
    api_filter = client.get("/api/v1/actions/?late=true").json()["results"]
    in_api_filter = {item["identifier"] for item in api_filter}
    calendar = client.get("/feeds/tasks.ics").content.decode()
    in_calendar = {
        line.rsplit("(", 1)[1].rstrip(")")
        for line in calendar.replace("\r\n ", "").splitlines()
        if line.startswith("SUMMARY:Myöhässä:")
    }
    assert on_pages == in_filter == in_api == in_api_filter == LATE_ONES
    assert counted == f"{len(LATE_ONES)} toimenpidettä on myöhässä."
    # The calendar names late tasks: those of the late actions that have one.
    assert in_calendar == {"1", "6"}


@time_machine.travel(NOON, tick=False)
def test_the_api_gives_the_reasons_in_every_language(client, actions):
    item = client.get("/api/v1/actions/1/").json()
    assert item["late"] == {
        "is_late": True,
        "reasons": [
            {
                "kind": "task",
                "date": "2020-03-01",
                "task": {"fi": "Kaavoitus", "en": "Zoning"},
                "text": {
                    "fi": "Tehtävä ”Kaavoitus” oli määrä tehdä 01.03.2020 mennessä",
                    "sv": "Uppgiften ”Kaavoitus” skulle vara klar senast 01.03.2020",
                    "en": "Task “Zoning” was due on 1 Mar 2020",
                },
            }
        ],
    }
    assert client.get("/api/v1/actions/3/").json()["late"] == {"is_late": False, "reasons": []}


@time_machine.travel(NOON, tick=False)
def test_a_plan_without_derived_lateness_shows_none(client, actions, plan):
    plan.derived_lateness = False
    plan.save()
    assert late_on_pages(client) == set()
    assert client.get("/api/v1/actions/1/").json()["late"] is None
    refused = client.get("/api/v1/actions/?late=true")
    assert refused.status_code == 400
    with translation.override("en"):  # the API's answers are in English
        message = str(LATENESS_NOT_DERIVED)
    assert refused.json()["errors"] == [{"parameter": "late", "message": message}]
    listed = page(client, "/actions/")
    assert listed.select_one("input[name=late]") is None
    assert page(client, "/actions/?view=dashboard").select_one("#late-actions") is None
