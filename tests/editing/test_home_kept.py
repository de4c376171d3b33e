"""The start page's attention list is kept per data version (issue 22): a second visit
does not count the plan's tasks again, and what changes in between shows at once."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.editing.test_home import panel
from tests.factories import task
from vahti.actions.models import Action
from vahti.actions.services import action_update

pytestmark = pytest.mark.django_db
NOON = datetime.datetime(2026, 11, 28, 10, tzinfo=datetime.UTC)


def rows(client, user) -> dict[str, str]:
    """{identifier: what the row says}"""
    found = panel(client, user)
    return {
        row.select_one("th").get_text(" ", strip=True).split()[0]: row.get_text(" ", strip=True)
        for row in found.select("tbody tr")
    }


def summary(client, user) -> str:
    return panel(client, user).get_text(" ", strip=True)


def test_a_second_visit_counts_no_tasks_again(client, world):
    client.force_login(world.users["plan_admin"])
    client.get("/admin/")
    with CaptureQueriesContext(connection) as first:
        client.get("/admin/")
    attention = [q for q in first.captured_queries if "OVER ()" in q["sql"]]
    assert attention == []


@time_machine.travel(NOON, tick=False)
def test_a_task_made_late_shows_on_the_next_visit(client, world):
    admin = world.users["plan_admin"]
    before = rows(client, admin)
    assert "myöhässä" not in before["126"]
    action_update(world.action_126, tasks=[task("Myöhässä", due=datetime.date(2026, 11, 1))])
    assert "1 myöhässä" in rows(client, admin)["126"]
    # Done: no longer late.
    action_update(world.action_126, tasks=[])
    assert "myöhässä" not in rows(client, admin)["126"]


@time_machine.travel(NOON, tick=False)
def test_a_saved_draft_shows_on_the_next_visit(client, world):
    admin = world.users["plan_admin"]
    assert "0 toimenpidettä, joiden muutokset odot" in summary(client, admin)
    action = Action.objects.get(pk=world.action_127.pk)
    action.name_fi = "Luonnos"
    action.save_revision()
    assert "1 toimenpide, jonka muutokset odot" in summary(client, admin)


def test_the_next_day_is_counted_anew(client, world):
    admin = world.users["plan_admin"]
    action_update(world.action_126, tasks=[task("Pian", due=datetime.date(2026, 12, 1))])
    with time_machine.travel(NOON, tick=False):
        assert "myöhässä" not in rows(client, admin)["126"]
    with time_machine.travel(NOON + datetime.timedelta(days=5), tick=False):
        assert "1 myöhässä" in rows(client, admin)["126"]


@time_machine.travel(NOON, tick=False)
def test_a_contact_person_sees_only_their_action_after_a_plan_admin(client, world):
    assert set(rows(client, world.users["plan_admin"])) == {"126", "127"}
    assert set(rows(client, world.users["contact_126"])) == {"126"}
