"""“New plan” in the admin: an installation admin (a superuser) creates a plan with the
short form, and its first plan admin is invited by email. The same services as the
``plan_create`` and ``role_grant`` commands, in one transaction."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from vahti.access.models import Role
from vahti.access.roles import role_grant
from vahti.plans.setup import plan_create

# The service's names of what is wrong → the form's fields.
FIELDS = {"hosts": "hosts", "email": "admin_email"}


class PlanCreateForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=200,
        help_text=gettext_lazy("In the primary language, e.g. “Carbon-neutral Espoo 2030”."),
    )
    identifier = forms.CharField(
        label=gettext_lazy("Identifier"),
        max_length=50,
        help_text=gettext_lazy(
            "Lower-case letters, digits, hyphens and underscores, e.g. “espoo2030”."
        ),
    )
    primary_language = forms.ChoiceField(
        label=gettext_lazy("Primary language"), choices=settings.LANGUAGES
    )
    other_languages = forms.MultipleChoiceField(
        label=gettext_lazy("Other languages"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    time_zone = forms.CharField(
        label=gettext_lazy("Time zone"), max_length=64, initial="Europe/Helsinki"
    )
    hosts = forms.CharField(
        label=gettext_lazy("Host names"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("One a line, e.g. ilmasto.espoo.fi."),
    )
    admin_email = forms.EmailField(
        label=gettext_lazy("First plan admin's email address"),
        help_text=gettext_lazy("They get an email with a link to choose a password."),
    )

    def clean_hosts(self) -> list[str]:
        return self.cleaned_data["hosts"].split()


class PlanCreateView(WagtailAdminTemplateMixin, FormView):
    template_name = "editing/plan_create.html"
    page_title = gettext_lazy("New plan")
    header_icon = "plus"
    form_class = PlanCreateForm

    def dispatch(self, request, *args, **kwargs):
        if not (request.user.is_active and request.user.is_superuser):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            with transaction.atomic():
                plan = plan_create(
                    data["identifier"],
                    data["name"],
                    data["primary_language"],
                    data["other_languages"],
                    data["time_zone"],
                    data["hosts"],
                    user=self.request.user,
                )
                role_grant(plan, data["admin_email"], Role.Kind.PLAN_ADMIN, user=self.request.user)
        except ValidationError as error:
            for field, items in error.message_dict.items():
                form.add_error(FIELDS.get(field, field if field in form.fields else None), items)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The plan “%(plan)s” was created; %(email)s was invited to be its plan admin.")
            % {"plan": plan.identifier, "email": data["admin_email"].lower()},
        )
        return redirect("wagtailadmin_home")


@hooks.register("register_admin_urls")
def plan_setup_urls():
    return [path("plans/new/", PlanCreateView.as_view(), name="vahti_plan_create")]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def plan_create_menu_item():
    return SuperuserMenuItem(
        gettext_lazy("New plan"), reverse("vahti_plan_create"), icon_name="plus", order=50
    )
