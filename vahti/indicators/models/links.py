"""An indicator's links to actions and to other indicators, its goals and its values."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable

from vahti.actions.models import Action
from vahti.core.models import same_plan_errors
from vahti.indicators import periods
from vahti.indicators.models.indicator import DimensionCategory, Indicator, Scenario


class Effect(models.TextChoices):
    INCREASES = "increases", _("increases")
    DECREASES = "decreases", _("decreases")
    PART_OF = "part_of", _("is part of")


class ActionIndicator(Orderable):
    """An action expected to move an indicator; optionally the indicator measures how far
    the action has come (its completion on the action page)."""

    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="action_links")
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="indicator_links", verbose_name=_("action")
    )
    effect = models.CharField(
        _("expected effect"),
        max_length=20,
        choices=[
            (Effect.INCREASES, Effect.INCREASES.label),
            (Effect.DECREASES, Effect.DECREASES.label),
        ],
        default=Effect.DECREASES,
    )
    indicates_progress = models.BooleanField(
        _("measures the action's progress"),
        default=False,
        help_text=_("The action page shows its completion from this indicator's goal."),
    )

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                "indicator",
                "action",
                name="actionindicator_once",
                violation_error_message=_("The action is already linked to this indicator."),
            )
        ]
        verbose_name = _("linked action")
        verbose_name_plural = _("linked actions")

    def __str__(self):
        return f"{self.action} → {self.indicator}"

    def clean(self):
        if self.indicator_id and self.action_id:
            errors = same_plan_errors(self.indicator.plan, {"action": self.action})
            if errors:
                raise ValidationError(errors)


class IndicatorRelation(Orderable):
    """A causal link: ``cause`` increases, decreases or is part of ``effect``."""

    class Confidence(models.TextChoices):
        HIGH = "high", _("high")
        MEDIUM = "medium", _("medium")
        LOW = "low", _("low")

    cause = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="effect_links")
    effect_indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="cause_links",
        verbose_name=_("affected indicator"),
    )
    effect = models.CharField(
        _("effect"), max_length=20, choices=Effect.choices, default=Effect.INCREASES
    )
    confidence = models.CharField(
        _("confidence"), max_length=10, choices=Confidence.choices, default=Confidence.MEDIUM
    )

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                "cause",
                "effect_indicator",
                name="indicatorrelation_once",
                violation_error_message=_("These indicators are already linked."),
            ),
            models.CheckConstraint(
                condition=~models.Q(cause=models.F("effect_indicator")),
                name="indicatorrelation_not_to_itself",
                violation_error_message=_("An indicator cannot affect itself."),
            ),
        ]
        verbose_name = _("effect on another indicator")
        verbose_name_plural = _("effects on other indicators")

    def __str__(self):
        return f"{self.cause} {self.get_effect_display()} {self.effect_indicator}"

    def clean(self):
        if self.cause_id and self.effect_indicator_id:
            if self.cause_id == self.effect_indicator_id:
                raise ValidationError({"effect_indicator": _("An indicator cannot affect itself.")})
            errors = same_plan_errors(self.cause.plan, {"effect_indicator": self.effect_indicator})
            if errors:
                raise ValidationError(errors)


class IndicatorGoal(models.Model):
    """A target value by a date, e.g. 1 000 kt CO₂e by 2035, optionally of a scenario."""

    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="goals")
    date = models.DateField(_("date"), help_text=_("The last day of the goal's period."))
    value = models.FloatField(_("value"))
    scenario = models.ForeignKey(
        Scenario,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="goals",
        verbose_name=_("scenario"),
    )

    class Meta:
        ordering = ["indicator", "scenario", "date", "pk"]
        constraints = [
            models.UniqueConstraint(
                "indicator",
                "date",
                condition=models.Q(scenario__isnull=True),
                name="indicatorgoal_one_per_date",
                violation_error_message=_("The indicator already has a goal for this date."),
            ),
            models.UniqueConstraint(
                "indicator",
                "scenario",
                "date",
                condition=models.Q(scenario__isnull=False),
                name="indicatorgoal_one_per_date_and_scenario",
                violation_error_message=_(
                    "The indicator already has a goal for this date in this scenario."
                ),
            ),
        ]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self):
        return f"{self.date}: {self.value:g}"

    def clean(self):
        if not self.indicator_id and not _is_cached(self, "indicator"):
            return
        indicator = self.indicator
        errors = {}
        if self.date and not periods.is_period_end(self.date, indicator.time_resolution):
            errors["date"] = periods.off_period_message(self.date, indicator.time_resolution)
        if self.value is not None and (problem := indicator.value_error(self.value)):
            errors["value"] = problem
        if self.scenario_id and indicator.plan_id:
            errors.update(same_plan_errors(indicator.plan, {"scenario": self.scenario}))
        if errors:
            raise ValidationError(errors)


class IndicatorValueQuerySet(models.QuerySet):
    def totals(self):
        """The indicator's own values, not their breakdown by a dimension."""
        return self.filter(category__isnull=True)


class IndicatorValue(models.Model):
    """One value of the indicator for one period; with ``category``, the part of that
    period's value that falls into one dimension category (e.g. the transport sector)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    date = models.DateField(_("date"))
    value = models.FloatField(_("value"))
    category = models.ForeignKey(
        DimensionCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="values",
        verbose_name=_("dimension category"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = IndicatorValueQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "date", "category", "pk"]
        indexes = [models.Index(fields=["indicator", "date"], name="indicatorvalue_by_date")]
        constraints = [
            models.UniqueConstraint(
                "indicator",
                "date",
                condition=models.Q(category__isnull=True),
                name="indicatorvalue_one_per_date",
                violation_error_message=_("The indicator already has a value for this date."),
            ),
            models.UniqueConstraint(
                "indicator",
                "date",
                "category",
                condition=models.Q(category__isnull=False),
                name="indicatorvalue_one_per_date_and_category",
                violation_error_message=_(
                    "The indicator already has a value for this date and category."
                ),
            ),
        ]
        verbose_name = _("value")
        verbose_name_plural = _("values")

    def __str__(self):
        return f"{self.date}: {self.value:g}"


def _is_cached(instance, field_name: str) -> bool:
    return instance._meta.get_field(field_name).is_cached(instance)
