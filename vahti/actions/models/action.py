"""An action of a plan: its own fields, its checks and its publication."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin

from vahti.actions.models.estimates import EstimateYearField, estimate_errors
from vahti.core.i18n import TranslatableMixin, TranslatedField
from vahti.core.models import TimestampedModel, same_plan_errors
from vahti.core.naturalsort import SORT_KEY_MAX_LENGTH, natural_sort_key
from vahti.core.previews import RegisteredPreviewMixin
from vahti.core.richtext import SanitizedRichTextField, sanitize_rich_text
from vahti.core.signals import public_version_changed
from vahti.core.validators import validate_action_identifier
from vahti.plans.models import (
    ActionImpact,
    ActionImplementationPhase,
    ActionSchedule,
    ActionStatus,
    Category,
    Plan,
)

IDENTIFIER_TAKEN_MESSAGE = _("The plan already has an action with the identifier “%(identifier)s”.")


# What ``ActionQuerySet.public`` asks, for the partial indexes that serve it.
PUBLIC_CONDITION = models.Q(live=True, visibility="public", merged_with__isnull=True)


class ActionQuerySet(models.QuerySet):
    def for_plan(self, plan):
        return self.filter(plan=plan)

    def public(self):
        """Published, public and not merged into another action: what the site lists."""
        return self.filter(PUBLIC_CONDITION)

    def visible_on_site(self):
        """Published and public, merged ones included (their pages redirect)."""
        return self.filter(live=True, visibility=Action.Visibility.PUBLIC)

    def in_natural_order(self):
        return self.order_by("sort_key", "pk")

    def identified_by(self, *identifiers: str):
        """Actions with these identifiers, compared without case like the unique
        constraint (and through its index)."""
        return self.alias(identifier_lower=Lower("identifier")).filter(
            identifier_lower__in=[identifier.strip().lower() for identifier in identifiers]
        )


class Action(
    TranslatableMixin,
    RegisteredPreviewMixin,
    LockableMixin,
    DraftStateMixin,
    RevisionMixin,
    TimestampedModel,
    ClusterableModel,
):
    class Visibility(models.TextChoices):
        PUBLIC = "public", _("public")
        INTERNAL = "internal", _("internal")

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="actions", verbose_name=_("plan")
    )
    identifier = models.CharField(
        _("identifier"),
        max_length=50,
        validators=[validate_action_identifier],
        help_text=_("Unique within the plan, e.g. “126” or “L3.2”."),
    )
    sort_key = models.CharField(max_length=SORT_KEY_MAX_LENGTH, editable=False, db_index=True)
    name = TranslatedField(models.CharField(_("name"), max_length=300))
    lead = TranslatedField(models.TextField(_("lead paragraph")), required=False)
    description = TranslatedField(SanitizedRichTextField(_("description")), required=False)
    official_name = TranslatedField(
        models.CharField(_("official name"), max_length=300), required=False
    )
    official_description = TranslatedField(
        SanitizedRichTextField(_("official description")), required=False
    )
    official_description_source = TranslatedField(
        models.CharField(
            _("source of the official description"),
            max_length=300,
            help_text=_("E.g. “Hiilineutraali Helsinki 2035 -toimenpideohjelmasta”."),
        ),
        required=False,
    )
    categories = ParentalManyToManyField(
        Category, blank=True, related_name="actions", verbose_name=_("categories")
    )
    status = models.ForeignKey(
        ActionStatus,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("status"),
    )
    implementation_phase = models.ForeignKey(
        ActionImplementationPhase,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("implementation phase"),
    )
    impact = models.ForeignKey(
        ActionImpact,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("impact"),
    )
    schedules = ParentalManyToManyField(
        ActionSchedule, blank=True, related_name="actions", verbose_name=_("schedule")
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    schedule_continuous = models.BooleanField(
        _("continuous"), default=False, help_text=_("The action has no end date.")
    )
    related_actions = ParentalManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="related_from",
        verbose_name=_("related actions"),
    )
    merged_with = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_actions",
        verbose_name=_("merged with"),
        help_text=_("This action has been merged into that one; its page leads there."),
    )
    # Estimated yearly effects (always shown as estimates): summed per category and for
    # the plan beside its emission goal, and reported to the Covenant of Mayors.
    emission_reduction_estimate = models.DecimalField(
        _("estimated emission reduction (t CO₂e/a)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
    )
    energy_savings_estimate = models.DecimalField(
        _("estimated energy savings (MWh/a)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
    )
    renewable_production_estimate = models.DecimalField(
        _("estimated renewable energy production (MWh/a)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
    )
    estimate_year = EstimateYearField(
        _("year of the estimates"),
        null=True,
        blank=True,
        help_text=_("The year the estimated yearly effects refer to, e.g. 2030."),
    )
    estimate_method = TranslatedField(
        models.TextField(
            _("method or source of the estimates"),
            help_text=_("How the estimates were made, or where they come from."),
        ),
        required=False,
    )
    internal_notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("Never shown on the public site.")
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    # Shown publicly as “Tietoja päivitetty”: set when a change is published, not on
    # every save, so that fixing a typo in a draft does not make the action look current.
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now, editable=False)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "sort_key", "pk"]
        indexes = [
            # A plan's actions in order (the admin's listing; an action's neighbours on its
            # page are one row away): read from the index, without sorting them all.
            models.Index(fields=["plan", "sort_key", "id"], name="action_plan_sort_key"),
            # What the admin's search looks in (ActionViewSet.search_fields): its count of
            # the matches reads this index, not every row with its long texts.
            models.Index(
                fields=["plan", "identifier", "name_fi", "name_sv", "name_en"],
                name="action_plan_names",
            ),
            # The public actions of a plan (``ActionQuerySet.public``) read from small
            # indexes rather than from the wide rows: in the natural order (the
            # dashboard's table) and by status (the front page's counts, the ids other
            # queries are restricted to). The condition's columns are in the second one
            # too: SQLite reads each row to check them otherwise.
            models.Index(
                fields=["plan", "sort_key"],
                condition=PUBLIC_CONDITION,
                name="action_public_in_order",
            ),
            models.Index(
                fields=["plan", "status", "live", "visibility", "merged_with"],
                condition=PUBLIC_CONDITION,
                name="action_public_by_status",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                "plan",
                Lower("identifier"),
                name="action_identifier_unique_in_plan",
                violation_error_code="identifier_taken",
                violation_error_message=_("The plan already has an action with this identifier."),
            ),
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True)
                | models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="action_ends_after_it_starts",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.CheckConstraint(
                condition=models.Q(schedule_continuous=False) | models.Q(end_date__isnull=True),
                name="action_continuous_has_no_end",
                violation_error_message=_("A continuous action has no end date."),
            ),
            models.CheckConstraint(
                condition=models.Q(merged_with__isnull=True)
                | ~models.Q(merged_with=models.F("pk")),
                name="action_not_merged_with_itself",
                violation_error_message=_("An action cannot be merged with itself."),
            ),
        ]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self):
        return f"{self.identifier} {self.name}"

    def get_plan(self):
        return self.plan

    def save(self, *args, **kwargs):
        self.identifier = self.identifier.strip()
        self.sort_key = natural_sort_key(self.identifier)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "identifier" in update_fields:
            kwargs["update_fields"] = {*update_fields, "sort_key"}
        super().save(*args, **kwargs)

    def validate_constraints(self, exclude=None):
        # clean() reports a taken identifier on the identifier field, naming it; drop the
        # constraint's own, less helpful, form-wide copy of the same error.
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            kept = {
                field: [e for e in errors if getattr(e, "code", None) != "identifier_taken"]
                for field, errors in error.error_dict.items()
            }
            kept = {field: errors for field, errors in kept.items() if errors}
            if kept:
                raise ValidationError(kept) from None

    def clean(self):
        super().clean()
        if not self.plan_id:
            return
        if self.identifier:
            taken = (
                Action.objects.filter(plan_id=self.plan_id)
                .identified_by(self.identifier)
                .exclude(pk=self.pk)
            )
            if taken.exists():
                raise ValidationError(
                    {
                        "identifier": ValidationError(
                            IDENTIFIER_TAKEN_MESSAGE,
                            code="identifier_taken",
                            params={"identifier": self.identifier.strip()},
                        )
                    }
                )
        self.clean_references()

    def clean_references(self):
        """``clean()`` but for the identifier's uniqueness: no query when the action's
        references are in memory (a bulk import knows its identifiers are free)."""
        if not self.plan_id:
            return
        references = {
            "status": self.status if self.status_id else None,
            "implementation_phase": self.implementation_phase
            if self.implementation_phase_id
            else None,
            "impact": self.impact if self.impact_id else None,
            "merged_with": self.merged_with if self.merged_with_id else None,
        }
        # Before the first save modelcluster keeps many-to-many values in memory, so this
        # also checks what a form is about to store.
        references["categories"] = list(self.categories.all())
        references["schedules"] = list(self.schedules.all())
        references["related_actions"] = list(self.related_actions.all())
        errors = same_plan_errors(self.plan, references)
        errors.update(estimate_errors(self))
        if self.pk and self.merged_with_id == self.pk:
            errors["merged_with"] = ValidationError(_("An action cannot be merged with itself."))
        elif (
            "merged_with" not in errors and self.merged_with_id and self.merged_with.merged_with_id
        ):
            # Refusing chains keeps merges free of loops (A into B, B into A).
            errors["merged_with"] = ValidationError(
                _(
                    "Action %(identifier)s is itself merged with another action: merge "
                    "with that one instead."
                ),
                code="merged_into_merged",
                params={"identifier": self.merged_with.identifier},
            )
        if errors:
            raise ValidationError(errors)
        self.clean_translations()

    @property
    def is_public(self) -> bool:
        return self.live and self.visibility == self.Visibility.PUBLIC

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("site:action-detail", kwargs={"identifier": self.identifier})

    def save_revision(self, *args, **kwargs):
        """Store a revision of the action as it will be shown: rich text cleaned here
        too, so that previews and comparisons never see what the database would not
        keep, whichever way the action was edited."""
        sanitize_rich_text(self)
        for relation in ("tasks", "news_posts"):
            for child in getattr(self, relation).all():
                sanitize_rich_text(child)
        return super().save_revision(*args, **kwargs)

    def publish(self, revision, *args, updated_at: datetime.datetime | None = None, **kwargs):
        """Publish ``revision``; the public page then says it was updated now ("Tietoja
        päivitetty"), or at ``updated_at`` when given (loading history). Every way of
        publishing (the admin, scheduled publishing, reverting, the services) passes
        here, and says so with ``public_version_changed`` in the same transaction: the
        history row and the search entries are written with the publication. (Unpublishing
        does the same from Wagtail's ``unpublished`` signal: the admin's unpublish view
        does not call the model's method.)"""
        with transaction.atomic():
            revision.content["updated_at"] = DjangoJSONEncoder().default(
                updated_at or timezone.now()
            )
            revision.save(update_fields=["content"])
            result = super().publish(revision, *args, **kwargs)
            public_version_changed.send(
                sender=Action, instance=self, published=True, revision=revision
            )
        return result
