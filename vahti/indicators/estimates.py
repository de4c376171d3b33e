"""The actions' estimated yearly effects added up, per category of the plan's primary
category type and for the whole plan, beside the plan's emission goal (the strategic
indicator its admins marked ``is_emission_goal``): how much of the gap between the
goal's latest value and its goal the estimated cuts cover.

How actions are counted: only public actions (published, public, not merged). An
action's estimate counts in full under each primary category it belongs to, and under
each category above those (a category's row includes its sub-categories, each action
once), but only once in the plan's total: the categories' rows may add up to more than
the total. Actions without an estimate add nothing; a negative estimate (an action that
adds emissions) is subtracted. Everything here is an estimate and the pages say so.

Each function issues a fixed number of queries whatever the number of actions."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Sum

from vahti.actions.models import Action
from vahti.actions.selectors import language_columns, public_actions
from vahti.indicators.models import Indicator, IndicatorGoal, IndicatorValue
from vahti.indicators.series import plan_goals
from vahti.indicators.trajectory import Point
from vahti.plans.models import Category, CategoryType, Plan
from vahti.plans.selectors import primary_category_type

# The goal compared with is the one whose year is nearest this (the plans' common
# milestone); of two equally near, the earlier.
TARGET_YEAR = 2030

ESTIMATE_COLUMNS = (
    "emission_reduction_estimate",
    "energy_savings_estimate",
    "renewable_production_estimate",
)

# "t CO₂e", "kt CO2-ekv./v", "Mt CO₂e/a", "tonnia CO2e" … → tonnes per unit. The CO₂ part
# may be left out ("kt"): the indicator is the emission goal. Anything else is not guessed.
_UNIT = re.compile(
    r"^(?P<prefix>t|kt|mt|tonnes?|tonnia|ton|kilotonnes?|kilotonnia|megatonnes?|megatonnia)"
    r"(?:\s*co2(?:e|-?ekv\.?|-?eq\.?|\s*ekv(?:ivalenttia)?\.?)?)?"
    r"(?:\s*(?:/|per)\s*(?:a|v|y|yr|year|vuosi|vuodessa|år))?$",
    re.IGNORECASE,
)
_TONNES = {"t": 1, "k": 1000, "m": 1_000_000}


def tonnes_per_unit(unit: str) -> int | None:
    """How many tonnes of CO₂e one of ``unit`` is, or None when the unit is not a mass
    of CO₂e this knows (then nothing is converted)."""
    text = " ".join(str(unit or "").replace("₂", "2").replace("\u00a0", " ").split())
    found = _UNIT.match(text)
    if not found:
        return None
    prefix = found["prefix"].lower()
    return _TONNES[prefix[0] if prefix[0] in "km" else "t"]


@dataclass
class Totals:
    """The estimates of a set of actions added up (None where no action has one)."""

    emission_reduction: Decimal | None = None
    energy_savings: Decimal | None = None
    renewable_production: Decimal | None = None
    actions: int = 0
    with_emission_estimate: int = 0

    def add(self, row: dict) -> None:
        self.actions += 1
        for name in ("emission_reduction", "energy_savings", "renewable_production"):
            value = row[f"{name}_estimate"]
            if value is not None:
                setattr(self, name, (getattr(self, name) or Decimal(0)) + value)
        if row["emission_reduction_estimate"] is not None:
            self.with_emission_estimate += 1

    @property
    def figures(self) -> tuple:
        return (self.emission_reduction, self.energy_savings, self.renewable_production)

    @property
    def without_emission_estimate(self) -> int:
        return self.actions - self.with_emission_estimate


@dataclass
class CategoryTotals:
    category: Category
    depth: int
    totals: Totals


@dataclass
class GoalGap:
    """The emission goal indicator's gap to its goal beside the estimated cuts.
    ``factor`` is None when its unit cannot be converted: nothing is compared then."""

    indicator: Indicator
    latest: Point | None
    goal: Point | None
    factor: int | None
    estimated_tonnes: Decimal | None

    @property
    def gap(self) -> float | None:
        """Latest value − goal, in the indicator's unit."""
        if self.latest is None or self.goal is None:
            return None
        return self.latest.value - self.goal.value

    @property
    def covered(self) -> float | None:
        """The estimated cuts in the indicator's unit."""
        if self.factor is None:
            return None
        return float(self.estimated_tonnes or 0) / self.factor

    @property
    def covers_whole_gap(self) -> bool:
        """Whether the estimated cuts are at least the whole gap (the share is then 100 %
        or more, and "covers about X of the gap" would say nonsense)."""
        gap, covered = self.gap, self.covered
        if gap is None or covered is None or gap <= 0:
            return False
        # The values are floats: 1500.955 − 1500 is not quite 0.955.
        return covered >= gap or math.isclose(covered, gap, rel_tol=1e-9)

    @property
    def exceeds_gap(self) -> bool:
        return self.covers_whole_gap and not math.isclose(self.covered, self.gap, rel_tol=1e-9)

    @property
    def share(self) -> float | None:
        """The cuts' share of the gap in per cent."""
        gap, covered = self.gap, self.covered
        if gap is None or covered is None or gap <= 0:
            return None
        return covered / gap * 100


