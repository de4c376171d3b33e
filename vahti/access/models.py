"""Who may see and change what in a plan.

Roles are given per plan: a plan admin runs the whole plan, a viewer reads drafts and
internal notes, an organisation admin looks after the actions of their organisation and
the units below it. Contact persons need no role: being named on an action (through a
``Person`` linked to their user account) is what lets them edit it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from vahti.core.models import TimestampedModel, same_plan_errors
from vahti.orgs.models import Organization
from vahti.plans.models import Plan


class Role(TimestampedModel):
    class Kind(models.TextChoices):
        PLAN_ADMIN = "plan_admin", _("plan admin")
        ORGANIZATION_ADMIN = "organization_admin", _("organisation admin")
        VIEWER = "viewer", _("viewer")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="vahti_roles",
        verbose_name=_("user"),
    )
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="roles", verbose_name=_("plan")
    )
    kind = models.CharField(_("role"), max_length=20, choices=Kind.choices)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="admin_roles",
        verbose_name=_("organisation"),
        help_text=_("For an organisation admin: the organisation (units below it included)."),
    )

    class Meta:
        ordering = ["plan", "user", "kind"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="organization_admin", organization__isnull=False)
                    | (~models.Q(kind="organization_admin") & models.Q(organization__isnull=True))
                ),
                name="role_organization_only_for_organization_admin",
                violation_error_message=_(
                    "An organisation admin needs an organisation; other roles have none."
                ),
            ),
            models.UniqueConstraint(
                "user",
                "plan",
                "kind",
                condition=models.Q(organization__isnull=True),
                name="role_once_per_plan",
                violation_error_message=_("The user already has this role in the plan."),
            ),
            models.UniqueConstraint(
                "user",
                "organization",
                condition=models.Q(organization__isnull=False),
                name="role_once_per_organization",
                violation_error_message=_("The user is already an admin of this organisation."),
            ),
        ]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self):
        if self.organization_id:
            return f"{self.user} · {self.get_kind_display()} · {self.organization}"
        return f"{self.user} · {self.get_kind_display()} · {self.plan}"

    def clean(self):
        if self.plan_id and self.organization_id:
            errors = same_plan_errors(self.plan, {"organization": self.organization})
            if errors:
                raise ValidationError(errors)
