"""The Covenant of Mayors screen: the plan's admin chooses the sources, maps each value
with a select, sees how many actions are complete and downloads the export; everyone
else is refused, and another plan's field sent in the form is a form error."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from tests.editing.conftest import form_data, in_english
from vahti.actions.models import ActionField, ActionFieldOption
from vahti.covenant.models import CovenantMapping, CovenantValue

pytestmark = pytest.mark.django_db


def refused(answer) -> bool:
    """Wagtail answers a refusal (403) with the dashboard and a message."""
    return answer.status_code == 403 or (
        answer.status_code == 302 and answer["Location"] == "/admin/"
    )


def url(plan, download=False):
    return f"/admin/plans/{plan.pk}/covenant/{'download/' if download else ''}"


def sector_field(plan):
    field = ActionField.objects.create(plan=plan, identifier="sektori", kind="choice")
    field.name_fi = field.name_en = "Sektori"
    field.save()
    ActionFieldOption.objects.create(field=field, identifier="liikenne", name_en="Traffic")
    return field


def post(client, plan, **changes):
    data = form_data(client.get(url(plan)).content.decode())
    data.update({name: [value] for name, value in changes.items()})
    return client.post(url(plan), data)


def test_the_plan_admin_maps_sources_and_values_and_sees_the_actions_complete(client, world):
    client = in_english(client, world, "plan_admin")
    field = sector_field(world.plan)
    page = client.get(url(world.plan)).content.decode()
    assert "0 of 2 public actions have every value the template requires." in page
    assert "Sektori" in page and "Municipal buildings, equipment/facilities" in page

    response = post(client, world.plan, source_sector=f"field:{field.pk}")
    assert response.status_code == 302
    mapping = CovenantMapping.objects.get(plan=world.plan)
    assert mapping.sector_field == field
    entry = ModelLogEntry.objects.get(action="vahti.plan.covenant")
    assert entry.user_id == world.users["plan_admin"].pk
    assert entry.data["sources"]["sector_field"] == "Sektori"

    option = field.options.get()
    page = client.get(url(world.plan)).content.decode()
    assert f'name="value_sector_option_{option.pk}"' in page
    assert f'name="value_status_status_{world.action_126.status_id}"' in page
    post(
        client,
        world.plan,
        **{
            f"value_sector_option_{option.pk}": "transport",
            f"value_status_status_{world.action_126.status_id}": "ongoing",
        },
    )
    assert set(CovenantValue.objects.values_list("column", "code")) == {
        ("sector", "transport"),
        ("status", "ongoing"),
    }


def test_another_plans_field_is_a_form_error(client, world):
    client = in_english(client, world, "plan_admin")
    theirs = sector_field(world.other_plan)
    response = post(client, world.plan, source_sector=f"field:{theirs.pk}")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not CovenantMapping.objects.exists()


def test_the_download_is_the_export_of_the_plan(client, world):
    client = in_english(client, world, "plan_admin")
    response = client.get(url(world.plan, download=True))
    assert response.status_code == 200
    assert "covenant-of-mayors.xlsx" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    titles = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert titles == ["Elinkeinopolitiikka ja päästövähennykset", "Yhteiskehitysalustat"]


@pytest.mark.parametrize("who", ["other_plan_admin", "organization_admin", "contact_126", "viewer"])
def test_no_one_else_sees_or_downloads_the_mapping(client, world, who):
    client.force_login(world.users[who])
    assert refused(client.get(url(world.plan)))
    assert refused(client.get(url(world.plan, download=True)))
    assert refused(client.post(url(world.plan), {"source_origin": "fixed:eu"}))
    assert not CovenantMapping.objects.exists()


def test_the_index_leads_to_the_working_plans_mapping_and_refuses_others(client, world):
    client.force_login(world.users["plan_admin"])
    assert client.get("/admin/plans/covenant/")["Location"] == url(world.plan)
    client.force_login(world.users["contact_126"])
    assert refused(client.get("/admin/plans/covenant/"))


def test_the_screens_queries_do_not_grow_with_the_actions(
    client, world, django_assert_max_num_queries
):
    from tests.factories import make_action

    client = in_english(client, world, "plan_admin")
    client.get(url(world.plan))
    for number in range(20):
        make_action(world.plan, f"9{number}")
    with django_assert_max_num_queries(40):
        assert client.get(url(world.plan)).status_code == 200
