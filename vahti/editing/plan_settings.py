"""The plan's settings page, for its plan admins (and installation admins): names,
languages, time zone, moderation, update limits, feedback, derived lateness, the front
page's introduction and the footer's links.

Saved through :func:`vahti.plans.services.plan_settings_save`: one transaction, checked
by ``Plan.clean`` (the importer's checks), logged with what changed, and the public pages'
cache moved on.

Languages: removing a language in which the plan has texts is refused with an error
naming them (“12 actions, 3 categories have texts in Swedish”) until the admin ticks
“Stop showing the texts of removed languages”. Nothing is deleted: the texts stay in
the database and are shown again when the language is added back. (A refusal alone would
leave a city no way out of a language added by mistake.)
"""

from __future__ import annotations

from functools import wraps

from django import forms
from django.conf import settings
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import EditView

from vahti.access import policies, scopes
from vahti.editing.forms import _on_every_row
from vahti.editing.permissions import guarded_urlpatterns
from vahti.editing.races import LostRaceMixin
from vahti.editing.scoping import ScopedSnippetViewSet
from vahti.editing.versions import VersionCheckedMixin
from vahti.editing.viewsets import ListedOnlyChooserViewSet, translated
from vahti.editing.working_plan import in_another_plan
from vahti.plans.models import Plan
from vahti.plans.selectors import texts_in_languages
from vahti.plans.services import plan_settings_save

LANGUAGE_NAMES = dict(settings.LANGUAGES)


class PlanSettingsForm(WagtailAdminModelForm):
    other_languages = forms.MultipleChoiceField(
        label=gettext_lazy("Other languages"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("The languages the plan is also published in."),
    )
    hide_removed_languages = forms.BooleanField(
        label=gettext_lazy("Stop showing the texts of removed languages"),
        required=False,
        help_text=gettext_lazy(
            "Needed when a language you remove has texts. The texts are kept, not "
            "deleted: they are shown again if you add the language back."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.languages_before = list(self.instance.languages) if self.instance.pk else []
        plan = self.instance

        def tell_row_its_plan(form):
            # Before validation: a link's text is required in the plan's primary language.
            form.instance.plan = plan

        for formset in self.formsets.values():
            _on_every_row(formset, tell_row_its_plan)

    def clean(self):
        cleaned = super().clean()
        primary = cleaned.get("primary_language") or self.instance.primary_language
        after = {primary, *cleaned.get("other_languages", [])}
        removed = [code for code in self.languages_before if code not in after]
        if removed and not cleaned.get("hide_removed_languages"):
            found = texts_in_languages(self.instance, removed)
            if found:
                self.add_error(
                    "other_languages",
                    _(
                        "%(kinds)s have texts in %(languages)s. Tick “Stop showing the "
                        "texts of removed languages” to remove the language anyway (the "
                        "texts are kept), or keep the language."
                    )
                    % {
                        "kinds": ", ".join(f"{count} {kind}" for kind, count in found.items()),
                        "languages": ", ".join(str(LANGUAGE_NAMES[code]) for code in removed),
                    },
                )
        return cleaned


class PlanSettingsEditView(VersionCheckedMixin, LostRaceMixin, EditView):
    def save_instance(self):
        also = ["footer_links"] if self.form.formsets["footer_links"].has_changed() else []
        plan_settings_save(self.object, self.form.save, user=self.request.user, also=also)
        return self.form.instance

    def get_success_message(self):
        return _("The settings of “%(plan)s” were saved.") % {"plan": self.object}


class PlanSettingsPermissionPolicy(BasePermissionPolicy):
    """A plan's settings: its plan admins (and installation admins) read and change
    them. Plans are created on the installation admin's “New plan” page and deleted by
    no one here."""

    def user_has_permission(self, user, action):
        return action in ("change", "view") and policies.administers_a_plan(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return action in ("change", "view") and policies.can_edit_plan_content(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if set(actions) & {"change", "view"}:
            return policies.plans_administered_by(user)
        return Plan.objects.none()

    def users_with_any_permission(self, actions):
        return policies.plan_admin_users()

    def guard(self, view, url_name: str):
        """Every URL of one plan (reading its settings, their history, as changing them)
        for its plan admins only."""

        @wraps(view)
        def guarded(request, *args, **kwargs):
            pk = kwargs.get("pk", args[0] if args else None)
            plan = get_object_or_404(Plan, pk=unquote(str(pk)))
            if not policies.can_edit_plan_content(request.user, plan):
                raise PermissionDenied
            if not scopes.of_working_plan(request.user, plan):
                return in_another_plan(request, plan)
            return view(request, *args, **kwargs)

        return guarded


class PlanSettingsViewSet(ScopedSnippetViewSet):
    model = Plan
    icon = "cog"
    menu_label = gettext_lazy("Settings")
    add_to_admin_menu = False
    chooser_viewset_class = ListedOnlyChooserViewSet
    edit_view_class = PlanSettingsEditView
    list_display = ["name", "identifier", "primary_language"]
    ordering = ["order", "identifier"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return scopes.in_working_plan(request.user, policies.plans_administered_by(request.user))

    def get_urlpatterns(self):
        return guarded_urlpatterns(super().get_urlpatterns(), guard=self.permission_policy.guard)

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    translated("name", gettext_lazy("Name")),
                    translated("short_name", gettext_lazy("Short name")),
                    MultiFieldPanel(
                        [
                            FieldPanel("primary_language"),
                            FieldPanel("other_languages"),
                            FieldPanel("hide_removed_languages"),
                            FieldPanel("time_zone"),
                        ],
                        heading=gettext_lazy("Languages and time zone"),
                    ),
                ],
                heading=gettext_lazy("Plan"),
            ),
            ObjectList(
                [
                    translated("intro", gettext_lazy("Front page introduction")),
                    InlinePanel(
                        "footer_links",
                        panels=[translated("label", gettext_lazy("Link text")), FieldPanel("url")],
                        heading=gettext_lazy("Footer links"),
                        label=gettext_lazy("Footer link"),
                    ),
                ],
                heading=gettext_lazy("Public site"),
            ),
            ObjectList(
                [
                    FieldPanel("moderated"),
                    FieldRowPanel(
                        [FieldPanel("update_target_days"), FieldPanel("stale_after_days")]
                    ),
                    FieldPanel("derived_lateness"),
                    FieldRowPanel(
                        [FieldPanel("feedback_enabled"), FieldPanel("feedback_retention_days")]
                    ),
                ],
                heading=gettext_lazy("Updates and feedback"),
            ),
        ],
        base_form_class=PlanSettingsForm,
    )


register_permission_policy(Plan, PlanSettingsPermissionPolicy(Plan))
