"""Content pages edited in Wagtail: "Tietoa", instructions for contact persons, the
accessibility statement, the privacy notice…

Each plan has one :class:`PlanPages` page in Wagtail's tree, and its content pages below
it, so that Wagtail's page editing (drafts, revisions, locking, moderation, preview, the
audit log) and its page permissions work per plan. The public site serves them itself at
``/pages/<slug>/`` in each of the plan's languages, like every other public page: texts
have a column per language, as everywhere in Vahti, and the Wagtail title is the heading
in the plan's primary language.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from vahti.core.i18n import TranslatableMixin, TranslatedField, language_codes
from vahti.core.richtext import SanitizedRichTextField, sanitize_rich_text
from vahti.plans.models import Plan
from vahti.plans.selectors import public_address

PAGE_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "blockquote"]


def _translated_panels(field: str, heading) -> MultiFieldPanel:
    return MultiFieldPanel([FieldPanel(f"{field}_{code}") for code in language_codes()], heading)


class PlanPages(Page):
    """The top of one plan's content pages; not a public page itself."""

    # PROTECT: Wagtail's tree cannot lose a page to a database cascade; a plan's pages
    # are deleted in Wagtail first.
    plan = models.OneToOneField(
        Plan, on_delete=models.PROTECT, related_name="pages_root", verbose_name=_("plan")
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["content.ContentPage"]
    max_count_per_parent = None
    # The plan is set when the plan's pages are made, never in a form: moving a plan's
    # pages to another plan would publish them there.
    content_panels = [FieldPanel("title")]
    promote_panels = []

    class Meta:
        verbose_name = _("plan's content pages")
        verbose_name_plural = _("plans' content pages")

    # Nothing to preview: it has no page of its own (its draft view was a 500).
    preview_modes = []

    def get_url_parts(self, request=None):
        return None  # not served

    def serve_preview(self, request, mode_name):
        raise Http404


class ContentPage(TranslatableMixin, Page):
    # Follows from the place in the tree (set on save); kept here so that the site finds
    # a plan's pages in one query.
    plan = models.ForeignKey(
        Plan,
        on_delete=models.SET_NULL,
        related_name="content_pages",
        editable=False,
        null=True,
        verbose_name=_("plan"),
    )
    heading = TranslatedField(models.CharField(_("heading"), max_length=255))
    lead = TranslatedField(models.TextField(_("lead paragraph")), required=False)
    # A page's own sub-headings start from h2 (the page's heading is its h1).
    body = TranslatedField(
        SanitizedRichTextField(_("text"), features=PAGE_FEATURES), required=False
    )

    parent_page_types = ["content.PlanPages", "content.ContentPage"]
    subpage_types = ["content.ContentPage"]
    content_panels = [
        _translated_panels("heading", _("Heading")),
        _translated_panels("lead", _("Lead paragraph")),
        _translated_panels("body", _("Text")),
    ]
    promote_panels = [
        FieldPanel("slug"),
        FieldPanel("show_in_menus", heading=_("Link to the page in the footer")),
    ]
    template = "site/content_page.html"

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    def get_plan(self) -> Plan | None:
        if self.plan_id:
            return self.plan
        return self.plan_from_tree()

    def plan_from_tree(self) -> Plan | None:
        """The plan whose :class:`PlanPages` is above this page (none before the page is
        in the tree: Wagtail's create view validates first, then adds it)."""
        if not self.path:
            return None
        root = PlanPages.objects.filter(path=self.path[: PlanPages.steplen * 2]).first()
        return root.plan if root else None

    def full_clean(self, *args, **kwargs):
        # Wagtail's title (the admin's lists, the slug suggested) is the primary heading.
        plan = self.get_plan()
        order = [plan.primary_language] if plan else []
        headings = [getattr(self, f"heading_{code}", "") for code in [*order, *language_codes()]]
        self.title = next((heading for heading in headings if heading), self.title)
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        plan = self.get_plan()
        if plan is not None and self.slug:
            taken = ContentPage.objects.filter(plan=plan, slug=self.slug).exclude(pk=self.pk)
            if taken.exists():
                raise ValidationError(
                    {
                        "slug": _(
                            "Another page of the plan has the address “%(slug)s”: the "
                            "public address /pages/<slug>/ must be unique in the plan."
                        )
                        % {"slug": self.slug}
                    }
                )
        self.clean_translations()

    def save(self, *args, **kwargs):
        sanitize_rich_text(self)
        if self.path:
            self.plan = self.plan_from_tree()
        return super().save(*args, **kwargs)

    def get_url_parts(self, request=None):
        """Only the admin asks ("view live"): the page at its plan's address."""
        path = reverse("site:content-page", kwargs={"slug": self.slug})
        plan = self.get_plan()
        return (None, "", public_address(plan, path) if plan is not None else path)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        plan = self.get_plan()
        # Only previews come here: the public site serves the pages with its own view.
        return {**context, "plan": plan, "content_page": self, "is_preview": True}
