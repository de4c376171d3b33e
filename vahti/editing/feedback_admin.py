"""Residents' feedback in the admin: plan admins see all of their plan's, contact
persons that about their actions; each marks it processed (or back)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from vahti.access import policies, scopes
from vahti.feedback.services import feedback_mark
from vahti.plans.services import plan_settings_update

PAGE_SIZE = 25
STATES = {"unprocessed": gettext_lazy("Unprocessed"), "processed": gettext_lazy("Processed"),
          "all": gettext_lazy("All")}  # fmt: skip


class SettingsForm(forms.Form):
    feedback_enabled = forms.BooleanField(
        label=gettext_lazy("Residents may give feedback"), required=False
    )
    feedback_retention_days = forms.IntegerField(
        label=gettext_lazy("Feedback is deleted after … days"), min_value=1, max_value=3650
    )


class FeedbackView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editing/feedback.html"
    page_title = gettext_lazy("Feedback")
    header_icon = "comment"

    def dispatch(self, request, *args, **kwargs):
        if not policies.may_see_feedback(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        state = self.request.GET.get("state", "unprocessed")
        if state not in STATES:
            state = "unprocessed"
        found = scopes.in_working_plan(
            self.request.user, policies.feedback_visible_to(self.request.user)
        ).select_related("plan", "action", "processed_by")
        if state == "unprocessed":
            found = found.filter(processed_at__isnull=True)
        elif state == "processed":
            found = found.filter(processed_at__isnull=False)
        page = Paginator(found.order_by("-created_at", "-pk"), PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        plans = scopes.in_working_plan(
            self.request.user, policies.plans_administered_by(self.request.user)
        )
        settings_forms = kwargs.get("settings_forms") or [
            (plan, SettingsForm(prefix=f"plan{plan.pk}", initial={
                "feedback_enabled": plan.feedback_enabled,
                "feedback_retention_days": plan.feedback_retention_days,
            }))
            for plan in plans
        ]  # fmt: skip
        return {
            **super().get_context_data(**kwargs),
            "settings_forms": settings_forms,
            "page": page,
            "state": state,
            "states": STATES.items(),
        }

    def post(self, request):
        if "settings" in request.POST:
            return self._settings(request)
        item = get_object_or_404(
            scopes.in_working_plan(request.user, policies.feedback_visible_to(request.user)),
            pk=request.POST.get("feedback") if request.POST.get("feedback", "").isdigit() else None,
        )
        processed = request.POST.get("processed") == "1"
        feedback_mark(item, processed=processed, user=request.user)
        messages.success(
            request,
            _("The feedback was marked processed.") if processed
            else _("The feedback was marked unprocessed."),
        )  # fmt: skip
        return redirect(f"{reverse('vahti_feedback')}?state={request.POST.get('state', '')}")

    def _settings(self, request):
        plan = get_object_or_404(
            scopes.in_working_plan(request.user, policies.plans_administered_by(request.user)),
            pk=request.POST["settings"] if request.POST["settings"].isdigit() else None,
        )
        form = SettingsForm(request.POST, prefix=f"plan{plan.pk}")
        if form.is_valid():
            try:
                plan_settings_update(plan, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                for field_name, items in error.message_dict.items():
                    form.add_error(field_name if field_name in form.fields else None, items)
            else:
                messages.success(request, _("The feedback settings were saved."))
                return redirect(reverse("vahti_feedback"))
        self.request = request
        return self.render_to_response(self.get_context_data(settings_forms=[(plan, form)]))


@hooks.register("register_admin_urls")
def feedback_urls():
    return [path("feedback/", FeedbackView.as_view(), name="vahti_feedback")]


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return policies.may_see_feedback(request.user)


@hooks.register("register_admin_menu_item")
def feedback_menu_item():
    return FeedbackMenuItem(
        gettext_lazy("Feedback"), reverse("vahti_feedback"), icon_name="comment", order=107
    )


@hooks.register("register_log_actions")
def plan_settings_log_actions(actions):
    actions.register_action(
        "vahti.plan.settings",
        gettext_lazy("Change the plan's settings"),
        gettext_lazy("Plan settings changed"),
    )
