"""What hangs off an action: tasks, responsible organisations, contact persons, news
posts, and the history of its progress."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable

from vahti.actions.models.action import Action
from vahti.core.i18n import TranslatableMixin, TranslatedField
from vahti.core.models import TimestampedModel, same_plan_errors
from vahti.core.richtext import SanitizedRichTextField
from vahti.orgs.models import Organization, Person
from vahti.plans.models import ActionImplementationPhase, ActionStatus, Plan


class Task(TranslatableMixin, TimestampedModel, Orderable):
    """A dated step of an action. Lateness follows from the due date."""

    class State(models.TextChoices):
        NOT_STARTED = "not_started", _("not started")
        IN_PROGRESS = "in_progress", _("in progress")
        COMPLETED = "completed", _("completed")
        CANCELLED = "cancelled", _("cancelled")

    OPEN_STATES = (State.NOT_STARTED, State.IN_PROGRESS)

    action = ParentalKey(Action, on_delete=models.CASCADE, related_name="tasks")
    name = TranslatedField(models.CharField(_("name"), max_length=300))
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.NOT_STARTED
    )
    due_at = models.DateField(_("due date"))
    completed_at = models.DateField(
        _("completion date"),
        null=True,
        blank=True,
        help_text=_(
            "Required for a completed task; for a cancelled one, the date it was cancelled."
        ),
    )
    comment = TranslatedField(SanitizedRichTextField(_("comment")), required=False)

    class Meta(Orderable.Meta):
        ordering = ["action", "due_at", "sort_order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state="completed") | models.Q(completed_at__isnull=False),
                name="task_completed_has_completion_date",
                violation_error_message=_("A completed task needs a completion date."),
            ),
            models.CheckConstraint(
                condition=models.Q(state__in=["completed", "cancelled"])
                | models.Q(completed_at__isnull=True),
                name="task_open_has_no_completion_date",
                violation_error_message=_(
                    "A task that is not started or in progress cannot have a completion date."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(
                    state__in=["not_started", "in_progress", "completed", "cancelled"]
                ),
                name="task_state_known",
                violation_error_message=_("Unknown task state."),
            ),
        ]
        indexes = [
            # The open tasks of each action by due date (the admin's attention counts,
            # the dashboard's late and open tasks) from the index alone. The state
            # last: SQLite 3.40 miscounts ``state IN (…)`` before a range on the due
            # date in one index.
            models.Index(fields=["action", "due_at", "state"], name="task_action_due_state"),
            # The front page's latest completed tasks, read newest first without sorting
            # every completed task of the plan. The state is in it for SQLite, as for
            # actions above.
            models.Index(
                fields=["completed_at", "id", "state"],
                condition=models.Q(state="completed"),
                name="task_completed_latest",
            ),
        ]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self):
        return self.name

    def get_plan(self):
        # A row being added in a form may not know its action yet.
        return self.action.plan if self.action_id or _has_cached_action(self) else None

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN_STATES

    def is_late_on(self, today: datetime.date) -> bool:
        return self.is_open and self.due_at < today

    def clean(self):
        if self.state == self.State.COMPLETED and not self.completed_at:
            raise ValidationError(
                {"completed_at": _("A completed task needs a completion date.")},
                code="completion_date_missing",
            )
        if self.state in self.OPEN_STATES and self.completed_at:
            raise ValidationError(
                {
                    "completed_at": _(
                        "A task that is not started or in progress cannot have a completion date."
                    )
                },
                code="completion_date_on_open_task",
            )
        self.clean_translations()


class ResponsibleParty(Orderable):
    """An organisation responsible for an action: one primary, others collaborating."""

    class Role(models.TextChoices):
        PRIMARY = "primary", _("primary responsibility")
        COLLABORATOR = "collaborator", _("collaborator")

    action = ParentalKey(Action, on_delete=models.CASCADE, related_name="responsible_parties")
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="responsibilities",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PRIMARY)

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                "action",
                "organization",
                name="responsibleparty_once_per_action",
                violation_error_message=_(
                    "This organisation is already responsible for the action."
                ),
            ),
            models.UniqueConstraint(
                "action",
                condition=models.Q(role="primary"),
                name="responsibleparty_one_primary",
                violation_error_message=_(
                    "An action has only one primarily responsible organisation."
                ),
            ),
        ]
        verbose_name = _("responsible organisation")
        verbose_name_plural = _("responsible organisations")

    def __str__(self):
        return f"{self.organization} ({self.get_role_display()})"

    def clean(self):
        if self.action_id and self.organization_id:
            errors = same_plan_errors(self.action.plan, {"organization": self.organization})
            if errors:
                raise ValidationError(errors)


class ContactPerson(Orderable):
    """A person named on an action, in the order the plan admin chose."""

    class Role(models.TextChoices):
        CONTACT = "contact", _("contact person")
        EDITOR = "editor", _("editor")
        MODERATOR = "moderator", _("moderator")

    action = ParentalKey(Action, on_delete=models.CASCADE, related_name="contact_persons")
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="contact_for", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.CONTACT)

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                "action",
                "person",
                name="contactperson_once_per_action",
                violation_error_message=_("This person is already a contact person of the action."),
            ),
        ]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self):
        return str(self.person)

    def clean(self):
        if self.action_id and self.person_id:
            errors = same_plan_errors(self.action.plan, {"person": self.person})
            if errors:
                raise ValidationError(errors)


class NewsPost(TranslatableMixin, TimestampedModel):
    """An update about an action, shown under “Viimeisimmät päivitykset”."""

    action = ParentalKey(Action, on_delete=models.CASCADE, related_name="news_posts")
    title = TranslatedField(models.CharField(_("title"), max_length=300))
    published_on = models.DateField(_("date"))
    author = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news_posts",
        verbose_name=_("author"),
    )
    body = TranslatedField(SanitizedRichTextField(_("text")))

    class Meta:
        ordering = ["action", "-published_on", "-pk"]
        # The front page's latest news, read newest first without sorting them all.
        indexes = [models.Index(fields=["published_on", "id"], name="newspost_latest")]
        verbose_name = _("news post")
        verbose_name_plural = _("news posts")

    def __str__(self):
        return self.title

    def get_plan(self):
        # A row being added in a form may not know its action yet.
        return self.action.plan if self.action_id or _has_cached_action(self) else None

    def clean(self):
        if self.action_id and self.author_id:
            errors = same_plan_errors(self.action.plan, {"author": self.author})
            if errors:
                raise ValidationError(errors)
        self.clean_translations()


def _has_cached_action(child) -> bool:
    return child._meta.get_field("action").is_cached(child)


class ProgressChange(models.Model):
    """The action's status and phase as published at ``changed_at``: one row each time
    a publication changed either of them, or whether the action was public. Written by
    :mod:`vahti.actions.history` when an action is published or unpublished, and filled
    from the published revisions when this table was added; it is what the action's
    timeline and the plan's distribution on a past date are read from."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="+", verbose_name=_("plan")
    )
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="progress_changes")
    # When the publication said the action was updated ("Tietoja päivitetty").
    changed_at = models.DateTimeField()
    status = models.ForeignKey(
        ActionStatus, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    implementation_phase = models.ForeignKey(
        ActionImplementationPhase,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_public = models.BooleanField()
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["action", "changed_at", "pk"]
        indexes = [
            models.Index(fields=["action", "changed_at"]),
            models.Index(fields=["plan", "changed_at"]),
        ]
        verbose_name = _("progress change")
        verbose_name_plural = _("progress changes")

    def __str__(self):
        return f"{self.action_id} {self.changed_at:%Y-%m-%d}"
