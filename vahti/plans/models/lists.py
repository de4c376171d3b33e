"""A plan's own ordered lists (statuses, phases, impacts, schedules) and its categories."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from vahti.core.i18n import TranslatableMixin, TranslatedField
from vahti.core.models import same_plan_errors, would_be_inside_itself
from vahti.core.validators import validate_hex_color
from vahti.plans.models.plan import Plan, identifier_validator


class PlanOwnedQuerySet(models.QuerySet):
    def for_plan(self, plan):
        return self.filter(plan=plan)


class PlanListItem(TranslatableMixin, models.Model):
    """Common shape of a plan's own ordered lists (statuses, phases, impacts, schedules)."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="+", verbose_name=_("plan")
    )
    identifier = models.CharField(_("identifier"), max_length=50, validators=[identifier_validator])
    name = TranslatedField(models.CharField(_("name"), max_length=100))
    order = models.PositiveIntegerField(_("order"), default=0)

    objects = PlanOwnedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["plan", "order", "pk"]

    def __str__(self):
        return self.name

    def get_plan(self):
        return self.plan if self.plan_id else None

    def clean(self):
        self.clean_translations()


def _unique_identifier(model_name: str):
    return models.UniqueConstraint(
        "plan",
        "identifier",
        name=f"{model_name}_identifier_unique_in_plan",
        violation_error_message=_("The plan already has an item with this identifier."),
    )


class ActionStatus(PlanListItem):
    class Sentiment(models.TextChoices):
        POSITIVE = "positive", _("positive")
        NEUTRAL = "neutral", _("neutral")
        NEGATIVE = "negative", _("negative")

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="action_statuses", verbose_name=_("plan")
    )
    is_completed = models.BooleanField(
        _("counts as completed"),
        default=False,
        help_text=_("Actions with this status are counted as completed."),
    )
    color = models.CharField(
        _("colour"), max_length=7, default="#6b6b6b", validators=[validate_hex_color]
    )
    sentiment = models.CharField(
        _("sentiment"), max_length=10, choices=Sentiment.choices, default=Sentiment.NEUTRAL
    )

    class Meta(PlanListItem.Meta):
        constraints = [_unique_identifier("actionstatus")]
        verbose_name = _("action status")
        verbose_name_plural = _("action statuses")

    @property
    def css_class(self) -> str:
        """How the site colours the status: by sentiment, and completed ones alike."""
        classes = f"status--{self.sentiment}"
        return f"{classes} status--completed" if self.is_completed else classes


class ActionImplementationPhase(PlanListItem):
    plan = models.ForeignKey(
        Plan,
        on_delete=models.CASCADE,
        related_name="action_implementation_phases",
        verbose_name=_("plan"),
    )
    color = models.CharField(_("colour"), max_length=7, blank=True, validators=[validate_hex_color])

    class Meta(PlanListItem.Meta):
        constraints = [_unique_identifier("actionimplementationphase")]
        verbose_name = _("implementation phase")
        verbose_name_plural = _("implementation phases")


class ActionImpact(PlanListItem):
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="action_impacts", verbose_name=_("plan")
    )
    is_estimate = models.BooleanField(
        _("is an estimate"),
        default=True,
        help_text=_("Off for “not estimated”: such actions have no impact estimate yet."),
    )

    class Meta(PlanListItem.Meta):
        constraints = [_unique_identifier("actionimpact")]
        verbose_name = _("impact")
        verbose_name_plural = _("impacts")


class ActionSchedule(PlanListItem):
    """A named timeframe such as “2020–2022”."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="action_schedules", verbose_name=_("plan")
    )
    begins_at = models.DateField(_("begins"), null=True, blank=True)
    ends_at = models.DateField(_("ends"), null=True, blank=True)

    class Meta(PlanListItem.Meta):
        constraints = [
            _unique_identifier("actionschedule"),
            models.CheckConstraint(
                condition=models.Q(begins_at__isnull=True)
                | models.Q(ends_at__isnull=True)
                | models.Q(ends_at__gte=models.F("begins_at")),
                name="actionschedule_ends_after_begins",
                violation_error_message=_("A timeframe cannot end before it begins."),
            ),
        ]
        verbose_name = _("schedule")
        verbose_name_plural = _("schedules")


class CategoryType(PlanListItem):
    """A way of grouping actions, e.g. “Teema” (theme) or “Sektori”."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="category_types", verbose_name=_("plan")
    )
    is_primary = models.BooleanField(
        _("primary"),
        default=False,
        help_text=_("The action list is grouped by the categories of the primary type."),
    )

    class Meta(PlanListItem.Meta):
        constraints = [
            _unique_identifier("categorytype"),
            models.UniqueConstraint(
                "plan",
                condition=models.Q(is_primary=True),
                name="categorytype_one_primary_per_plan",
                violation_error_message=_("The plan already has a primary category type."),
            ),
        ]
        verbose_name = _("category type")
        verbose_name_plural = _("category types")


class Category(TranslatableMixin, models.Model):
    """A theme; categories form a tree within one category type."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="categories", verbose_name=_("plan")
    )
    type = models.ForeignKey(
        CategoryType, on_delete=models.CASCADE, related_name="categories", verbose_name=_("type")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent"),
    )
    identifier = models.CharField(_("identifier"), max_length=50)
    name = TranslatedField(models.CharField(_("name"), max_length=200))
    lead = TranslatedField(models.TextField(_("lead")), required=False)
    color = models.CharField(_("colour"), max_length=7, blank=True, validators=[validate_hex_color])
    order = models.PositiveIntegerField(_("order"), default=0)

    objects = PlanOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "type", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                "type",
                "identifier",
                name="category_identifier_unique_in_type",
                violation_error_message=_(
                    "This category type already has a category with this identifier."
                ),
            ),
        ]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def get_plan(self):
        return self.plan if self.plan_id else None

    def clean(self):
        if self.plan_id:
            errors = same_plan_errors(
                self.plan,
                {
                    "type": self.type if self.type_id else None,
                    "parent": self.parent if self.parent_id else None,
                },
            )
            if errors:
                raise ValidationError(errors)
        if self.parent_id:
            if self.parent.type_id != self.type_id:
                raise ValidationError(
                    {"parent": _("The parent must be of the same category type.")}
                )
            if would_be_inside_itself(self, self.parent):
                raise ValidationError({"parent": _("A category cannot be inside itself.")})
        self.clean_translations()
