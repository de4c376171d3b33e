"""Values and goals in the admin: who may enter them, through the real admin URLs, and
what a contact person sees when a row is wrong (nothing saved, every row named)."""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import ModelLogEntry

from tests.editing.conftest import client_for
from tests.factories import make_indicator
from tests.site.conftest import visible_text
from vahti.indicators.models import IndicatorContactPerson, IndicatorGoal, IndicatorValue
from vahti.orgs.models import Person

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
SNIPPETS_URL = "/admin/snippets/indicators/indicator/"


@pytest.fixture
def share(world):
    """An indicator kept by Mikko (contact person of action 126). Everyone reads the
    admin in English here."""
    from wagtail.users.models import UserProfile

    for user in world.users.values():
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
    indicator = make_indicator(
        world.plan,
        "share",
        name_fi="Kestävien kulkutapojen osuus",
        unit_fi="%",
        minimum_value=0,
        maximum_value=100,
        values=[(2022, 78.6), (2023, 79.2)],
        goals=[(2030, 85)],
    )
    IndicatorContactPerson.objects.create(
        indicator=indicator, person=Person.objects.get(user=world.users["contact_126"])
    )
    return indicator


def url(indicator) -> str:
    return f"/admin/indicator-values/{indicator.pk}/"


def values(indicator) -> list[tuple]:
    return list(
        IndicatorValue.objects.filter(indicator=indicator)
        .order_by("date")
        .values_list("date", "value")
    )


def goals(indicator) -> list[tuple]:
    return sorted(IndicatorGoal.objects.filter(indicator=indicator).values_list("date", "value"))


ROLES = [
    "plan_admin",
    "organization_admin",
    "contact_126",
    "contact_other",
    "viewer",
    "other_plan_admin",
    "anonymous",
]
MAY_ENTER_DATA = {"plan_admin", "contact_126"}


def refused(response, role) -> bool:
    if role == "anonymous":
        return response.status_code == 302 and "/admin/login/" in response["Location"]
    return response.status_code in (302, 403) and (
        response.status_code == 403 or response["Location"] == "/admin/"
    )


@pytest.mark.parametrize("role", ROLES)
def test_who_may_enter_values_and_goals(client, world, share, role):
    allowed = role in MAY_ENTER_DATA
    as_role = client_for(client, world, role)
    page = as_role.get(url(share))
    assert (page.status_code == 200) if allowed else refused(page, role)

    one = as_role.post(url(share), {"action": "one", "one-period": "2024", "one-value": "80,1"})
    csv = as_role.post(url(share), {"action": "save", "csv-text": "date;value\n2021;77,9\n"})
    goal = as_role.post(
        url(share),
        {
            "action": "goals",
            "goals-TOTAL_FORMS": "1",
            "goals-INITIAL_FORMS": "0",
            "goals-0-period": "2035",
            "goals-0-value": "90",
        },
    )
    first = IndicatorValue.objects.filter(indicator=share).order_by("date").first()
    delete = as_role.post(url(share), {"action": "delete", "value": str(first.pk)})
    stored = values(share)
    if allowed:
        assert all(r.status_code == 302 for r in (one, csv, goal, delete))
        assert stored == [
            (datetime.date(2022, 12, 31), 78.6),
            (datetime.date(2023, 12, 31), 79.2),
            (datetime.date(2024, 12, 31), 80.1),
        ]
        assert goals(share) == [(datetime.date(2035, 12, 31), 90.0)]
    else:
        assert all(refused(r, role) for r in (one, csv, goal, delete))
        assert stored == [(datetime.date(2022, 12, 31), 78.6), (datetime.date(2023, 12, 31), 79.2)]
        assert goals(share) == [(datetime.date(2030, 12, 31), 85.0)]


@pytest.mark.parametrize("role", ROLES)
def test_only_plan_admins_edit_the_indicator_itself(client, world, share, role):
    response = client_for(client, world, role).get(f"{SNIPPETS_URL}edit/{share.pk}/")
    if role == "plan_admin":
        assert response.status_code == 200
        assert "Enter values and goals" in response.content.decode()
    else:
        assert refused(response, role)


def test_a_bad_paste_names_every_row_and_saves_nothing(client, world, share):
    client.force_login(world.users["contact_126"])
    response = client.post(
        url(share),
        {"action": "save", "csv-text": "date,value\n2024,80\n2025,lots\n2025-06-30,81\n2026,101\n"},
    )
    text = visible_text(response.content.decode(), "body")
    assert "Nothing was saved: 3 problems to fix." in text
    assert "Row 3, column “value”: “lots” is not a number" in text
    assert "Row 4, column “date”: 2025-06-30 is within a period" in text
    assert "Row 5, column “value”: 101 is outside the indicator's allowed range (0 … 100)." in text
    assert len(values(share)) == 2
    # The pasted text is still there to be fixed.
    assert "2025,lots" in response.content.decode()


