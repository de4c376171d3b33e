"""The action form's tab of estimated yearly effects (emission reduction, energy savings,
renewable production, their year and method); their rules are the model's
(vahti.actions.models.estimates). The plan's estimates page adds them up
(vahti.indicators.estimates)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, ObjectList

from vahti.editing.viewsets import translated


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
