"""A plan's own action fields (cost estimate, funding, sector, “kärkihanke”, …): the plan
admin defines them, each action holds at most one value per field.

A value is a ParentalKey child of its action, so an action's revision stores its field
values with the rest: drafts, previews, comparisons and reverting see them.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from vahti.actions.models.action import Action
from vahti.core.i18n import TranslatableMixin, TranslatedField
from vahti.core.models import same_plan_errors
from vahti.core.richtext import SanitizedRichTextField
from vahti.plans.models import Category, CategoryType, Plan, PlanOwnedQuerySet
from vahti.plans.models.plan import identifier_validator


class ActionFieldQuerySet(PlanOwnedQuerySet):
    def public(self):
        return self.filter(is_public=True)

    def filterable(self):
        """Fields an action list can be filtered and sorted by."""
        return self.filter(kind__in=ActionField.FILTERABLE_KINDS)


class ActionField(TranslatableMixin, ClusterableModel):
    """One field of a plan's actions, e.g. “Kustannusarvio” (number, €)."""

    class Kind(models.TextChoices):
        TEXT = "text", _("text")
        RICH_TEXT = "rich_text", _("rich text")
        NUMBER = "number", _("number")
        DATE = "date", _("date")
        YES_NO = "yes_no", _("yes/no")
        CHOICE = "choice", _("choice")
        ORDERED_CHOICE = "ordered_choice", _("ordered choice")
        CATEGORY = "category", _("category")

    # Where each kind keeps its value in ActionFieldValue.
    VALUE_COLUMNS = {
        Kind.TEXT: "text",
        Kind.RICH_TEXT: "rich_text",
        Kind.NUMBER: "number",
        Kind.DATE: "date",
        Kind.YES_NO: "yes_no",
        Kind.CHOICE: "option",
        Kind.ORDERED_CHOICE: "option",
        Kind.CATEGORY: "category",
    }
    FILTERABLE_KINDS = (
        Kind.NUMBER,
        Kind.DATE,
        Kind.YES_NO,
        Kind.CHOICE,
        Kind.ORDERED_CHOICE,
        Kind.CATEGORY,
    )
    CHOICE_KINDS = (Kind.CHOICE, Kind.ORDERED_CHOICE)
    TEXT_KINDS = (Kind.TEXT, Kind.RICH_TEXT)

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="action_fields", verbose_name=_("plan")
    )
    identifier = models.CharField(
        _("identifier"),
        max_length=50,
        validators=[identifier_validator],
        help_text=_("Names the field in the workbook and the API, e.g. “cost-estimate”."),
    )
    name = TranslatedField(models.CharField(_("name"), max_length=100))
    help_text = TranslatedField(models.CharField(_("help text"), max_length=300), required=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    unit = TranslatedField(
        models.CharField(
            _("unit"), max_length=30, help_text=_("For a number, e.g. “€” or “t CO₂e/a”.")
        ),
        required=False,
    )
    category_type = models.ForeignKey(
        CategoryType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_fields",
        verbose_name=_("category type"),
        help_text=_("For a category field: the categories it offers."),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Shown on the public site and in open data.")
    )
    is_required = models.BooleanField(
        _("required"), default=False, help_text=_("An action cannot be saved without it.")
    )

    objects = ActionFieldQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                "plan",
                "identifier",
                name="actionfield_identifier_unique_in_plan",
                violation_error_message=_("The plan already has a field with this identifier."),
            ),
            models.CheckConstraint(
                condition=models.Q(kind="category", category_type__isnull=False)
                | (~models.Q(kind="category") & models.Q(category_type__isnull=True)),
                name="actionfield_category_type_for_category_only",
                violation_error_message=_(
                    "A category field needs a category type; other kinds have none."
                ),
            ),
        ]
        verbose_name = _("action field")
        verbose_name_plural = _("action fields")

    def __str__(self):
        return self.name

    def get_plan(self):
        return self.plan if self.plan_id else None

    @property
    def value_column(self) -> str:
        return self.VALUE_COLUMNS[self.kind]

    @property
    def is_filterable(self) -> bool:
        return self.kind in self.FILTERABLE_KINDS

    @property
    def has_options(self) -> bool:
        return self.kind in self.CHOICE_KINDS

    def clean(self):
        errors = {}
        if self.plan_id and self.category_type_id:
            errors.update(same_plan_errors(self.plan, {"category_type": self.category_type}))
        if self.kind == self.Kind.CATEGORY and not self.category_type_id:
            errors["category_type"] = ValidationError(
                _("Choose the category type a category field offers.")
            )
        elif self.kind != self.Kind.CATEGORY and self.category_type_id:
            errors["category_type"] = ValidationError(
                _("Only a category field has a category type.")
            )
        if errors:
            raise ValidationError(errors)
        self.clean_translations()


