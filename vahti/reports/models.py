"""A reporting round of a plan (“Vuosiraportti 2025”), the contact persons' answers per
action, and the snapshot frozen when it is completed.

The snapshot is the report: its public page, its comparison with an earlier report and
its downloads (workbook, PDF) read only ``ReportSnapshot`` rows, never the live actions,
so editing an action after completion changes none of them.

``ReportSnapshot.data`` holds, in the plan's languages (``{"fi": …, "sv": …, "en": …}``
for every text, the primary language always present), one action as it stood::

    {
      "identifier": "126", "name": {...}, "url": "/actions/126/",
      "categories": [{"identifier": "liikenne", "name": {...}, "type": "theme"}],
      "status": {"identifier": "on_time", "name": {...}, "color": "#…",
                 "is_completed": false} | null,
      "phase": {"identifier": "implementation", "name": {...}} | null,
      "start_date": "2024-01-01" | null, "end_date": … | null,
      "responsible": [{"name": {...}, "role": "primary"}],
      "tasks": [{"name": {...}, "state": "completed", "due_at": "…",
                 "completed_at": "…" | null}],
      "fields": [{"identifier": "cost", "name": {...}, "kind": "number",
                  "is_public": true, "unit": {...}, "value": "1200.5000",
                  "display": {...}}],       # display: the value as shown, per language
      "estimates": {"emission_reduction": "120.00" | null, "energy_savings": … ,
                    "renewable_production": …, "year": 2030 | null, "method": {...}},
      "indicators": [{"identifier": "…", "name": {...}, "unit": {...},
                      "latest": {"date": "2025-12-31", "value": 123.4} | null}],
      "commentary": {...},                 # the answer's progress commentary (rich text)
      "answered_by": "Etunimi Sukunimi" | null, "answered_at": "…" | null
    }

A field's ``value`` is the stored, typed value, None when the field is empty: a number
as a decimal string ("1200.5000"), a date in ISO form ("2019-05-22"), yes/no as true or
false, an option's or a category's identifier, a text as its texts by language. The
workbook writes numbers, dates and yes/no from it (``display`` names the option or
category); a snapshot without ``value``, or with one that does not read as its kind, is
written as its ``display``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from vahti.actions.models import Action, ActionField
from vahti.core.i18n import TranslatableMixin, TranslatedField
from vahti.core.models import TimestampedModel, same_plan_errors
from vahti.core.richtext import SanitizedRichTextField
from vahti.plans.models import Plan, PlanOwnedQuerySet


class ReportQuerySet(PlanOwnedQuerySet):
    def completed(self):
        return self.filter(state=Report.State.COMPLETED)

    def open(self):
        return self.filter(state=Report.State.OPEN)


class Report(TranslatableMixin, TimestampedModel):
    class State(models.TextChoices):
        OPEN = "open", _("open")
        COMPLETED = "completed", _("completed")

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="reports", verbose_name=_("plan")
    )
    slug = models.SlugField(
        _("address"), max_length=100, help_text=_("In the report's address, e.g. “2025”.")
    )
    name = TranslatedField(models.CharField(_("name"), max_length=200))
    intro = TranslatedField(SanitizedRichTextField(_("introduction")), required=False)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    deadline = models.DateField(
        _("answers due"), null=True, blank=True, help_text=_("When contact persons should answer.")
    )
    asked_fields = models.ManyToManyField(
        ActionField,
        blank=True,
        related_name="reports",
        verbose_name=_("fields asked"),
        help_text=_("The plan's fields contact persons are asked to update for the report."),
    )
    asks_estimates = models.BooleanField(
        _("asks the estimated effects"),
        default=False,
        help_text=_("Contact persons are asked to check the action's estimated cuts."),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.OPEN, editable=False
    )
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True, editable=False)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "-period_end", "pk"]
        constraints = [
            models.UniqueConstraint(
                "plan",
                "slug",
                name="report_slug_unique_in_plan",
                violation_error_message=_("The plan already has a report with this address."),
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="report_period_ends_after_it_starts",
                violation_error_message=_("The period cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(state="open", completed_at__isnull=True)
                | models.Q(state="completed", completed_at__isnull=False),
                name="report_completed_has_completion_time",
                violation_error_message=_("A completed report has a completion time."),
            ),
        ]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return self.name

    def get_plan(self):
        return self.plan if self.plan_id else None

    @property
    def is_completed(self) -> bool:
        return self.state == self.State.COMPLETED

    def clean(self):
        self.clean_translations()


class ReportAnswer(TranslatableMixin, TimestampedModel):
    """A contact person's answer for one action: a progress commentary. The asked
    fields and estimates are answered on the action itself (a new revision of it), and
    frozen with it when the report is completed."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="answers")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="report_answers")
    commentary = TranslatedField(SanitizedRichTextField(_("progress commentary")), required=False)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering = ["report", "action__sort_key", "pk"]
        constraints = [
            models.UniqueConstraint(
                "report",
                "action",
                name="reportanswer_one_per_action",
                violation_error_message=_("The action already has an answer in this report."),
            ),
        ]
        verbose_name = _("report answer")
        verbose_name_plural = _("report answers")

    def __str__(self):
        return f"{self.report}: {self.action}"

    def get_plan(self):
        return self.report.plan if self.report_id else None

    def clean(self):
        if self.report_id and self.action_id:
            errors = same_plan_errors(self.report.plan, {"action": self.action})
            if errors:
                raise ValidationError(errors)
        self.clean_translations()


class ReportSnapshot(models.Model):
    """One action frozen when its report was completed (see the module docstring)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="snapshots")
    # The action may be deleted or renamed later: the snapshot keeps what it was.
    action = models.ForeignKey(
        Action, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    position = models.PositiveIntegerField()
    identifier = models.CharField(max_length=50)
    is_public = models.BooleanField(
        default=True, help_text="Whether the action was public when the report was completed."
    )
    data = models.JSONField()

    class Meta:
        ordering = ["report", "position"]
        constraints = [
            models.UniqueConstraint("report", "position", name="reportsnapshot_position_unique"),
            models.UniqueConstraint(
                "report", "identifier", name="reportsnapshot_identifier_unique"
            ),
        ]

    def __str__(self):
        return f"{self.report}: {self.identifier}"
