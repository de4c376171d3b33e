"""The rules of an action's estimated yearly effects, kept by the model so that every
writer (the action form, a report's answer, a workbook import, the API) meets them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

ESTIMATES = (
    "emission_reduction_estimate",
    "energy_savings_estimate",
    "renewable_production_estimate",
)

FIRST_YEAR, LAST_YEAR = 1990, 2100

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


class EstimateYearField(models.PositiveSmallIntegerField):
    """The year of the estimates, from FIRST_YEAR to LAST_YEAR. Its form field has the
    same bounds, so a form refuses -1 saying the year is at least 1990, not 0 (what a
    positive number's form field would say before the model's rule is asked)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "validators", [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
        )
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"min_value": FIRST_YEAR, "max_value": LAST_YEAR, **kwargs})

    def deconstruct(self):
        # A plain PositiveSmallIntegerField to the migrations: the bounds are a rule of
        # the forms, not a change of the column.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.PositiveSmallIntegerField", args, kwargs