class ActionFieldOption(TranslatableMixin, models.Model):
    """One option of a choice field; for an ordered choice its order is the scale."""

    # Its field's plan, set on saving (kept here for the same-plan checks and languages).
    plan = models.ForeignKey(
        Plan,
        on_delete=models.CASCADE,
        related_name="+",
        blank=True,
        editable=False,
        verbose_name=_("plan"),
    )
    # A ParentalKey: the field's admin form edits its options inline.
    field = ParentalKey(
        ActionField, on_delete=models.CASCADE, related_name="options", verbose_name=_("field")
    )
    identifier = models.CharField(_("identifier"), max_length=50, validators=[identifier_validator])
    name = TranslatedField(models.CharField(_("name"), max_length=200))
    order = models.PositiveIntegerField(_("order"), default=0)

    objects = PlanOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["field", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                "field",
                "identifier",
                name="actionfieldoption_identifier_unique_in_field",
                violation_error_message=_("The field already has an option with this identifier."),
            ),
        ]
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.field_id and not self.plan_id:
            self.plan_id = self.field.plan_id
        super().save(*args, **kwargs)

    def get_plan(self):
        return self.plan if self.plan_id else None

    def clean(self):
        if self.field_id and not self.plan_id:
            self.plan_id = self.field.plan_id
        if self.field_id and self.plan_id != self.field.plan_id:
            raise ValidationError({"field": _("The option must belong to its field's plan.")})
        if self.field_id and not self.field.has_options:
            raise ValidationError({"field": _("Only a choice field has options.")})
        self.clean_translations()


class ActionFieldValue(TranslatableMixin, models.Model):
    """An action's value of one field; only the column of the field's kind is set."""

    action = ParentalKey(Action, on_delete=models.CASCADE, related_name="field_values")
    field = models.ForeignKey(
        ActionField, on_delete=models.CASCADE, related_name="values", verbose_name=_("field")
    )
    text = TranslatedField(models.TextField(_("text")), required=False)
    rich_text = TranslatedField(SanitizedRichTextField(_("rich text")), required=False)
    number = models.DecimalField(
        _("number"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    date = models.DateField(_("date"), null=True, blank=True)
    yes_no = models.BooleanField(_("yes/no"), null=True, blank=True)
    option = models.ForeignKey(
        ActionFieldOption,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="values",
        verbose_name=_("option"),
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="field_values",
        verbose_name=_("category"),
    )

    class Meta:
        ordering = ["action", "field_id"]
        constraints = [
            models.UniqueConstraint(
                "action",
                "field",
                name="actionfieldvalue_one_per_field",
                violation_error_message=_("The action already has a value for this field."),
            ),
        ]
        indexes = [
            # Filters and sorts of a plan's list by one field read these, not every value.
            models.Index(fields=["field", "option", "action"], name="fieldvalue_by_option"),
            models.Index(fields=["field", "category", "action"], name="fieldvalue_by_category"),
            models.Index(fields=["field", "yes_no", "action"], name="fieldvalue_by_yes_no"),
            models.Index(fields=["field", "number", "action"], name="fieldvalue_by_number"),
            models.Index(fields=["field", "date", "action"], name="fieldvalue_by_date"),
        ]
        verbose_name = _("field value")
        verbose_name_plural = _("field values")

    def __str__(self):
        return f"{self.field}: {self.value}"

    def get_plan(self):
        return self.action.plan if self.action_id else None

    @property
    def value(self) -> str | Decimal | datetime.date | bool | models.Model | None:
        """The value in the field's kind (texts in the active language)."""
        return getattr(self, self.field.value_column)

    @property
    def is_empty(self) -> bool:
        value = self.value
        return value is None or value == ""

    def clean(self):
        if not self.field_id:
            return
        field = self.field
        errors = {}
        if self.action_id and field.plan_id != self.action.plan_id:
            errors["field"] = ValidationError(_("The field belongs to another plan."))
        if self.option_id and self.option.field_id != field.pk:
            errors["option"] = ValidationError(
                _("“%(option)s” is not an option of “%(field)s”."),
                params={"option": self.option, "field": field},
            )
        if self.category_id and self.category.type_id != field.category_type_id:
            errors["category"] = ValidationError(
                _("“%(category)s” is not a category of “%(type)s”."),
                params={"category": self.category, "type": field.category_type},
            )
        if errors:
            raise ValidationError(errors)
