"""Indicators ("Mittarit"): time series with goals that show whether the plan works, their
links to actions and the causal links between them (the insight network).

An indicator is a Wagtail snippet whose few, hand-edited children (goals, contact
persons, links to actions and to other indicators) are ParentalKey rows edited inline.
Its values are plain rows: an indicator may have ten thousand of them, entered one by one
or by CSV through ``vahti.indicators.services``, never as part of a revision.
"""

from vahti.indicators.models.indicator import (
    IDENTIFIER_TAKEN_MESSAGE,
    OUTSIDE_RANGE_MESSAGE,
    TOO_LARGE_MESSAGE,
    VALUE_LIMIT,
    Dimension,
    DimensionCategory,
    Indicator,
    IndicatorContactPerson,
    IndicatorQuerySet,
    Scenario,
)
from vahti.indicators.models.links import (
    ActionIndicator,
    Effect,
    IndicatorGoal,
    IndicatorRelation,
    IndicatorValue,
    IndicatorValueQuerySet,
)

__all__ = [
    "IDENTIFIER_TAKEN_MESSAGE",
    "OUTSIDE_RANGE_MESSAGE",
    "TOO_LARGE_MESSAGE",
    "VALUE_LIMIT",
    "ActionIndicator",
    "Dimension",
    "DimensionCategory",
    "Effect",
    "Indicator",
    "IndicatorContactPerson",
    "IndicatorGoal",
    "IndicatorQuerySet",
    "IndicatorRelation",
    "IndicatorValue",
    "IndicatorValueQuerySet",
    "Scenario",
]
