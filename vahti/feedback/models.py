"""Feedback from residents: about one action, or about the plan in general. It asks for
a message only; a name and an email address are optional, for an answer. Kept until it
is older than the plan's ``feedback_retention_days``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vahti.plans.models import Plan

MAX_MESSAGE = 4000
MAX_NAME = 100


class FeedbackQuerySet(models.QuerySet):
    def unprocessed(self):
        return self.filter(processed_at__isnull=True)


class Feedback(models.Model):
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("plan")
    )
    action = models.ForeignKey(
        "actions.Action",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="feedback",
        verbose_name=_("action"),
    )
    message = models.TextField(_("message"), max_length=MAX_MESSAGE)
    name = models.CharField(_("name"), max_length=MAX_NAME, blank=True)
    email = models.EmailField(_("email"), blank=True)
    language = models.CharField(_("language"), max_length=10)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    processed_at = models.DateTimeField(_("processed"), null=True, blank=True)
    processed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("processed by"),
    )

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["plan", "processed_at"], name="feedback_by_state")]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self):
        return f"{self.plan} · {self.created_at:%Y-%m-%d} · {self.message[:40]}"

    @property
    def is_processed(self) -> bool:
        return self.processed_at is not None
