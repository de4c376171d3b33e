"""The applied import's progress page: the plan admin who started it sees where the
import stands (a progress bar, followed by a static script while it runs), then
what it changed, or why nothing was kept; nobody else sees it."""

import time

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from tests.exchange.test_admin import upload
from tests.workbook.test_workbook import workbook_bytes
from vahti.actions.models import Action
from vahti.exchange import progress

pytestmark = pytest.mark.django_db  # the plan admin's admin is in Finnish


@pytest.fixture
def admin_client(client, world):
    client.force_login(world.users["plan_admin"])
    return client


def checked_token(client, plan) -> str:
    content = workbook_bytes({"actions": [["identifier", "name_fi"], ["9", "Yhdeksän"]]})
    page = BeautifulSoup(upload(client, plan, content).content.decode(), "html.parser")
    return page.select_one("input[name=token]")["value"]


def following(page: BeautifulSoup) -> bool:
    """Whether the page follows a running import (its script fetches it again)."""
    region = page.select_one("#import-progress-region[aria-live=polite]")
    script = page.select_one("script[src$='exchange/import-progress.js']")
    return region["data-running"] == "true" and script is not None


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_applying_leads_to_the_progress_page_with_what_was_imported(admin_client, world):
    token = checked_token(admin_client, world.plan)
    applied = admin_client.post("/admin/import/", {"token": token})
    assert applied.status_code == 302
    assert applied["Location"] == f"/admin/import/progress/{token}/"
    page = soup(admin_client.get(applied["Location"]))
    assert "plan.xlsx tuotiin suunnitelmaan" in page.select_one("#import-state").get_text()
    rows = [[c.get_text() for c in tr.select("th, td")] for tr in page.select("tbody tr")]
    assert ["actions", "1", "0", "0"] in rows
    assert not following(page)  # done: it stays put
    assert Action.objects.filter(plan=world.plan, identifier="9").exists()


def test_while_it_runs_the_page_shows_the_sheet_and_rows_and_refreshes_itself(
    admin_client, world, monkeypatch
):
    seen = []

    def look(report):  # when the import is done, before its outcome is stored
        seen.append(soup(admin_client.get(f"/admin/import/progress/{token}/")))

    token = checked_token(admin_client, world.plan)
    monkeypatch.setattr(progress, "_run", lambda *args: None)  # started, not yet moving
    admin_client.post("/admin/import/", {"token": token})
    page = soup(admin_client.get(f"/admin/import/progress/{token}/"))
    assert following(page)
    assert "Luetaan työkirjaa" in page.select_one("#import-state").get_text()
    monkeypatch.undo()
    monkeypatch.setattr(progress, "IN_BACKGROUND", False)
    state = progress.state_of(token, world.users["plan_admin"])
    progress._run(token, state, world.users["plan_admin"], world.plan, "plan.xlsx",
                  workbook_bytes({"actions": [["identifier", "name_fi"], ["9", "Yhdeksän"]]}),
                  look)  # fmt: skip
    (running,) = seen
    bar = running.select_one("progress#import-progress")
    assert (bar["value"], bar["max"]) == ("1", "1")
    label = running.select_one("label[for=import-progress]").get_text()
    assert label == "Taulukko actions: 1 / 1 riviä"
    assert following(running)


def test_an_import_that_stopped_says_nothing_was_kept(admin_client, world, monkeypatch):
    token = checked_token(admin_client, world.plan)
    monkeypatch.setattr(progress, "_run", lambda *args: None)  # its process ended
    admin_client.post("/admin/import/", {"token": token})
    later = time.time() + progress.STOPPED_AFTER + 1
    monkeypatch.setattr(progress.time, "time", lambda: later)
    page = soup(admin_client.get(f"/admin/import/progress/{token}/"))
    assert "Tuonti keskeytyi ennen kuin se valmistui: mitään ei tuotu" in page.get_text()
    assert not following(page)
    assert not Action.objects.filter(plan=world.plan, identifier="9").exists()


def test_only_the_admin_who_started_it_sees_its_progress(admin_client, world):
    token = checked_token(admin_client, world.plan)
    admin_client.post("/admin/import/", {"token": token})
    for name in ("other_plan_admin", "contact_126"):
        client = Client()
        client.force_login(world.users[name])
        assert client.get(f"/admin/import/progress/{token}/").status_code in (302, 403, 404)
    assert admin_client.get("/admin/import/progress/no-such-import/").status_code == 404