@dataclass
class PlanEstimates:
    total: Totals
    category_type: CategoryType | None = None
    categories: list[CategoryTotals] = field(default_factory=list)
    uncategorised: Totals | None = None
    lacking: list[Action] = field(default_factory=list)  # no emission estimate
    goal: GoalGap | None = None


def plan_estimates(plan: Plan) -> PlanEstimates:
    """The public actions' estimates for the plan's estimates page. 7 queries."""
    rows = list(
        public_actions(plan)
        .order_by("sort_key", "pk")
        .values("id", "identifier", *ESTIMATE_COLUMNS, *language_columns("name"))
    )
    total = Totals()
    for row in rows:
        total.add(row)
    category_type = primary_category_type(plan)
    categories, uncategorised = _per_category(category_type, plan, rows)
    lacking = [
        Action(plan_id=plan.pk, **row) for row in rows if row["emission_reduction_estimate"] is None
    ]
    return PlanEstimates(
        total=total,
        category_type=category_type,
        categories=categories,
        uncategorised=uncategorised,
        lacking=lacking,
        goal=emission_goal_gap(plan, total.emission_reduction),
    )


def _per_category(
    category_type: CategoryType | None, plan: Plan, rows: list[dict]
) -> tuple[list[CategoryTotals], Totals | None]:
    """A row per category of the primary type in tree order, each with the actions in
    it or below it (once each); the actions in none of them apart. 2 queries."""
    if category_type is None:
        return [], None
    categories = list(Category.objects.filter(type=category_type).order_by("order", "pk"))
    parents = {c.pk: c.parent_id for c in categories}
    links = Action.categories.through.objects.filter(
        action__in=public_actions(plan), category__type=category_type
    ).values_list("action_id", "category_id")
    under: dict[int, set[int]] = {}
    for action_id, category_id in links:
        while category_id is not None:  # the category and those above it
            under.setdefault(category_id, set()).add(action_id)
            category_id = parents.get(category_id)
    by_pk = {row["id"]: row for row in rows}
    children: dict[int | None, list[Category]] = {}
    for category in categories:
        children.setdefault(category.parent_id, []).append(category)
    found: list[CategoryTotals] = []

    def walk(parent_id, depth):
        for category in children.get(parent_id, []):
            totals = Totals()
            for action_id in sorted(under.get(category.pk, ())):
                totals.add(by_pk[action_id])
            found.append(CategoryTotals(category, depth, totals))
            walk(category.pk, depth + 1)

    walk(None, 0)
    categorised = set().union(*under.values()) if under else set()
    uncategorised = Totals()
    for row in rows:
        if row["id"] not in categorised:
            uncategorised.add(row)
    return found, uncategorised if uncategorised.actions else None


def emission_goal(plan: Plan, public: bool = True) -> Indicator | None:
    """The indicator the plan's admins marked as its emission goal, with its goals (a
    public one only, for the public site). 2 queries."""
    indicators = Indicator.objects.filter(plan=plan, is_emission_goal=True)
    if public:
        indicators = indicators.public()
    goals = Prefetch("goals", queryset=IndicatorGoal.objects.select_related("scenario"))
    return indicators.prefetch_related(goals).first()


def emission_goal_gap(
    plan: Plan,
    estimated_tonnes: Decimal | None,
    indicator: Indicator | None = None,
    totals: list[Point] | None = None,
) -> GoalGap | None:
    """The gap of the plan's emission goal beside the estimated cuts. The indicator's
    page passes the indicator and its values, read already; else 3 queries."""
    if indicator is None:
        indicator = emission_goal(plan)
        if indicator is None:
            return None
    if totals is None:
        latest = (
            IndicatorValue.objects.totals()
            .filter(indicator=indicator)
            .order_by("-date")
            .values_list("date", "value")
            .first()
        )
        latest_point = Point(*latest) if latest else None
    else:
        latest_point = totals[-1] if totals else None
    return GoalGap(
        indicator=indicator,
        latest=latest_point,
        goal=goal_nearest_target(indicator.goals.all()),
        factor=_factor(indicator),
        estimated_tonnes=estimated_tonnes,
    )


def goal_nearest_target(goals: list[IndicatorGoal], year: int = TARGET_YEAR) -> Point | None:
    points = plan_goals(list(goals))
    if not points:
        return None
    return min(points, key=lambda p: (abs(p.date.year - year), p.date))


def _factor(indicator: Indicator) -> int | None:
    """The unit's tonnes, read from any of its languages that names a known unit."""
    for column in language_columns("unit"):
        factor = tonnes_per_unit(getattr(indicator, column, ""))
        if factor is not None:
            return factor
    return None


def public_emission_total(plan: Plan) -> Decimal | None:
    """The public actions' estimated emission reduction in t CO₂e/a. 1 query."""
    return public_actions(plan).aggregate(total=Sum("emission_reduction_estimate"))["total"]
