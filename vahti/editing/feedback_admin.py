"""Residents' feedback in the admin: plan admins see all of their plan's, contact
persons that about their actions; each marks it processed (or back)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from vahti.access import policies
from vahti.feedback.services import feedback_mark

PAGE_SIZE = 25
STATES = {"unprocessed": gettext_lazy("Unprocessed"), "processed": gettext_lazy("Processed"),
          "all": gettext_lazy("All")}  # fmt: skip


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
        found = policies.feedback_visible_to(self.request.user).select_related(
            "plan", "action", "processed_by"
        )
        if state == "unprocessed":
            found = found.filter(processed_at__isnull=True)
        elif state == "processed":
            found = found.filter(processed_at__isnull=False)
        page = Paginator(found.order_by("-created_at", "-pk"), PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        return {
            **super().get_context_data(**kwargs),
            "page": page,
            "state": state,
            "states": STATES.items(),
        }

    def post(self, request):
        item = get_object_or_404(
            policies.feedback_visible_to(request.user),
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
