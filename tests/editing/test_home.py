"""The admin's start page lists each editor's actions, most urgent first, with links to
the fix; plan admins see the whole plan's counts."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import make_user
from tests.factories import task
from vahti.access.models import Role
from vahti.actions.services import action_update
from vahti.demo.generate import generate_plan

pytestmark = pytest.mark.django_db
NOON = datetime.datetime(2026, 11, 28, 10, tzinfo=datetime.UTC)


def panel(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return page.select_one(".vahti-attention")


@time_machine.travel(NOON, tick=False)
def test_a_contact_person_sees_their_action_and_what_to_do(client, world):
    action_update(world.action_126, tasks=[task("Myöhässä", due=datetime.date(2026, 11, 1))])
    found = panel(client, world.users["contact_126"])
    assert found.select_one("h2").get_text(strip=True) == "Omat toimenpiteeni"
    rows = found.select("tbody tr")
    assert len(rows) == 1
    assert rows[0].select_one("th").get_text(" ", strip=True).startswith("126 ")
    links = {a.get_text(" ", strip=True): a["href"] for a in rows[0].select("td a")}
    edit = f"/admin/snippets/actions/action/edit/{world.action_126.pk}/"
    late = world.action_126.tasks.get(name_fi="Myöhässä")
    # The link opens the tasks tab and names the late task, which the form focuses.
    assert links["1 myöhässä oleva tehtävä: merkitse se tehdyksi tai siirrä määräaikaa"] == (
        f"{edit}?task={late.pk}#tab-tehtavat"
    )
    assert any(text.startswith("Vain 0 avointa tehtävää") for text in links)


def test_a_plan_admin_sees_counts_for_the_whole_plan(client, world):
    found = panel(client, world.users["plan_admin"])
    assert found.select_one("h2").get_text(strip=True) == "Huomiota vaativat toimenpiteet"
    assert "2 toimenpidettä yhteensä" in found.get_text(" ", strip=True)


def test_someone_without_actions_is_told_how_to_get_some(client, db):
    user = make_user("nobody")
    Role.objects.create(user=user, plan=generate_plan("p", 1), kind="viewer")
    assert "Sinua ei ole vielä nimetty" in panel(client, user).get_text(" ", strip=True)


def test_the_start_page_issues_the_same_queries_for_10_and_500_actions(client, db):
    counts = []
    for size in (10, 500):
        user = make_user(f"admin{size}")
        Role.objects.create(user=user, plan=generate_plan(f"p{size}", size), kind="plan_admin")
        client.force_login(user)
        client.get("/admin/")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/admin/").status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
