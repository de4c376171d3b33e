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
from django.utils import timezone
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


class ApiTokenQuerySet(models.QuerySet):
    def usable(self, now=None):
        """Neither revoked nor expired."""
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )


class ApiToken(models.Model):
    """A key with which a program (a data feed, a script) writes a plan's indicator
    values and goals through the API. A plan admin creates and revokes it in the admin;
    the secret is shown once, when it is created, and only its SHA-256 digest is kept."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("plan")
    )
    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("What uses the token, e.g. “Energy company's monthly import”."),
    )
    # The first characters of the secret, to recognise it by; not enough to use it.
    prefix = models.CharField(_("begins with"), max_length=16, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "-created_at", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    def is_usable(self, now=None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)


class WorkingPlan(models.Model):
    """The plan a user works in in the admin, remembered from one login to the next
    (vahti.access.scopes.working_plan). No plan: an installation admin working in every
    plan at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="vahti_working_plan",
        verbose_name=_("user"),
    )
    plan = models.ForeignKey(
        Plan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("plan"),
    )

    class Meta:
        verbose_name = _("working plan")
        verbose_name_plural = _("working plans")

    def __str__(self):
        return f"{self.user} · {self.plan or '*'}"
