"""The plan one works in: someone who takes part in several plans (or an installation
admin) chooses it here, and the admin shows that plan's objects only (see
vahti.access.scopes). The choice is a plain form (no script needed), remembered per user.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from vahti.access import scopes

# The value of "All plans" among the choices (installation admins only).
ALL_PLANS = "all"


def may_switch(user) -> bool:
    """Whether the user has plans to choose between (a superuser always may)."""
    return user.is_authenticated and (user.is_superuser or len(scopes.plans_to_work_in(user)) > 1)


class WorkingPlanForm(forms.Form):
    plan = forms.ChoiceField(label=gettext_lazy("Plan"), widget=forms.RadioSelect)
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.plans = {str(plan.pk): plan for plan in scopes.plans_to_work_in(user)}
        choices = [(pk, str(plan)) for pk, plan in self.plans.items()]
        if user.is_superuser:
            choices.append((ALL_PLANS, _("All plans")))
        self.fields["plan"].choices = choices

    def chosen_plan(self):
        return self.plans.get(self.cleaned_data["plan"])


def safe_next(request, url: str | None) -> str:
    """``url`` if it is an admin address of this site; else the admin's home page."""
    if (
        url
        and url.startswith("/admin/")
        and url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return url
    return reverse("wagtailadmin_home")


def in_another_plan(request, plan):
    """The answer to an address of an object of another plan than the one the user works
    in: if it is one of their plans, the page for choosing the plan to work in, with that
    plan proposed and the address to return to (a GET only: nothing changes until they
    choose); else not found. The admin never shows two plans' objects mixed."""
    if (
        request.method != "GET"
        or not scopes.plans_taking_part(request.user).filter(pk=plan.pk).exists()
    ):
        raise Http404
    query = urlencode({"plan": plan.pk, "next": request.get_full_path()})
    return redirect(f"{reverse('vahti_working_plan')}?{query}")


class WorkingPlanView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editing/working_plan.html"
    page_title = gettext_lazy("Plan to work in")
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        if not may_switch(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        working = scopes.admin_working_plan(self.request.user)
        form = kwargs.pop("form", None) or WorkingPlanForm(
            user=self.request.user,
            initial={
                "plan": str(working.pk) if working else ALL_PLANS,
                "next": safe_next(self.request, self.request.GET.get("next")),
            },
        )
        # Sent here from another plan's object (in_another_plan): that plan, proposed.
        proposed = form.plans.get(self.request.GET.get("plan", ""))
        if proposed is not None and not form.is_bound:
            form.initial["plan"] = str(proposed.pk)
        return {
            **super().get_context_data(**kwargs),
            "form": form,
            "working_plan": working,
            "proposed_plan": proposed if proposed != working else None,
        }

    def post(self, request):
        form = WorkingPlanForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        plan = form.chosen_plan()
        scopes.choose_working_plan(request.user, plan)
        if plan is None:
            messages.success(request, _("You are now working in all plans."))
        else:
            messages.success(
                request, _("You are now working in the plan “%(plan)s”.") % {"plan": plan}
            )
        return redirect(safe_next(request, form.cleaned_data.get("next")))


@hooks.register("register_admin_urls")
def working_plan_urls():
    return [path("working-plan/", WorkingPlanView.as_view(), name="vahti_working_plan")]


class WorkingPlanMenuItem(MenuItem):
    """Names the plan one works in; opens the page for choosing another."""

    def is_shown(self, request):
        return may_switch(request.user)

    def render_component(self, request):
        working = scopes.admin_working_plan(request.user)
        label = _("Plan: %(plan)s") % {"plan": working} if working else _("Plan: all plans")
        return LinkMenuItemComponent(
            self.name,
            label,
            f"{self.url}?{urlencode({'next': request.get_full_path()})}",
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


@hooks.register("register_admin_menu_item")
def working_plan_menu_item():
    return WorkingPlanMenuItem(
        gettext_lazy("Plan"),
        reverse("vahti_working_plan"),
        name="vahti-working-plan",
        icon_name="site",
        order=1,
    )


class WorkingPlanPanel(Component):
    """On the admin's start page: the plan one works in, and (with several) the choice."""

    name = "vahti_working_plan"
    template_name = "editing/working_plan_panel.html"
    order = 10

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        request = parent_context["request"]
        working = scopes.admin_working_plan(request.user)
        switch = may_switch(request.user)
        context.update(
            {
                "working_plan": working,
                "shown": working is not None or switch,
                "form": WorkingPlanForm(
                    user=request.user,
                    initial={
                        "plan": str(working.pk) if working else ALL_PLANS,
                        "next": reverse("wagtailadmin_home"),
                    },
                )
                if switch
                else None,
            }
        )
        return context


@hooks.register("construct_homepage_panels")
def working_plan_first(request, panels):
    panels.insert(0, WorkingPlanPanel())
