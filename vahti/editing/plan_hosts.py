"""“Plan host names” in the admin: an installation admin (a superuser) sees which host
names and path prefixes serve each plan, adds and removes them. The same service as
the ``plan_host_add`` command, audited."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from vahti.core.commands import hosts_not_allowed
from vahti.editing.plan_setup import SuperuserMenuItem
from vahti.plans.models import Plan, PlanDomain, normalise_hostname
from vahti.plans.prefixes import normalise_prefix
from vahti.plans.setup import plan_host_add, plan_host_remove


class PlanHostForm(forms.Form):
    plan = forms.ModelChoiceField(label=gettext_lazy("Plan"), queryset=Plan.objects.all())
    hostname = forms.CharField(
        label=gettext_lazy("Host name"),
        max_length=200,
        help_text=gettext_lazy("The name alone, e.g. ilmasto.espoo.fi."),
    )
    path_prefix = forms.CharField(
        label=gettext_lazy("Path prefix"),
        max_length=50,
        required=False,
        help_text=gettext_lazy(
            "Blank: the plan is served at the host's root. On a host shared with other "
            "plans e.g. “espoo”, which serves the plan at /espoo/."
        ),
    )


def _superuser(request) -> None:
    if not (request.user.is_active and request.user.is_superuser):
        raise PermissionDenied


def _address(domain: PlanDomain) -> str:
    return f"{domain.hostname}/{domain.path_prefix}/" if domain.path_prefix else domain.hostname


class PlanHostsView(WagtailAdminTemplateMixin, FormView):
    template_name = "editing/plan_hosts.html"
    page_title = gettext_lazy("Plan host names")
    header_icon = "site"
    form_class = PlanHostForm

    def dispatch(self, request, *args, **kwargs):
        _superuser(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        domains = list(
            PlanDomain.objects.select_related("plan").order_by("hostname", "path_prefix")
        )
        refused = set(hosts_not_allowed({domain.hostname for domain in domains}))
        rows = [
            {"domain": domain, "address": _address(domain), "refused": domain.hostname in refused}
            for domain in domains
        ]
        return super().get_context_data(rows=rows, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            added = plan_host_add(
                data["plan"], data["hostname"], data["path_prefix"], user=self.request.user
            )
        except ValidationError as error:
            for field, items in error.message_dict.items():
                form.add_error(field if field in form.fields else None, items)
            return self.form_invalid(form)
        domain = PlanDomain(
            hostname=normalise_hostname(data["hostname"]),
            path_prefix=normalise_prefix(data["path_prefix"]),
        )
        if added:
            messages.success(
                self.request,
                _("%(address)s now serves “%(plan)s”.")
                % {"address": _address(domain), "plan": data["plan"]},
            )
            for host in hosts_not_allowed([domain.hostname]):
                messages.warning(
                    self.request,
                    _(
                        "Add %(host)s to ALLOWED_HOSTS in the installation's settings: until "
                        "then its requests are refused."
                    )
                    % {"host": host},
                )
        else:
            messages.info(self.request, _("That address already serves the plan; nothing changed."))
        return redirect("vahti_plan_hosts")


@require_POST
def plan_host_remove_view(request, domain_id: int):
    _superuser(request)
    domain = get_object_or_404(PlanDomain.objects.select_related("plan"), pk=domain_id)
    address, plan = _address(domain), domain.plan
    plan_host_remove(domain, user=request.user)
    messages.success(
        request, _("%(address)s no longer serves “%(plan)s”.") % {"address": address, "plan": plan}
    )
    return redirect("vahti_plan_hosts")


@hooks.register("register_admin_urls")
def plan_hosts_urls():
    return [
        path("plans/hosts/", PlanHostsView.as_view(), name="vahti_plan_hosts"),
        path(
            "plans/hosts/<int:domain_id>/remove/",
            plan_host_remove_view,
            name="vahti_plan_host_remove",
        ),
    ]


@hooks.register("register_settings_menu_item")
def plan_hosts_menu_item():
    return SuperuserMenuItem(
        gettext_lazy("Plan host names"), reverse("vahti_plan_hosts"), icon_name="site", order=51
    )
