"""The rules of an action's estimated yearly effects, kept by the model so that every
writer (the action form, a report's answer, a workbook import, the API) meets them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ESTIMATES = (
    "emission_reduction_estimate",
    "energy_savings_estimate",
    "renewable_production_estimate",
)

YEAR_MISSING_MESSAGE = _(
    "Give the year the estimates refer to (e.g. 2030): a yearly effect means little "
    "without its year."
)
ESTIMATE_MISSING_MESSAGE = _(
    "The year is that of the estimates: give at least one estimate, or leave the year empty."
)
NEGATIVE_PRODUCTION_MESSAGE = _(
    "Renewable energy production cannot be below zero. Leave it empty if it has not been estimated."
)


def estimate_errors(action) -> dict[str, ValidationError]:
    """An estimate needs the year it refers to, a year needs an estimate, and renewable
    production is never below zero (an emission reduction may be: an action that adds
    emissions)."""
    errors = {}
    given = [name for name in ESTIMATES if getattr(action, name) is not None]
    if given and action.estimate_year is None:
        errors["estimate_year"] = ValidationError(YEAR_MISSING_MESSAGE, code="year_missing")
    elif action.estimate_year is not None and not given:
        errors["estimate_year"] = ValidationError(ESTIMATE_MISSING_MESSAGE, code="no_estimate")
    production = action.renewable_production_estimate
    if production is not None and production < 0:
        errors["renewable_production_estimate"] = ValidationError(
            NEGATIVE_PRODUCTION_MESSAGE, code="negative_production"
        )
    return errors
