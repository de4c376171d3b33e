"""An indicator, its plan's lists of dimensions and scenarios, and its contact persons."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from vahti.core.i18n import TranslatableMixin, TranslatedField
from vahti.core.models import TimestampedModel, same_plan_errors
from vahti.core.naturalsort import SORT_KEY_MAX_LENGTH, natural_sort_key
from vahti.core.richtext import SanitizedRichTextField
from vahti.core.signals import public_version_changed
from vahti.core.validators import validate_action_identifier
from vahti.indicators import periods
from vahti.orgs.models import Organization, Person
from vahti.plans.models import Category, Plan, PlanListItem, PlanOwnedQuerySet

IDENTIFIER_TAKEN_MESSAGE = _("The plan already has an indicator with this identifier.")
OUTSIDE_RANGE_MESSAGE = _("%(value)s is outside the indicator's allowed range (%(range)s).")
# Beyond any quantity a city measures (a thousand million million: tonnes, euros, people),
# yet small enough that the public page's numbers, sums and trajectories stay readable.
VALUE_LIMIT = 1e15
TOO_LARGE_MESSAGE = _(
    "%(value)s is too large: an indicator's values, goals and allowed range are between "
    "−%(limit)s and %(limit)s."
)
EMISSION_GOAL_TAKEN_MESSAGE = _("The plan already has an emission goal indicator.")
EMISSION_GOAL_OTHER_MESSAGE = _(
    "“%(indicator)s” is already the plan's emission goal: unmark it first (one per plan)."
)
EMISSION_GOAL_LEVEL_MESSAGE = _("Only a strategic indicator can be the plan's emission goal.")
EMISSION_GOAL_DIRECTION_MESSAGE = _(
    "The plan's emission goal must be an indicator whose values should go down."
)


class Dimension(PlanListItem):
    """A way of breaking an indicator's values down, e.g. “Sektori” (sector)."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="dimensions", verbose_name=_("plan")
    )

    class Meta(PlanListItem.Meta):
        constraints = [
            models.UniqueConstraint(
                "plan",
                "identifier",
                name="dimension_identifier_unique_in_plan",
                violation_error_message=_("The plan already has a dimension with this identifier."),
            )
        ]
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")


class DimensionCategory(TranslatableMixin, models.Model):
    """One part of a dimension, e.g. “Liikenne” (transport) of “Sektori”."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="+", verbose_name=_("plan")
    )
    dimension = models.ForeignKey(
        Dimension, on_delete=models.CASCADE, related_name="categories", verbose_name=_("dimension")
    )
    identifier = models.CharField(_("identifier"), max_length=50)
    name = TranslatedField(models.CharField(_("name"), max_length=100))
    color = models.CharField(_("colour"), max_length=7, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    objects = PlanOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["dimension", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                "dimension",
                "identifier",
                name="dimensioncategory_identifier_unique",
                violation_error_message=_("The dimension already has a part with this identifier."),
            )
        ]
        verbose_name = _("dimension category")
        verbose_name_plural = _("dimension categories")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.dimension_id and not self.plan_id:
            self.plan_id = self.dimension.plan_id
        super().save(*args, **kwargs)

    def get_plan(self):
        return self.plan

    def clean(self):
        if self.dimension_id and not self.plan_id:
            self.plan_id = self.dimension.plan_id
        self.clean_translations()


class Scenario(PlanListItem):
    """A named future a goal belongs to, e.g. “Toimenpideohjelma” or “Jatkuva kehitys”."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="scenarios", verbose_name=_("plan")
    )

    class Meta(PlanListItem.Meta):
        constraints = [
            models.UniqueConstraint(
                "plan",
                "identifier",
                name="scenario_identifier_unique_in_plan",
                violation_error_message=_("The plan already has a scenario with this identifier."),
            )
        ]
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")


class IndicatorQuerySet(models.QuerySet):
    def for_plan(self, plan):
        return self.filter(plan=plan)

    def public(self):
        return self.filter(visibility=Indicator.Visibility.PUBLIC)

    def identified_by(self, identifier: str):
        return self.alias(identifier_lower=Lower("identifier")).filter(
            identifier_lower=identifier.strip().lower()
        )


