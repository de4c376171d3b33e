"""The action form's tab of estimated yearly effects (emission reduction, energy savings,
renewable production, their year and method), and the rules the form checks for them.
The plan's estimates page adds them up (vahti.indicators.estimates)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, ObjectList

from vahti.editing.viewsets import translated

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


def estimates_tab() -> ObjectList:
    return ObjectList(
        [
            HelpPanel(
                content=_(
                    "Estimates of the action's effect per year once it is in place, shown on "
                    "the public site as estimates and added up for the plan beside its "
                    "emission goal. Leave a value empty when it has not been estimated."
                )
            ),
            FieldPanel(
                "emission_reduction_estimate",
                help_text=_(
                    "Estimated reduction of greenhouse gas emissions in tonnes of CO₂e per "
                    "year. Negative if the action adds emissions."
                ),
            ),
            FieldRowPanel(
                [
                    FieldPanel(
                        "energy_savings_estimate",
                        help_text=_("Estimated energy saved in MWh per year."),
                    ),
                    FieldPanel(
                        "renewable_production_estimate",
                        help_text=_("Estimated renewable energy produced in MWh per year."),
                    ),
                ]
            ),
            FieldPanel(
                "estimate_year",
                help_text=_("The year the estimated yearly effects refer to, e.g. 2030."),
            ),
            translated("estimate_method", _("Method or source of the estimates")),
        ],
        heading=_("Estimated effects"),
    )


def check_estimates(form, cleaned: dict) -> None:
    """Add the form's errors for estimates without their year and the other way round."""
    if "estimate_year" not in form.fields:
        return
    given = [name for name in ESTIMATES if cleaned.get(name) is not None]
    year = cleaned.get("estimate_year")
    if given and year is None and "estimate_year" not in form.errors:
        form.add_error("estimate_year", YEAR_MISSING_MESSAGE)
    if year is not None and not given and not any(name in form.errors for name in ESTIMATES):
        form.add_error("estimate_year", ESTIMATE_MISSING_MESSAGE)
    production = cleaned.get("renewable_production_estimate")
    if production is not None and production < 0:
        form.add_error("renewable_production_estimate", NEGATIVE_PRODUCTION_MESSAGE)
