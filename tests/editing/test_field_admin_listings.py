"""The "Action fields" and "Reporting" listings in the admin's language (headers and
yes/no cells), and the fields' chooser: for the plan's admins only, its search finding
fields of their own plan by name or identifier."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.conftest import make_user
from tests.editing.conftest import client_for
from tests.editing.field_world import make_fields
from tests.editing.test_action_fields_admin import refused
from tests.editing.test_report_admin import open_report
from vahti.actions.models import ActionField

pytestmark = pytest.mark.django_db

FIELDS = "/admin/snippets/actions/actionfield/"
REPORTS = "/admin/snippets/reports/report/"
CHOOSER = "/admin/snippets/choose/actions/actionfield/"


def table_of(response) -> tuple[list[str], list[list[str]]]:
    table = BeautifulSoup(response.content.decode(), "html.parser").select_one("table.listing")
    headers = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    rows = [
        [td.get_text(" ", strip=True) for td in tr.select("td")] for tr in table.select("tbody tr")
    ]
    return headers, rows


@pytest.fixture
def installation_admin(client, world):
    """Sees every plan's rows, with the plan's column (the admin in Finnish)."""
    client.force_login(make_user("root", is_superuser=True))
    return client


def test_the_fields_listing_is_in_finnish(installation_admin, world):
    fields = make_fields(world.plan)
    ActionField.objects.filter(pk=fields.cost.pk).update(is_required=True, is_public=False)
    headers, rows = table_of(installation_admin.get(FIELDS))
    assert [h for h in headers if h] == [
        "Nimi",
        "Tunniste",
        "Laji",
        "Järjestys",
        "Julkinen",
        "Pakollinen",
        "Suunnitelma",
    ]
    cost = next(row for row in rows if any("Kustannusarvio" in cell for cell in row))
    assert "Ei" in cost and "Kyllä" in cost
    assert not {"True", "False"} & {cell for row in rows for cell in row}


def test_the_reports_listing_headers_are_capitalised_in_finnish(installation_admin, world):
    open_report(world.plan)
    headers, _rows = table_of(installation_admin.get(REPORTS))
    headers = [h for h in headers if h]
    assert headers[0] == "Nimi" and "Valmistunut" in headers and "Suunnitelma" in headers
    assert all(header[0].isupper() for header in headers), headers


def names_chosen(response) -> list[str]:
    html = response.json()["html"] if "json" in response["Content-Type"] else response.content
    soup = BeautifulSoup(html, "html.parser")
    return [a.get_text(strip=True) for a in soup.select("a[data-chooser-modal-choice]")]


@pytest.mark.parametrize("who", ["contact_126", "viewer", "organization_admin"])
def test_only_plan_admins_open_the_fields_chooser(client, world, who):
    fields = make_fields(world.plan)
    client = client_for(client, world, who)
    for url in (CHOOSER, CHOOSER + "results/?q=Kust", CHOOSER + f"chosen/{fields.cost.pk}/"):
        assert refused(client.get(url)), url


def test_the_chooser_searches_the_plan_admins_own_fields(client, world):
    make_fields(world.plan)
    ActionField.objects.create(
        plan=world.other_plan, identifier="cost", kind="number", name_fi="Kustannukset"
    )
    admin = client_for(client, world, "plan_admin")
    assert len(names_chosen(admin.get(CHOOSER))) == 8
    # The search box is there, and finds by name (in any language) or by identifier.
    assert 'name="q"' in admin.get(CHOOSER).json()["html"]
    assert names_chosen(admin.get(CHOOSER + "results/?q=kust")) == ["Kustannusarvio"]
    assert names_chosen(admin.get(CHOOSER + "results/?q=Cost+est")) == ["Kustannusarvio"]
    assert names_chosen(admin.get(CHOOSER + "results/?q=flagship")) == ["Kärkihanke"]
    assert names_chosen(admin.get(CHOOSER + "results/?q=zzz")) == []

    other = client_for(client, world, "other_plan_admin")
    assert names_chosen(other.get(CHOOSER + "results/?q=kust")) == ["Kustannukset"]
    assert names_chosen(other.get(CHOOSER)) == ["Kustannukset"]