class Indicator(TranslatableMixin, TimestampedModel, ClusterableModel):
    class Level(models.TextChoices):
        STRATEGIC = "strategic", _("strategic")
        TACTICAL = "tactical", _("tactical")
        OPERATIONAL = "operational", _("operational")

    class Resolution(models.TextChoices):
        YEAR = periods.YEAR, _("year")
        MONTH = periods.MONTH, _("month")
        DAY = periods.DAY, _("day")

    class Direction(models.TextChoices):
        DECREASE = "decrease", _("down (lower is better)")
        INCREASE = "increase", _("up (higher is better)")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("public")
        INTERNAL = "internal", _("internal")

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("plan")
    )
    identifier = models.CharField(
        _("identifier"),
        max_length=50,
        validators=[validate_action_identifier],
        help_text=_("Unique within the plan and part of the page's address, e.g. “ghg-total”."),
    )
    sort_key = models.CharField(max_length=SORT_KEY_MAX_LENGTH, editable=False, db_index=True)
    name = TranslatedField(models.CharField(_("name"), max_length=300))
    description = TranslatedField(SanitizedRichTextField(_("description")), required=False)
    level = models.CharField(
        _("level"), max_length=20, choices=Level.choices, default=Level.OPERATIONAL
    )
    unit = TranslatedField(
        models.CharField(_("unit"), max_length=40, help_text=_("E.g. “kt CO₂e”, “%”, “km”.")),
    )
    quantity = TranslatedField(
        models.CharField(
            _("quantity"), max_length=100, help_text=_("What is measured, e.g. “emissions”.")
        ),
        required=False,
    )
    time_resolution = models.CharField(
        _("time resolution"),
        max_length=10,
        choices=Resolution.choices,
        default=Resolution.YEAR,
        help_text=_("One value per year, month or day, dated on the period's last day."),
    )
    desired_direction = models.CharField(
        _("better is"),
        max_length=10,
        choices=Direction.choices,
        blank=True,
        help_text=_("Leave empty to infer it from the goals (a goal below the first value: down)."),
    )
    minimum_value = models.FloatField(
        _("smallest allowed value"),
        null=True,
        blank=True,
        help_text=_("Values below this are refused, e.g. 0 for a share."),
    )
    maximum_value = models.FloatField(
        _("largest allowed value"),
        null=True,
        blank=True,
        help_text=_("Values above this are refused, e.g. 100 for a share in %."),
    )
    decimals = models.PositiveSmallIntegerField(
        _("decimals shown"), default=1, help_text=_("How many decimals the site shows.")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("organisation"),
    )
    categories = ParentalManyToManyField(
        Category, blank=True, related_name="indicators", verbose_name=_("categories")
    )
    data_source = TranslatedField(
        models.CharField(_("data source"), max_length=300), required=False
    )
    data_source_url = models.URLField(_("address of the data source"), blank=True)
    licence = models.CharField(
        _("licence"), max_length=100, blank=True, help_text=_("E.g. “CC BY 4.0”.")
    )
    updated_values_due_at = models.DateField(
        _("updated values due"),
        null=True,
        blank=True,
        help_text=_("When the next values are expected; contact persons are reminded."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    # The actions' estimated emission cuts are compared with this indicator's gap to its
    # goal (vahti.indicators.estimates).
    is_emission_goal = models.BooleanField(
        _("the plan's emission goal"),
        default=False,
        help_text=_(
            "A strategic indicator of the plan's total emissions with goals: the actions' "
            "estimated emission cuts are shown beside its gap to the goal. One per plan."
        ),
    )

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "sort_key", "pk"]
        constraints = [
            models.UniqueConstraint(
                "plan",
                Lower("identifier"),
                name="indicator_identifier_unique_in_plan",
                violation_error_message=IDENTIFIER_TAKEN_MESSAGE,
            ),
            models.CheckConstraint(
                condition=models.Q(minimum_value__isnull=True)
                | models.Q(maximum_value__isnull=True)
                | models.Q(maximum_value__gte=models.F("minimum_value")),
                name="indicator_range_in_order",
                violation_error_message=_(
                    "The largest allowed value cannot be below the smallest."
                ),
            ),
            models.UniqueConstraint(
                "plan",
                condition=models.Q(is_emission_goal=True),
                name="indicator_one_emission_goal_per_plan",
                violation_error_message=EMISSION_GOAL_TAKEN_MESSAGE,
            ),
        ]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return str(self.name)

    def save(self, *args, **kwargs):
        self.identifier = self.identifier.strip()
        self.sort_key = natural_sort_key(self.identifier)
        super().save(*args, **kwargs)
        public_version_changed.send(sender=Indicator, instance=self)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("site:indicator-detail", kwargs={"identifier": self.identifier})

    def get_plan(self):
        return self.plan

    @property
    def is_public(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC

    def allowed_range_text(self) -> str:
        low = "−∞" if self.minimum_value is None else f"{self.minimum_value:g}"
        high = "∞" if self.maximum_value is None else f"{self.maximum_value:g}"
        return f"{low} … {high}"

    def value_error(self, value: float) -> ValidationError | None:
        """Why ``value`` cannot be one of this indicator's values, if it cannot."""
        if value != value or value in (float("inf"), float("-inf")):  # NaN, infinities
            return ValidationError(_("“%(value)s” is not a number."), params={"value": value})
        if error := too_large_error(value):
            return error
        if (self.minimum_value is not None and value < self.minimum_value) or (
            self.maximum_value is not None and value > self.maximum_value
        ):
            return ValidationError(
                OUTSIDE_RANGE_MESSAGE,
                code="outside_range",
                params={"value": f"{value:g}", "range": self.allowed_range_text()},
            )
        return None

    def clean(self):
        super().clean()
        if not self.plan_id:
            return
        errors = {}
        if self.identifier:
            taken = (
                Indicator.objects.filter(plan_id=self.plan_id)
                .identified_by(self.identifier)
                .exclude(pk=self.pk)
            )
            if taken.exists():
                errors["identifier"] = ValidationError(IDENTIFIER_TAKEN_MESSAGE)
        errors.update(self._emission_goal_errors())
        for name in ("minimum_value", "maximum_value"):
            value = getattr(self, name)
            if value is not None and (error := too_large_error(value)):
                errors[name] = error
        errors.update(
            same_plan_errors(
                self.plan,
                {
                    "organization": self.organization if self.organization_id else None,
                    "categories": list(self.categories.all()),
                },
            )
        )
        if errors:
            raise ValidationError(errors)
        self.clean_translations()

    def _emission_goal_errors(self) -> dict:
        if not self.is_emission_goal:
            return {}
        if self.level != self.Level.STRATEGIC:
            return {"is_emission_goal": ValidationError(EMISSION_GOAL_LEVEL_MESSAGE)}
        if self.desired_direction == self.Direction.INCREASE:
            return {"is_emission_goal": ValidationError(EMISSION_GOAL_DIRECTION_MESSAGE)}
        others = Indicator.objects.filter(plan_id=self.plan_id, is_emission_goal=True)
        other = others.exclude(pk=self.pk).first()
        if other is not None:
            return {
                "is_emission_goal": ValidationError(
                    EMISSION_GOAL_OTHER_MESSAGE, params={"indicator": other}
                )
            }
        return {}


def too_large_error(value: float) -> ValidationError | None:
    """Why ``value`` is too large for an indicator, if it is (``VALUE_LIMIT``)."""
    if -VALUE_LIMIT <= value <= VALUE_LIMIT:
        return None
    return ValidationError(
        TOO_LARGE_MESSAGE,
        code="too_large",
        params={
            "value": f"{value:g}",
            "limit": number_format(VALUE_LIMIT, decimal_pos=0, force_grouping=True),
        },
    )


class IndicatorContactPerson(Orderable):
    """Someone who keeps the indicator's values current (they may enter values)."""

    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="contact_persons")
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="indicator_contact_for",
        verbose_name=_("person"),
    )

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                "indicator",
                "person",
                name="indicatorcontactperson_once",
                violation_error_message=_(
                    "This person is already a contact person of the indicator."
                ),
            )
        ]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self):
        return str(self.person)

    def clean(self):
        if self.indicator_id and self.person_id:
            errors = same_plan_errors(self.indicator.plan, {"person": self.person})
            if errors:
                raise ValidationError(errors)