def test_checking_an_upload_saves_nothing_and_keeps_it_for_saving(client, world, share):
    client.force_login(world.users["contact_126"])
    upload = SimpleUploadedFile(
        "values.csv", "\ufeffdate;value\n2023;79,5\n2024;80\n".encode(), "text/csv"
    )
    checked = client.post(url(share), {"action": "check", "csv-file": upload, "csv-replace": "on"})
    text = visible_text(checked.content.decode(), "body")
    assert "Saving will add 1, change 1 and delete 1 values; 0 stay as they are." in text
    assert len(values(share)) == 2 and values(share)[1][1] == 79.2
    # Saving what was checked: the file's text came back in the text box.
    form = BeautifulSoup(checked.content.decode(), "html.parser").select_one("form[enctype]")
    text_box = form.select_one("textarea").get_text().removeprefix("\n")
    assert "2024;80" in text_box
    saved = client.post(
        url(share), {"action": "save", "csv-text": text_box, "csv-replace": "on"}, follow=True
    )
    assert "Saved: 1 new, 1 changed, 1 deleted, 0 unchanged." in visible_text(
        saved.content.decode(), "body"
    )
    assert values(share) == [
        (datetime.date(2023, 12, 31), 79.5),
        (datetime.date(2024, 12, 31), 80.0),
    ]
    entry = ModelLogEntry.objects.filter(action="vahti.indicator.values").latest("timestamp")
    assert entry.user == world.users["contact_126"]
    assert entry.data == {"created": 1, "updated": 1, "deleted": 1, "unchanged": 0, "replace": True}


def test_a_file_that_is_not_text_is_refused(client, world, share):
    client.force_login(world.users["plan_admin"])
    upload = SimpleUploadedFile("values.xlsx", b"PK\x03\x04\0\0binary", "application/zip")
    response = client.post(url(share), {"action": "check", "csv-file": upload})
    assert "The file is not a CSV text file" in response.content.decode()


def test_one_bad_value_is_named_on_its_field(client, world, share):
    client.force_login(world.users["plan_admin"])
    response = client.post(url(share), {"action": "one", "one-period": "2024-05", "one-value": "x"})
    text = visible_text(response.content.decode(), "body")
    assert "“2024-05” is a month, but this indicator has a value per year." in text
    assert "“x” is not a number" in text
    assert len(values(share)) == 2


def test_a_huge_value_is_refused_naming_the_limit(client, world, share):
    emissions = make_indicator(world.plan, "emissions", values=[(2022, 1200)])
    client.force_login(world.users["plan_admin"])
    response = client.post(
        url(emissions), {"action": "one", "one-period": "2023", "one-value": "1e300"}
    )
    text = visible_text(response.content.decode(), "body")
    assert "1e+300 is too large" in text and "1,000,000,000,000,000" in text
    assert values(emissions) == [(datetime.date(2022, 12, 31), 1200.0)]


def test_two_goals_for_one_year_are_refused(client, world, share):
    client.force_login(world.users["plan_admin"])
    response = client.post(
        url(share),
        {
            "action": "goals",
            "goals-TOTAL_FORMS": "2",
            "goals-INITIAL_FORMS": "0",
            "goals-0-period": "2030",
            "goals-0-value": "85",
            "goals-1-period": "2030",
            "goals-1-value": "86",
        },
    )
    assert "Row 1 has a goal for the same period and scenario." in response.content.decode()
    assert goals(share) == [(datetime.date(2030, 12, 31), 85.0)]


def test_the_values_page_lists_what_each_user_keeps(client, world, share):
    other = make_indicator(world.plan, "other", name_fi="Toinen mittari")
    client.force_login(world.users["contact_126"])
    text = visible_text(client.get("/admin/indicator-values/").content.decode(), "body")
    assert "Kestävien kulkutapojen osuus" in text and "Toinen mittari" not in text
    assert refused(client.get(url(other)), "contact_126")
    client.force_login(world.users["contact_other"])
    assert refused(client.get("/admin/indicator-values/"), "contact_other")


def test_plan_admins_edit_the_dimensions_and_scenarios(client, world):
    from vahti.indicators.models import Dimension, Scenario

    dimension = Dimension.objects.create(plan=world.plan, identifier="sector", name_fi="Sektori")
    scenario = Scenario.objects.create(plan=world.plan, identifier="bau", name_fi="Perusura")
    client.force_login(world.users["plan_admin"])
    edit = "/admin/snippets/indicators/{}/edit/{}/"
    assert "Sektori" in client.get(edit.format("dimension", dimension.pk)).content.decode()
    assert "Perusura" in client.get(edit.format("scenario", scenario.pk)).content.decode()
    client.force_login(world.users["contact_126"])
    assert refused(client.get(edit.format("scenario", scenario.pk)), "contact_126")


def test_the_public_download_uploads_back_unchanged(client, world, share):
    """Round trip through the real addresses: download the CSV, upload it as it is with
    "replace every value", and the indicator has the same values."""
    before = values(share)
    download = client.get(f"/indicators/{share.identifier}/values.csv")
    content = b"".join(download.streaming_content)
    client.force_login(world.users["contact_126"])
    upload = SimpleUploadedFile("share.csv", content, "text/csv")
    response = client.post(
        url(share), {"action": "save", "csv-file": upload, "csv-replace": "on"}, follow=True
    )
    assert "Saved: 0 new, 0 changed, 0 deleted, 2 unchanged." in visible_text(
        response.content.decode(), "body"
    )
    assert values(share) == before


def test_the_admins_links_to_public_pages_carry_the_plans_address(client, world, share):
    """A plan served under a path prefix of a host: the admin's links to its public pages
    lead there, not to the admin's own host."""
    from vahti.content.services import add_page, plan_pages
    from vahti.plans.setup import plan_host_add

    plan_host_add(world.plan, "kaupunki.example", "ilmasto")
    page = client_for(client, world, "plan_admin").get(url(share))
    link = BeautifulSoup(page.content, "html.parser").find(
        "a", href=True, string="See the public page"
    )
    # In the language the admin is read in (English here).
    assert link["href"] == "//kaupunki.example/ilmasto/en/indicators/share/"
    about = add_page(plan_pages(world.plan), slug="tietoa", heading_fi="Tietoa")
    assert about.get_url().startswith("//kaupunki.example/ilmasto/")
    assert about.get_url().endswith("/pages/tietoa/")
