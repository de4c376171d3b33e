"""A plan's own content is unique within its plan (a person's email and identifier, a
role, a dimension's or scenario's identifier, a report's address): the plan is not a
field of the plan admin's form, yet a clash is the model's own message on the field it
concerns, with the input kept, never an error page."""

import datetime

import pytest

from tests.editing.conftest import form_data, in_english
from tests.factories import PersonFactory
from vahti.access.models import Role
from vahti.indicators.models import Dimension, Scenario
from vahti.orgs.models import Person
from vahti.reports.models import Report
from vahti.reports.services import report_open

pytestmark = pytest.mark.django_db
SNIPPETS = "/admin/snippets"
PEOPLE = f"{SNIPPETS}/orgs/person/"


def send(client, url: str, **values):
    """The editor form at ``url``, as the page gives it, sent with ``values``."""
    data = form_data(client.get(url).content.decode(), "w-editor-form")
    data.pop("plan", None)  # a plan admin working in one plan is not asked the plan
    data.update({name: [value] for name, value in values.items()})
    return client.post(url, data)


def refusal(response, field: str) -> str:
    """The errors of ``field`` of the form sent back."""
    assert response.status_code == 200, response.status_code
    return " ".join(response.context["form"].errors.get(field, []))


@pytest.fixture
def samuel(world):
    return PersonFactory(
        plan=world.plan, email="samuel.okafor@example.invalid", identifier="samuel-okafor"
    )


@pytest.fixture
def plan_admin(client, world):
    return in_english(client, world, "plan_admin")


NEW_PERSON = {"first_name": "Hanna", "last_name": "Lind", "title_fi": "asiantuntija"}


def test_a_new_person_with_an_email_of_the_plan_is_refused_on_the_email(plan_admin, samuel):
    response = send(
        plan_admin,
        f"{PEOPLE}add/",
        **NEW_PERSON,
        email="SAMUEL.OKAFOR@example.invalid",
        identifier="hanna-lind",
    )
    assert "already has a person with this email" in refusal(response, "email")
    assert 'value="SAMUEL.OKAFOR@example.invalid"' in response.content.decode()
    assert not Person.objects.filter(last_name="Lind").exists()


def test_a_new_person_with_an_identifier_of_the_plan_is_refused_on_it(plan_admin, samuel):
    response = send(plan_admin, f"{PEOPLE}add/", **NEW_PERSON, identifier="samuel-okafor")
    assert "already has a person with this identifier" in refusal(response, "identifier")
    assert not Person.objects.filter(last_name="Lind").exists()


def test_the_same_email_and_identifier_in_another_plan_are_free(plan_admin, world):
    PersonFactory(
        plan=world.other_plan, email="hanna.lind@example.invalid", identifier="hanna-lind"
    )
    response = send(
        plan_admin,
        f"{PEOPLE}add/",
        **NEW_PERSON,
        email="hanna.lind@example.invalid",
        identifier="hanna-lind",
    )
    assert response.status_code == 302
    assert Person.objects.get(plan=world.plan, identifier="hanna-lind")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "Samuel.Okafor@example.invalid", "already has a person with this email"),
        ("identifier", "samuel-okafor", "already has a person with this identifier"),
    ],
)
def test_a_person_changed_to_anothers_email_or_identifier_is_refused(
    plan_admin, world, samuel, field, value, message
):
    hanna = PersonFactory(plan=world.plan, email="hanna@example.invalid", identifier="hanna")
    response = send(plan_admin, f"{PEOPLE}edit/{hanna.pk}/", **{field: value})
    assert message in refusal(response, field)
    hanna.refresh_from_db()
    assert (hanna.email, hanna.identifier) == ("hanna@example.invalid", "hanna")


def test_a_role_the_user_already_has_in_the_plan_is_refused(plan_admin, world):
    viewer = world.users["viewer"]
    response = send(plan_admin, f"{SNIPPETS}/access/role/add/", user=str(viewer.pk), kind="viewer")
    assert "already has this role in the plan" in refusal(response, "__all__")
    assert Role.objects.filter(user=viewer, plan=world.plan).count() == 1


@pytest.mark.parametrize(("model", "name"), [(Dimension, "dimension"), (Scenario, "scenario")])
def test_a_dimensions_or_scenarios_identifier_is_once_per_plan(plan_admin, world, model, name):
    model.objects.create(plan=world.plan, identifier="sector", name_fi="Sektori")
    url = f"{SNIPPETS}/indicators/{name}/"
    response = send(plan_admin, f"{url}add/", identifier="sector", name_fi="Toinen", order="2")
    assert f"already has a {name} with this identifier" in refusal(response, "identifier")
    other = model.objects.create(plan=world.plan, identifier="other", name_fi="Muu")
    response = send(plan_admin, f"{url}edit/{other.pk}/", identifier="sector")
    assert f"already has a {name} with this identifier" in refusal(response, "identifier")
    assert sorted(model.objects.values_list("identifier", flat=True)) == ["other", "sector"]


def test_a_reports_address_taken_in_the_plan_is_refused_on_it(plan_admin, world):
    dates = {"period_start": datetime.date(2025, 1, 1), "period_end": datetime.date(2025, 12, 31)}
    report_open(world.plan, name_fi="Vuosiraportti 2025", slug="2025", **dates)
    response = plan_admin.post(
        f"{SNIPPETS}/reports/report/add/",
        {
            "name_fi": "Toinen",
            "slug": "2025",
            "period_start": "2025-01-01",
            "period_end": "2025-12-31",
        },
    )
    assert "already has a report with this address" in refusal(response, "slug")
    assert Report.objects.count() == 1
