"""What the admin pages for plan admins share: the page open only to the admins of a
plan (in the working plan they run), and the form's choice among those plans. The API
tokens, import and export, and reminders pages are built on them."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from vahti.access import policies, scopes
from vahti.plans.models import Plan


class PlanChoiceForm(forms.Form):
    """A form about one of ``plans``: chosen at once when there is one alone."""

    plan = forms.ModelChoiceField(queryset=Plan.objects.none(), label=gettext_lazy("Plan"))

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        if plans.count() == 1:
            self.fields["plan"].initial = plans.first()


class PlanAdminView(WagtailAdminTemplateMixin, TemplateView):
    """An admin page for those who administer a plan: ``self.plans``, the plans they
    administer in their working plan; anyone else is refused."""

    def dispatch(self, request, *args, **kwargs):
        self.plans = scopes.in_working_plan(
            request.user, policies.plans_administered_by(request.user)
        )
        if not self.plans.exists():
            raise PermissionDenied
        self.choose(request)
        return super().dispatch(request, *args, **kwargs)

    def choose(self, request) -> None:
        """What the page picks among ``self.plans`` before it answers (nothing here)."""

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]
