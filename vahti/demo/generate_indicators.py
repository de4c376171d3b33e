"""Generate indicators for a generated plan (:mod:`vahti.demo.generate`) fast, for
benchmarks and query-count tests: rows written with ``bulk_create``, as the plan's."""

from __future__ import annotations

import datetime
import random

from django.db import transaction

from vahti.actions.models import Action
from vahti.core.naturalsort import natural_sort_key
from vahti.demo.generate import BATCH
from vahti.indicators.models import (
    ActionIndicator,
    Dimension,
    DimensionCategory,
    Indicator,
    IndicatorGoal,
    IndicatorRelation,
    IndicatorValue,
)
from vahti.plans.models import Plan


@transaction.atomic
def generate_indicators(plan: Plan, *, count: int = 12, values: int = 10_000, seed: int = 2035):
    """Indicators for a generated plan: one daily indicator with ``values`` values, a
    breakdown of its first days by sector and goals; ``count - 1`` yearly ones in a chain
    of causal links, each linked to an action (every other one measuring its progress).
    Returns the daily indicator."""

    rng = random.Random(seed)  # noqa: S311  (repeatable test data, not secrets)
    parts = _sector_create(plan)
    daily = _indicator_create(plan, "daily", "strategic", "day")
    _daily_values_create(daily, parts, values, rng)
    IndicatorGoal.objects.create(indicator=daily, date=datetime.date(2035, 12, 31), value=1500)
    _yearly_chain_create(plan, daily, count, rng)
    return daily


def _sector_create(plan: Plan) -> list:
    """A dimension "sector" of three categories."""

    sector = Dimension.objects.create(plan=plan, identifier="sector", name_fi="Sektori")
    return DimensionCategory.objects.bulk_create(
        [
            DimensionCategory(
                plan=plan, dimension=sector, identifier=f"part{n}", name_fi=f"Osa {n}"
            )
            for n in range(3)
        ]
    )


def _indicator_create(plan: Plan, identifier: str, level: str, resolution: str):

    return Indicator.objects.create(
        plan=plan,
        identifier=identifier,
        name_fi=f"Mittari {identifier}",
        name_en=f"Indicator {identifier}",
        unit_fi="kt",
        level=level,
        time_resolution=resolution,
        sort_key=natural_sort_key(identifier),
    )


def _daily_values_create(daily, parts: list, values: int, rng) -> None:
    """``values`` days from 2000-01-01 on, and the first 30 broken down by ``parts``."""

    start = datetime.date(2000, 1, 1)
    rows = [
        IndicatorValue(
            indicator=daily,
            date=start + datetime.timedelta(days=n),
            value=round(5000 - n * 0.2 + rng.uniform(-40, 40), 2),
        )
        for n in range(values)
    ]
    rows += [
        IndicatorValue(
            indicator=daily, date=start + datetime.timedelta(days=n), value=1.0, category=part
        )
        for n in range(30)
        for part in parts
    ]
    IndicatorValue.objects.bulk_create(rows, batch_size=BATCH)


def _yearly_chain_create(plan: Plan, daily, count: int, rng) -> None:
    """``count - 1`` yearly indicators, each a cause of the one before it (the first of
    ``daily``) and linked to an action."""

    levels = ["strategic", "tactical", "operational"]
    actions = list(Action.objects.filter(plan=plan).public().order_by("sort_key")[: count * 2])
    previous = daily
    for n in range(count - 1):
        yearly = _indicator_create(plan, f"yearly{n}", levels[(n + 1) % 3], "year")
        IndicatorValue.objects.bulk_create(
            IndicatorValue(
                indicator=yearly, date=datetime.date(2012 + y, 12, 31), value=10 + y + rng.random()
            )
            for y in range(12)
        )
        IndicatorGoal.objects.create(indicator=yearly, date=datetime.date(2030, 12, 31), value=40)
        IndicatorRelation.objects.create(cause=yearly, effect_indicator=previous)
        if actions:
            ActionIndicator.objects.create(
                indicator=yearly, action=actions[n % len(actions)], indicates_progress=n % 2 == 0
            )
        previous = yearly
