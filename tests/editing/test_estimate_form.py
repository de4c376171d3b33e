"""The action form's "Estimated effects" tab: the estimates are saved with their year and
method, and incomplete ones are refused with a message that says what is missing. The
indicator form marks the plan's emission goal (one per plan, strategic)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from tests.editing.conftest import ACTIONS_URL, form_data, in_english
from tests.factories import make_indicator
from vahti.actions.models import Action
from vahti.indicators.models import Indicator

pytestmark = pytest.mark.django_db
INDICATORS_URL = "/admin/snippets/indicators/indicator/"


def edit_url(action) -> str:
    return f"{ACTIONS_URL}edit/{action.pk}/"


def post_action(client, action, **values):
    data = form_data(client.get(edit_url(action)).content.decode(), "w-editor-form")
    data.update({k: [v] for k, v in values.items()})
    return client.post(edit_url(action), {**data, "action-publish": ["publish"]})


def errors_of(response) -> str:
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return " ".join(e.get_text(" ", strip=True) for e in soup.select(".error-message"))


def test_the_tab_names_the_values_as_yearly_estimates(client, world):
    client.force_login(world.users["plan_admin"])
    page = client.get(edit_url(world.action_126)).content.decode()
    assert "Vaikutusarviot" in page
    assert "tonneina CO₂e vuodessa" in page and 'name="estimate_method_fi"' in page


def test_an_editor_saves_the_estimates_with_their_year_and_method(client, world):
    client.force_login(world.users["contact_126"])
    response = post_action(
        client,
        world.action_126,
        emission_reduction_estimate="1200.5",
        energy_savings_estimate="3400",
        renewable_production_estimate="",
        estimate_year="2030",
        estimate_method_fi="Laskettu HSY:n päästölaskurilla",
    )
    assert response.status_code == 302, errors_of(response)
    action = Action.objects.get(pk=world.action_126.pk)
    assert action.emission_reduction_estimate == Decimal("1200.50")
    assert action.energy_savings_estimate == Decimal("3400")
    assert action.renewable_production_estimate is None
    assert action.estimate_year == 2030
    assert action.estimate_method_fi == "Laskettu HSY:n päästölaskurilla"


def test_a_negative_emission_estimate_is_kept(client, world):
    client.force_login(world.users["plan_admin"])
    response = post_action(
        client, world.action_126, emission_reduction_estimate="-40", estimate_year="2030"
    )
    assert response.status_code == 302, errors_of(response)
    assert Action.objects.get(pk=world.action_126.pk).emission_reduction_estimate == -40


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"emission_reduction_estimate": "100"}, "Give the year the estimates refer to"),
        ({"estimate_year": "2030"}, "give at least one estimate, or leave the year empty"),
        (
            {"renewable_production_estimate": "-5", "estimate_year": "2030"},
            "Renewable energy production cannot be below zero",
        ),
        (
            {"emission_reduction_estimate": "100", "estimate_year": "1980"},
            "greater than or equal to 1990",
        ),
        # The form's bound is the model's: not "at least 0" for a year below zero.
        (
            {"emission_reduction_estimate": "100", "estimate_year": "-1"},
            "greater than or equal to 1990",
        ),
        (
            {"emission_reduction_estimate": "100", "estimate_year": "2101"},
            "less than or equal to 2100",
        ),
        ({"energy_savings_estimate": "lots", "estimate_year": "2030"}, "Enter a number"),
    ],
)
def test_incomplete_or_wrong_estimates_are_refused_with_a_clear_message(
    client, world, values, message
):
    in_english(client, world, "plan_admin")
    response = post_action(client, world.action_126, **values)
    assert response.status_code == 200
    assert message in errors_of(response)
    action = Action.objects.get(pk=world.action_126.pk)
    assert action.emission_reduction_estimate is None and action.estimate_year is None


def test_the_year_input_is_bounded_as_the_model_and_says_so_in_finnish(client, world):
    client.force_login(world.users["plan_admin"])
    page = client.get(edit_url(world.action_126)).content.decode()
    year = BeautifulSoup(page, "html.parser").select_one("input[name=estimate_year]")
    assert (year["min"], year["max"]) == ("1990", "2100")
    response = post_action(
        client, world.action_126, emission_reduction_estimate="100", estimate_year="-1"
    )
    assert "Tämän luvun on oltava vähintään 1990." in errors_of(response)
    assert Action.objects.get(pk=world.action_126.pk).estimate_year is None


def indicator_form(client, indicator) -> tuple[str, dict]:
    url = f"{INDICATORS_URL}edit/{indicator.pk}/"
    return url, form_data(client.get(url).content.decode(), "w-editor-form")


def test_the_plan_admin_marks_one_strategic_indicator_as_the_emission_goal(client, world):
    in_english(client, world, "plan_admin")
    total = make_indicator(world.plan, "ghg", level="strategic", unit_fi="kt CO₂e")
    other = make_indicator(world.plan, "ghg2", level="strategic", unit_fi="kt CO₂e")
    url, data = indicator_form(client, total)
    data["is_emission_goal"] = ["on"]
    assert client.post(url, data).status_code == 302
    assert Indicator.objects.get(pk=total.pk).is_emission_goal

    url, data = indicator_form(client, other)
    data["is_emission_goal"] = ["on"]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "is already the plan's emission goal" in errors_of(response)
    assert not Indicator.objects.get(pk=other.pk).is_emission_goal


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"level": "operational"}, "Only a strategic indicator"),
        ({"level": "strategic", "desired_direction": "increase"}, "should go down"),
    ],
)
def test_an_indicator_that_cannot_be_the_emission_goal_is_refused(client, world, data, message):
    in_english(client, world, "plan_admin")
    indicator = make_indicator(world.plan, "bikes", **data)
    url, form = indicator_form(client, indicator)
    form["is_emission_goal"] = ["on"]
    response = client.post(url, form)
    assert response.status_code == 200
    assert message in errors_of(response)
    assert not Indicator.objects.get(pk=indicator.pk).is_emission_goal
