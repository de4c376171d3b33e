"""Import and export in the admin: plan admins only, a check before anything is written,
every problem shown, the import applied in one step and logged."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from tests.workbook.test_workbook import workbook_bytes
from vahti.actions.models import Action

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def admin_client(client, world):
    client.force_login(world.users["plan_admin"])
    return client


def upload(client, plan, content, name="plan.xlsx"):
    return client.post(
        "/admin/import/",
        {"plan": plan.pk, "file": SimpleUploadedFile(name, content, content_type=XLSX)},
    )


def test_only_plan_admins_import_and_export(client, world):
    for name in ("viewer", "contact_126", "organization_admin"):
        client.force_login(world.users[name])
        assert client.get("/admin/import/").status_code in (302, 403), name
        assert client.get(f"/admin/import/export/{world.plan.pk}.xlsx").status_code in (
            302,
            403,
            404,
        )
    client.force_login(world.users["other_plan_admin"])
    assert client.get(f"/admin/import/export/{world.plan.pk}.xlsx").status_code == 404
    response = upload(
        client, world.plan, workbook_bytes({"actions": [["identifier", "name_fi"], ["9", "x"]]})
    )
    assert response.status_code == 200  # the form refuses the plan it does not administer
    assert not Action.objects.filter(plan=world.plan, identifier="9").exists()


def test_the_page_explains_the_sheets_and_offers_the_downloads(admin_client, world):
    page = BeautifulSoup(admin_client.get("/admin/import/").content.decode(), "html.parser")
    assert {h.get_text() for h in page.select("h3")} >= {"actions", "tasks", "values"}
    assert page.select_one("a[href='/admin/import/template.xlsx']")
    exported = admin_client.get(f"/admin/import/export/{world.plan.pk}.xlsx")
    assert exported.status_code == 200 and exported["Content-Type"] == XLSX
    book = load_workbook(io.BytesIO(exported.content), read_only=True)
    first_row = next(book["plan"].iter_rows(min_row=2))
    assert first_row[0].value == world.plan.identifier
    template = load_workbook(io.BytesIO(admin_client.get("/admin/import/template.xlsx").content))
    assert "actions" in template.sheetnames


def test_a_check_shows_every_problem_and_writes_nothing(admin_client, world):
    content = workbook_bytes(
        {
            "actions": [
                ["identifier", "name_fi", "status"],
                ["126", "Uusi nimi", "nope"],
                ["9", "", None],
            ]
        }
    )
    response = upload(admin_client, world.plan, content)
    rows = [
        [cell.get_text() for cell in row.select("td")]
        for row in BeautifulSoup(response.content.decode(), "html.parser").select("table tbody tr")
    ]
    assert ["actions", "2", "status", "“nope” ei ole ohjelmassa."] in rows or any(
        r[:3] == ["actions", "2", "status"] for r in rows
    )
    assert any(r[:3] == ["actions", "3", "name_fi"] for r in rows)
    assert Action.objects.get(pk=world.action_126.pk).name_fi != "Uusi nimi"


def test_a_valid_workbook_is_checked_then_applied_and_logged(admin_client, world):
    content = workbook_bytes(
        {"actions": [["identifier", "name_fi"], ["126", "Uusi nimi"], ["9", "Yhdeksän"]]}
    )
    response = upload(admin_client, world.plan, content)
    page = BeautifulSoup(response.content.decode(), "html.parser")
    token = page.select_one("input[name=token]")["value"]
    assert Action.objects.get(pk=world.action_126.pk).name_fi != "Uusi nimi"  # only checked
    applied = admin_client.post("/admin/import/", {"token": token})
    assert applied.status_code == 302
    assert Action.objects.get(pk=world.action_126.pk).name_fi == "Uusi nimi"
    assert Action.objects.get(plan=world.plan, identifier="9").live
    entry = ModelLogEntry.objects.filter(action="vahti.plan.import").get()
    assert entry.user == world.users["plan_admin"] and entry.data["file"] == "plan.xlsx"
    # The token is spent; another user cannot use one either.
    assert admin_client.post("/admin/import/", {"token": token}).status_code == 302
    assert ModelLogEntry.objects.filter(action="vahti.plan.import").count() == 1


def test_the_import_form_needs_its_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["plan_admin"])
    response = upload(
        client, world.plan, workbook_bytes({"actions": [["identifier", "name_fi"], ["9", "x"]]})
    )
    assert response.status_code == 403
