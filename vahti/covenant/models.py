"""Where each column of the Covenant of Mayors' mitigation-actions table comes from, per
plan: one :class:`CovenantMapping` per plan and its :class:`CovenantValue` rows (each
option, category or status of the plan → a Covenant code).

Sector, area of intervention, policy instrument and origin come from one of the plan's
choice, ordered choice or category fields, from one of its category types, or are the
same for every action. The implementation status comes from the action's status;
responsible body, start and end from the action itself; costs from a number field; the
estimated effects from the action's estimates unless a number field is named.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from vahti.actions.models import ActionField, ActionFieldOption
from vahti.core.models import TimestampedModel, same_plan_errors
from vahti.covenant import categories, units
from vahti.plans.models import ActionStatus, Category, CategoryType, Plan

# Columns mapped from a plan's lists, and the number columns with their quantities.
LIST_COLUMNS = ("sector", "area", "instrument", "origin")
NUMBER_COLUMNS = {
    "costs": units.MONEY,
    "energy_savings": units.ENERGY,
    "renewable_production": units.ENERGY,
    "emission_reduction": units.EMISSIONS,
}
# The action's own estimate read when no number field is named.
ESTIMATES = {
    "energy_savings": "energy_savings_estimate",
    "renewable_production": "renewable_production_estimate",
    "emission_reduction": "emission_reduction_estimate",
}

NOT_A_LIST_FIELD = _("“%(field)s” is not a choice, ordered choice or category field.")
NOT_A_NUMBER_FIELD = _("“%(field)s” is not a number field.")
UNKNOWN_UNIT = _(
    "The unit “%(unit)s” of “%(field)s” cannot be converted to %(target)s: give the field "
    "one of %(known)s."
)
ONE_SOURCE = _("Choose one source: a field, a category type or a value for every action.")
UNKNOWN_CODE = _("“%(code)s” is not a Covenant value of this column.")

UNIT_NAMES = {
    units.MONEY: ("EUR", "€, EUR, k€, M€"),
    units.ENERGY: ("MWh/a", "kWh/a, MWh/a, GWh/a"),
    units.EMISSIONS: ("t CO₂/a", "kg, t or kt CO₂e/a"),
}


def _field(column: str):
    return models.ForeignKey(
        ActionField, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )


def _category_type(column: str):
    return models.ForeignKey(
        CategoryType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )


def _fixed(column: str):
    return models.CharField(
        max_length=80, blank=True, choices=[(c.code, c.label) for c in categories.CHOICES[column]]
    )


class CovenantMapping(TimestampedModel):
    plan = models.OneToOneField(
        Plan, on_delete=models.CASCADE, related_name="covenant_mapping", verbose_name=_("plan")
    )
    sector_field = _field("sector")
    sector_category_type = _category_type("sector")
    sector_fixed = _fixed("sector")
    area_field = _field("area")
    area_category_type = _category_type("area")
    area_fixed = _fixed("area")
    instrument_field = _field("instrument")
    instrument_category_type = _category_type("instrument")
    instrument_fixed = _fixed("instrument")
    origin_field = _field("origin")
    origin_category_type = _category_type("origin")
    origin_fixed = _fixed("origin")
    # Number sources; for the estimates, none means the action's own estimate.
    costs_field = _field("costs")
    energy_savings_field = _field("energy_savings")
    renewable_production_field = _field("renewable_production")
    emission_reduction_field = _field("emission_reduction")

    class Meta:
        ordering = ["plan"]
        verbose_name = _("Covenant of Mayors mapping")
        verbose_name_plural = _("Covenant of Mayors mappings")

    def __str__(self):
        return str(_("Covenant of Mayors mapping of %(plan)s") % {"plan": self.plan})

    def get_plan(self):
        return self.plan if self.plan_id else None

    def source(self, column: str):
        """(kind, object) of a list column: ("field", ActionField), ("type",
        CategoryType), ("fixed", code) or (None, None)."""
        if getattr(self, f"{column}_field_id"):
            return "field", getattr(self, f"{column}_field")
        if getattr(self, f"{column}_category_type_id"):
            return "type", getattr(self, f"{column}_category_type")
        if getattr(self, f"{column}_fixed"):
            return "fixed", getattr(self, f"{column}_fixed")
        return None, None

    def number_field(self, column: str) -> ActionField | None:
        return getattr(self, f"{column}_field") if getattr(self, f"{column}_field_id") else None

    def clean(self):
        references = {}
        for column in LIST_COLUMNS:
            references[f"{column}_field"] = getattr(self, f"{column}_field")
            references[f"{column}_category_type"] = getattr(self, f"{column}_category_type")
        for column in NUMBER_COLUMNS:
            references[f"{column}_field"] = getattr(self, f"{column}_field")
        errors = same_plan_errors(self.plan, references) if self.plan_id else {}
        for column in LIST_COLUMNS:
            errors.update(self._list_errors(column))
        for column, quantity in NUMBER_COLUMNS.items():
            errors.update(self._number_errors(column, quantity))
        if errors:
            raise ValidationError(errors)

    def _list_errors(self, column):
        field = getattr(self, f"{column}_field")
        chosen = [field, getattr(self, f"{column}_category_type"), getattr(self, f"{column}_fixed")]
        if sum(1 for item in chosen if item) > 1:
            return {f"{column}_field": ValidationError(ONE_SOURCE)}
        if field and field.kind not in (*ActionField.CHOICE_KINDS, ActionField.Kind.CATEGORY):
            return {f"{column}_field": ValidationError(NOT_A_LIST_FIELD % {"field": field})}
        return {}

    def _number_errors(self, column, quantity):
        field = getattr(self, f"{column}_field")
        if field is None:
            return {}
        if field.kind != ActionField.Kind.NUMBER:
            return {f"{column}_field": ValidationError(NOT_A_NUMBER_FIELD % {"field": field})}
        if units.unit_factor(field.unit, quantity) is None:
            target, known = UNIT_NAMES[quantity]
            message = UNKNOWN_UNIT % {
                "unit": field.unit,
                "field": field,
                "target": target,
                "known": known,
            }
            return {f"{column}_field": ValidationError(message)}
        return {}


class CovenantValue(models.Model):
    """One of the plan's options, categories or statuses, and the Covenant value it
    stands for in one column."""

    class Column(models.TextChoices):
        SECTOR = "sector", _("sector")
        AREA = "area", _("area of intervention")
        INSTRUMENT = "instrument", _("policy instrument")
        ORIGIN = "origin", _("origin of the action")
        STATUS = "status", _("implementation status")

    # The mapping's plan, set on saving (for the same-plan checks).
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="+", editable=False, verbose_name=_("plan")
    )
    mapping = models.ForeignKey(CovenantMapping, on_delete=models.CASCADE, related_name="values")
    column = models.CharField(max_length=20, choices=Column.choices)
    option = models.ForeignKey(
        ActionFieldOption, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    status = models.ForeignKey(
        ActionStatus, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    code = models.CharField(max_length=80)

    class Meta:
        ordering = ["mapping", "column", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(option__isnull=False, category__isnull=True, status__isnull=True)
                | models.Q(option__isnull=True, category__isnull=False, status__isnull=True)
                | models.Q(option__isnull=True, category__isnull=True, status__isnull=False),
                name="covenantvalue_maps_one_thing",
            ),
            models.UniqueConstraint(
                "mapping", "column", "option", name="covenantvalue_one_per_option"
            ),
            models.UniqueConstraint(
                "mapping", "column", "category", name="covenantvalue_one_per_category"
            ),
            models.UniqueConstraint(
                "mapping", "column", "status", name="covenantvalue_one_per_status"
            ),
        ]
        verbose_name = _("Covenant value")
        verbose_name_plural = _("Covenant values")

    def __str__(self):
        return f"{self.option or self.category or self.status} → {self.code}"

    def save(self, *args, **kwargs):
        if self.mapping_id and not self.plan_id:
            self.plan_id = self.mapping.plan_id
        super().save(*args, **kwargs)

    def get_plan(self):
        return self.plan if self.plan_id else None

    def clean(self):
        if self.mapping_id and not self.plan_id:
            self.plan_id = self.mapping.plan_id
        errors = {}
        if self.plan_id:
            references = {"option": self.option, "category": self.category, "status": self.status}
            errors.update(same_plan_errors(self.plan, references))
        if self.code not in categories.LABELS.get(self.column, {}):
            errors["code"] = ValidationError(UNKNOWN_CODE % {"code": self.code})
        if errors:
            raise ValidationError(errors)
