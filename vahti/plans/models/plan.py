"""A plan, its footer links and the host names that serve it."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator, URLValidator
from django.db import models
from django.db.models.functions import Lower
from django.http.request import split_domain_port
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from vahti.core.i18n import TranslatableMixin, TranslatedField, forget_plan_language
from vahti.core.models import TimestampedModel
from vahti.core.richtext import SanitizedRichTextField
from vahti.core.signals import plan_languages_changed
from vahti.core.validators import validate_hex_color, validate_time_zone
from vahti.plans import changes
from vahti.plans.prefixes import validate_path_prefix

identifier_validator = RegexValidator(
    r"^[a-z0-9][a-z0-9_-]*$",
    _("Use lower-case letters, digits, hyphens and underscores, e.g. “hnh2035”."),
)


def language_choices():
    return list(settings.LANGUAGES)


class Plan(TranslatableMixin, TimestampedModel, ClusterableModel):
    identifier = models.CharField(
        _("identifier"), max_length=50, unique=True, validators=[identifier_validator]
    )
    name = TranslatedField(models.CharField(_("name"), max_length=200))
    short_name = TranslatedField(models.CharField(_("short name"), max_length=60), required=False)
    intro = TranslatedField(SanitizedRichTextField(_("introduction")), required=False)
    primary_language = models.CharField(
        _("primary language"), max_length=8, choices=language_choices, default="fi"
    )
    other_languages = models.JSONField(
        _("other languages"),
        default=list,
        blank=True,
        help_text=_('Languages the plan is also published in, e.g. ["sv", "en"].'),
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Helsinki", validators=[validate_time_zone]
    )
    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("The first plan is served when no domain matches.")
    )
    stale_after_days = models.PositiveIntegerField(
        _("update interval limit (days)"),
        default=180,
        validators=[MinValueValidator(1)],
        help_text=_("An action not updated for longer than this needs attention."),
    )
    feedback_enabled = models.BooleanField(
        _("residents may give feedback"),
        default=True,
        help_text=_("A feedback form on every action page and a general one."),
    )
    feedback_retention_days = models.PositiveIntegerField(
        _("feedback kept for (days)"),
        default=365,
        validators=[MinValueValidator(1)],
        help_text=_("Feedback older than this is deleted, processed or not."),
    )
    update_target_days = models.PositiveIntegerField(
        _("update interval target (days)"),
        default=90,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Actions updated within this many days are up to date; after it and up to the "
            "limit the update is acceptable, after the limit stale."
        ),
    )
    derived_lateness = models.BooleanField(
        _("derive lateness from tasks and updates"),
        default=True,
        help_text=_(
            "An action with an open task past its due date, or not updated within the "
            "update interval limit, is shown as late with the reason, beside the status "
            "its contact person set."
        ),
    )
    moderated = models.BooleanField(
        _("changes are approved before publishing"),
        default=False,
        help_text=_(
            "Contact persons and organisation admins save drafts; plan admins review and "
            "publish them."
        ),
    )
    # The plan's look (vahti.plans.brand; set on the admin's Appearance screen).
    brand_color = models.CharField(
        _("brand colour"),
        max_length=7,
        blank=True,
        validators=[validate_hex_color],
        help_text=_(
            "#RRGGBB. Text on it is white or black, whichever reads better; where it would "
            "be text on the white page a darker shade that reaches 4.5:1 is used."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    favicon = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("favicon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A square image, shown in the browser's tab."),
    )
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social-sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when a page of the plan is shared, e.g. 1200 × 630 pixels."),
    )
    # Moved forward by every change to the plan's data (vahti.plans.changes): the
    # API's Last-Modified.
    data_changed_at = models.DateTimeField(
        _("data changed at"), default=timezone.now, editable=False
    )

    class Meta:
        ordering = ["order", "identifier"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    def __str__(self):
        return self.name

    def get_plan(self):
        return self

    def translation_primary_language(self) -> str:
        return self.primary_language

    @property
    def languages(self) -> list[str]:
        """The plan's languages, primary first."""
        return [
            self.primary_language,
            *[c for c in self.other_languages if c != self.primary_language],
        ]

    def save(self, *args, **kwargs):
        before = (
            Plan.objects.filter(pk=self.pk).values_list("primary_language", "other_languages")
            if self.pk
            else []
        )
        before = next(iter(before), None)
        self.data_changed_at = timezone.now()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "data_changed_at"}
        super().save(*args, **kwargs)
        forget_plan_language(self.pk)
        # Which plan serves a host without a domain of its own follows the plans' order.
        changes.advance_versions(self.pk, changes.ROUTING)
        if before is not None and list(before) != [self.primary_language, self.other_languages]:
            # What is kept per language (the search index) follows.
            plan_languages_changed.send(sender=Plan, instance=self)

    @property
    def update_target(self) -> int:
        return min(self.update_target_days, self.stale_after_days)

    @property
    def tzinfo(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def clean(self):
        known = {code for code, _name in settings.LANGUAGES}
        if not isinstance(self.other_languages, list) or not all(
            isinstance(code, str) for code in self.other_languages
        ):
            raise ValidationError(
                {
                    "other_languages": _(
                        'Give the other languages as a list of codes, e.g. ["sv", "en"].'
                    )
                }
            )
        unknown = [code for code in self.other_languages if code not in known]
        if unknown:
            raise ValidationError(
                {
                    "other_languages": _("Unknown language code(s): %(codes)s. Known: %(known)s.")
                    % {"codes": ", ".join(unknown), "known": ", ".join(sorted(known))}
                }
            )
        if self.primary_language in self.other_languages:
            raise ValidationError(
                {"other_languages": _("The primary language cannot also be an other language.")}
            )
        if self.update_target_days > self.stale_after_days:
            raise ValidationError(
                {
                    "update_target_days": _(
                        "The update interval target cannot be longer than the limit (%(limit)s "
                        "days)."
                    )
                    % {"limit": self.stale_after_days}
                }
            )
        self.clean_translations()


class PlanFooterLink(TranslatableMixin, Orderable):
    """A link in the public site's footer beside the plan's own pages: the city's
    climate pages, an accessibility statement kept elsewhere…"""

    plan = ParentalKey(
        Plan, on_delete=models.CASCADE, related_name="footer_links", verbose_name=_("plan")
    )
    label = TranslatedField(models.CharField(_("link text"), max_length=100))
    url = models.URLField(
        _("address"),
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("A web address starting with https:// or http://."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("footer link")
        verbose_name_plural = _("footer links")

    def __str__(self):
        return self.label

    def get_plan(self):
        return self.plan if self.plan_id else None

    def clean(self):
        self.clean_translations()


class PlanDomain(models.Model):
    """A host name that serves a plan, e.g. ilmastovahti.hel.fi, at its root or under a
    path prefix (``/espoo/``) when one host serves several plans."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="domains", verbose_name=_("plan")
    )
    hostname = models.CharField(_("host name"), max_length=200)
    path_prefix = models.CharField(
        _("path prefix"),
        max_length=50,
        blank=True,
        default="",
        validators=[validate_path_prefix],
        help_text=_("Blank: the plan is served at the host's root. Else e.g. “espoo”."),
    )

    class Meta:
        ordering = ["hostname", "path_prefix"]
        constraints = [
            models.UniqueConstraint(
                Lower("hostname"),
                "path_prefix",
                name="plan_domain_hostname_prefix_unique",
                violation_error_message=_("This host name and path prefix already serve a plan."),
            )
        ]
        verbose_name = _("plan domain")
        verbose_name_plural = _("plan domains")

    def __str__(self):
        return f"{self.hostname}/{self.path_prefix}" if self.path_prefix else self.hostname

    def save(self, *args, **kwargs):
        self.hostname = normalise_hostname(self.hostname)
        super().save(*args, **kwargs)
        changes.advance_versions(changes.ROUTING)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        changes.advance_versions(changes.ROUTING)
        return result

    def clean(self):
        self.hostname = normalise_hostname(self.hostname)
        host, port = split_domain_port(self.hostname)
        if not host or port or host != self.hostname:
            raise ValidationError(
                {
                    "hostname": _(
                        "“%(value)s” is not a host name: give the name alone, such as "
                        "ilmastovahti.hel.fi, without a scheme, port or path."
                    )
                    % {"value": self.hostname}
                }
            )


def normalise_hostname(value: str) -> str:
    """Host names compare without case and without the root's trailing dot."""
    return value.strip().lower().rstrip(".")
