"""The city's organisation tree and the people who work in it."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from vahti.core.i18n import TranslatableMixin, TranslatedField
from vahti.core.models import TimestampedModel, same_plan_errors, would_be_inside_itself
from vahti.plans.models import Plan, PlanOwnedQuerySet, identifier_validator


class Organization(TranslatableMixin, TimestampedModel):
    """A unit of the city, e.g. “Elinkeino-osasto” (Elo); units form a tree."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="organizations", verbose_name=_("plan")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent organisation"),
    )
    identifier = models.CharField(_("identifier"), max_length=50)
    name = TranslatedField(models.CharField(_("name"), max_length=200))
    abbreviation = TranslatedField(
        models.CharField(_("abbreviation"), max_length=30), required=False
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    objects = PlanOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                "plan",
                "identifier",
                name="organization_identifier_unique_in_plan",
                violation_error_message=_(
                    "The plan already has an organisation with this identifier."
                ),
            )
        ]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def get_plan(self):
        return self.plan if self.plan_id else None

    @property
    def short_name(self):
        """The abbreviation where there is one (“Elo”), else the name."""
        return self.abbreviation or self.name

    def clean(self):
        if self.plan_id and self.parent_id:
            errors = same_plan_errors(self.plan, {"parent": self.parent})
            if errors:
                raise ValidationError(errors)
            if would_be_inside_itself(self, self.parent):
                raise ValidationError({"parent": _("An organisation cannot be inside itself.")})
        self.clean_translations()


class Person(TranslatableMixin, TimestampedModel):
    """Someone named on an action, e.g. a contact person. Email is not shown publicly."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="people", verbose_name=_("plan")
    )
    identifier = models.CharField(
        _("identifier"),
        max_length=50,
        blank=True,
        validators=[identifier_validator],
        help_text=_(
            "Unique within the plan; names the person in imported and exported "
            "workbooks. Made from the name when left empty, e.g. “mikko-martikka”."
        ),
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    title = TranslatedField(
        models.CharField(pgettext_lazy("job title", "title"), max_length=200), required=False
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("organisation"),
    )
    email = models.EmailField(_("email"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("user account"),
        help_text=_("Lets the person log in and edit the actions they are named on."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("photo"),
    )

    objects = PlanOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "last_name", "first_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                "plan",
                Lower("email"),
                condition=~models.Q(email=""),
                name="person_email_unique_in_plan",
                violation_error_message=_("The plan already has a person with this email address."),
            ),
            models.UniqueConstraint(
                "plan",
                "identifier",
                name="person_identifier_unique_in_plan",
                violation_error_message=_("The plan already has a person with this identifier."),
            ),
            models.UniqueConstraint(
                "plan",
                "user",
                condition=models.Q(user__isnull=False),
                name="person_user_once_per_plan",
                violation_error_message=_("This user account is already a person in the plan."),
            ),
        ]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def initials(self) -> str:
        return "".join(part[:1] for part in (self.first_name, self.last_name)).upper()

    def get_plan(self):
        return self.plan if self.plan_id else None

    def save(self, *args, **kwargs):
        if not self.identifier and self.plan_id:
            self.identifier = free_person_identifier(self.plan_id, self.full_name, self.pk)
        super().save(*args, **kwargs)

    def clean(self):
        if self.plan_id and self.organization_id:
            errors = same_plan_errors(self.plan, {"organization": self.organization})
            if errors:
                raise ValidationError(errors)
        self.clean_translations()


def free_person_identifier(plan_id: int, name: str, pk: int | None = None) -> str:
    """An identifier made from the name that no other person of the plan has:
    ``mikko-martikka``, then ``mikko-martikka-2``…"""
    base = slugify(name)[:44].strip("-") or "person"
    taken = set(
        Person.objects.filter(plan_id=plan_id, identifier__startswith=base)
        .exclude(pk=pk)
        .values_list("identifier", flat=True)
    )
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate
