"""The actions' estimates added up per category and for the plan, and compared with the
emission goal's gap: how actions in several categories, negative and missing estimates,
internal and unpublished actions, and the goal indicator's unit are counted."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.factories import CategoryFactory, CategoryTypeFactory, make_action, make_indicator
from vahti.indicators import estimates
from vahti.indicators.estimates import plan_estimates, tonnes_per_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def themes(plan):
    """Transport (with its sub-theme Cycling) and Energy, of the plan's primary type."""
    kind = CategoryTypeFactory(plan=plan, identifier="theme", is_primary=True)
    transport = CategoryFactory(type=kind, identifier="transport", name_fi="Liikenne", order=1)
    cycling = CategoryFactory(
        type=kind, identifier="cycling", name_fi="Pyöräily", parent=transport, order=1
    )
    energy = CategoryFactory(type=kind, identifier="energy", name_fi="Energia", order=2)
    return transport, cycling, energy


@pytest.fixture
def actions(plan, themes):
    transport, cycling, energy = themes
    make_action(
        plan,
        "1",
        categories=[cycling, energy],  # in two themes: counted under each, once in all
        emission_reduction_estimate=Decimal("1000"),
        energy_savings_estimate=Decimal("200.5"),
        estimate_year=2030,
    )
    make_action(
        plan,
        "2",
        categories=[transport],
        emission_reduction_estimate=Decimal("-50"),  # adds emissions
        renewable_production_estimate=Decimal("10"),
        estimate_year=2030,
    )
    make_action(plan, "3", categories=[energy])  # no estimate
    # In no theme:
    make_action(plan, "4", emission_reduction_estimate=Decimal("5"), estimate_year=2030)
    # Neither an internal nor an unpublished action counts on the public pages.
    make_action(
        plan,
        "5",
        categories=[energy],
        visibility="internal",
        emission_reduction_estimate=Decimal("99999"),
        estimate_year=2030,
    )
    make_action(
        plan,
        "6",
        categories=[energy],
        publish=False,
        emission_reduction_estimate=Decimal("7777"),
        estimate_year=2030,
    )


def test_the_plan_total_counts_each_public_action_once(plan, actions):
    found = plan_estimates(plan)
    assert found.total.emission_reduction == Decimal("955")  # 1000 − 50 + 5
    assert found.total.energy_savings == Decimal("200.5")
    assert found.total.renewable_production == Decimal("10")
    assert (found.total.actions, found.total.without_emission_estimate) == (4, 1)


def test_each_category_counts_its_actions_and_those_of_its_sub_categories(plan, actions):
    rows = {row.category.identifier: row for row in plan_estimates(plan).categories}
    assert [(row.category.identifier, row.depth) for row in plan_estimates(plan).categories] == [
        ("transport", 0),
        ("cycling", 1),
        ("energy", 0),
    ]
    assert rows["transport"].totals.emission_reduction == Decimal("950")  # 1 (cycling) + 2
    assert rows["cycling"].totals.emission_reduction == Decimal("1000")
    assert rows["energy"].totals.emission_reduction == Decimal("1000")  # 1; 3 has none
    assert rows["energy"].totals.without_emission_estimate == 1
    assert rows["energy"].totals.renewable_production is None
    assert plan_estimates(plan).uncategorised.emission_reduction == Decimal("5")


def test_the_public_actions_without_an_emission_estimate_are_named(plan, actions):
    assert [a.identifier for a in plan_estimates(plan).lacking] == ["3"]
    assert str(plan_estimates(plan).lacking[0].name) == "Toimenpide 3"


def test_a_plan_without_actions_or_categories_has_empty_sums(plan):
    found = plan_estimates(plan)
    assert found.total.emission_reduction is None and found.total.actions == 0
    assert found.categories == [] and found.lacking == [] and found.goal is None


@pytest.mark.parametrize(
    ("unit", "tonnes"),
    [
        ("t CO₂e", 1),
        ("t CO2e/a", 1),
        ("kt CO₂e", 1000),
        ("kt CO2-ekv.", 1000),
        ("kt", 1000),
        ("kilotonnia CO2e/v", 1000),
        ("Mt CO₂e", 1_000_000),
        ("tonnes CO2e per year", 1),
        ("%", None),
        ("kWh", None),
        ("t CO₂e/asukas", None),
        ("kt CH4", None),
        ("", None),
    ],
)
def test_the_goal_indicators_unit_is_converted_only_when_known(unit, tonnes):
    assert tonnes_per_unit(unit) == tonnes


def goal(plan, **data):
    data.setdefault("unit_fi", "kt CO₂e")
    data.setdefault("values", [(2020, 3000), (2023, 2500)])
    data.setdefault("goals", [(2025, 2200), (2030, 1500), (2035, 800)])
    return make_indicator(plan, "ghg", level="strategic", is_emission_goal=True, **data)


def test_the_cuts_are_compared_with_the_gap_to_the_goal_nearest_2030(plan, actions):
    goal(plan)
    gap = plan_estimates(plan).goal
    assert gap.latest.value == 2500 and gap.goal.date.year == 2030
    assert gap.gap == 1000  # kt
    assert gap.covered == pytest.approx(0.955)  # 955 t = 0.955 kt
    assert gap.share == pytest.approx(0.0955)


def test_a_goal_in_tonnes_is_compared_in_tonnes(plan, actions):
    goal(plan, unit_fi="t CO₂e", values=[(2023, 10000)], goals=[(2031, 9000)])
    gap = plan_estimates(plan).goal
    assert (gap.gap, gap.covered) == (1000, pytest.approx(955))


def test_a_unit_that_cannot_be_converted_is_not_compared(plan, actions):
    goal(plan, unit_fi="%", unit_en="%")
    gap = plan_estimates(plan).goal
    assert gap.factor is None and gap.covered is None and gap.share is None


def test_an_internal_emission_goal_is_not_on_public_pages(plan, actions):
    goal(plan, visibility="internal")
    assert plan_estimates(plan).goal is None
    assert estimates.emission_goal(plan, public=False) is not None


def test_a_goal_without_values_has_no_gap(plan, actions):
    goal(plan, values=[])
    gap = plan_estimates(plan).goal
    assert gap.latest is None and gap.gap is None and gap.share is None


def test_a_goal_already_reached_has_no_share(plan, actions):
    goal(plan, values=[(2023, 1400)])
    gap = plan_estimates(plan).goal
    assert gap.gap == -100 and gap.share is None


@pytest.mark.parametrize(
    ("latest", "covers", "exceeds"),
    [(2500, False, False), (1500.955, True, False), (1500.5, True, True)],
)
def test_cuts_at_least_the_gap_cover_it_whole(plan, actions, latest, covers, exceeds):
    """955 t of cuts beside a gap of 1,000 kt, of 0.955 kt and of 0.5 kt."""
    goal(plan, values=[(2023, latest)])
    gap = plan_estimates(plan).goal
    assert (gap.covers_whole_gap, gap.exceeds_gap) == (covers, exceeds)
