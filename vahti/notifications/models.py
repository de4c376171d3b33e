"""Reminders: which kinds a plan sends and when (``ReminderRule``), how each person
wants them (``ReminderPreference``), and every reminder planned and sent
(``Reminder``: the outbox, and the log a plan admin reads)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from vahti.plans.models import Plan


class Kind(models.TextChoices):
    TASK_DUE = "task_due", _("A task is due soon")
    TASK_LATE = "task_late", _("A task is late")
    ACTION_STALE = "action_stale", _("An action has not been updated")
    FEW_TASKS = "few_tasks", _("An action has too few planned tasks")
    VALUES_DUE = "values_due", _("Indicator values are due soon")
    VALUES_LATE = "values_late", _("Indicator values are late")
    FEEDBACK = "feedback", _("New feedback from a resident")


# Each kind's timing unless the plan sets its own: ``days`` before the due date (the
# "due" kinds) or after it (the "late" kinds), then every ``repeat`` days.
DEFAULTS = {
    Kind.TASK_DUE: {"days": [30, 7, 1], "repeat": 0},
    Kind.TASK_LATE: {"days": [1, 7], "repeat": 30},
    Kind.ACTION_STALE: {"days": [], "repeat": 30},  # the limit is Plan.stale_after_days
    Kind.FEW_TASKS: {"days": [], "repeat": 30},
    Kind.VALUES_DUE: {"days": [14, 1], "repeat": 0},
    Kind.VALUES_LATE: {"days": [1, 7], "repeat": 30},
    Kind.FEEDBACK: {"days": [], "repeat": 0},  # once, when it arrives
}
USES_DAYS = {Kind.TASK_DUE, Kind.TASK_LATE, Kind.VALUES_DUE, Kind.VALUES_LATE}


class ReminderRule(models.Model):
    """A plan's own setting for one kind of reminder; a kind without one is sent with
    ``DEFAULTS``."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="reminder_rules", verbose_name=_("plan")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    enabled = models.BooleanField(_("in use"), default=True)
    days = models.JSONField(
        _("days"),
        default=list,
        blank=True,
        help_text=_("Days before the due date (or after it, for late ones), e.g. 30, 7, 1."),
    )
    repeat = models.PositiveIntegerField(
        _("then every … days"),
        default=0,
        help_text=_("0: not repeated."),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint("plan", "kind", name="reminderrule_once_per_kind"),
        ]
        ordering = ["plan", "kind"]
        verbose_name = _("reminder rule")
        verbose_name_plural = _("reminder rules")

    def __str__(self):
        return f"{self.plan} · {self.get_kind_display()}"

    def clean(self):
        days = self.days if isinstance(self.days, list) else None
        if days is None or not all(isinstance(d, int) and 0 < d <= 3650 for d in days):
            raise ValidationError({"days": _("Give whole days between 1 and 3650.")})
        if self.kind in USES_DAYS and self.enabled and not days:
            raise ValidationError({"days": _("Give at least one day.")})
        self.days = sorted(set(days), reverse=self.kind in (Kind.TASK_DUE, Kind.VALUES_DUE))


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("as they come")
    DIGEST = "digest", _("in a weekly digest")
    OFF = "off", _("not at all")


class ReminderPreference(models.Model):
    """How a user wants one kind of reminder; without one they come as they come."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_preferences"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    delivery = models.CharField(
        _("delivery"), max_length=10, choices=Delivery.choices, default=Delivery.IMMEDIATE
    )

    class Meta:
        constraints = [
            models.UniqueConstraint("user", "kind", name="reminderpreference_once_per_kind"),
        ]
        verbose_name = _("reminder preference")
        verbose_name_plural = _("reminder preferences")

    def __str__(self):
        return f"{self.user} · {self.get_kind_display()} · {self.get_delivery_display()}"


class Reminder(models.Model):
    """One reminder to one recipient about one thing on one occasion. Planned rows wait
    as pending. Before its email is handed to the mail server, a row is marked with the
    email's Message-ID as of unknown outcome (committed), and as sent once the server
    has said it took it: a reminder is sent at most once, even with two workers or a
    worker killed mid-hand-off, whose email stays "outcome unknown" (see
    :mod:`vahti.notifications.handoff`)."""

    class State(models.TextChoices):
        PENDING = "pending", _("waiting")
        # Handed to the mail server, which has not (or not yet) said it took it.
        UNKNOWN = "unknown", _("outcome unknown")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        DROPPED = "dropped", _("no longer needed")

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("plan")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # Who: a person (a contact person) or, when an action has none, an admin's account.
    recipient = models.CharField(max_length=40)  # "person:12" or "user:3"
    person = models.ForeignKey(
        "orgs.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    name = models.CharField(_("recipient"), max_length=200)
    email = models.EmailField(_("email"))
    language = models.CharField(max_length=10)
    # About what.
    action = models.ForeignKey(
        "actions.Action", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    indicator = models.ForeignKey(
        "indicators.Indicator", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    subject = models.CharField(max_length=200)  # e.g. "task:<action>:<digest of the task>"
    occasion = models.CharField(max_length=100)  # e.g. "before:7:2026-12-09"
    details = models.JSONField(default=dict)  # what the email says: the task, the date…
    digest = models.BooleanField(default=False)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    created_at = models.DateTimeField(_("planned"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    handed_at = models.DateTimeField(_("handed to the mail server"), null=True, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=255, blank=True)
    batch = models.UUIDField(null=True, blank=True)  # the email it went in
    attempts = models.PositiveSmallIntegerField(default=0)
    retry_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                "plan", "recipient", "kind", "subject", "occasion", name="reminder_once"
            ),
        ]
        indexes = [
            # The plan first: a claim (``pk IN (…) AND state = 'pending'``) must find its
            # rows by id, and SQLite, with no statistics, would take an index that starts
            # with the state and read every waiting reminder of every plan per email.
            models.Index(fields=["plan", "state", "digest"], name="reminder_waiting_in_plan"),
            models.Index(fields=["batch"], name="reminder_batch"),
        ]
        ordering = ["-created_at", "-pk"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")

    def __str__(self):
        return f"{self.get_kind_display()} → {self.email}"
