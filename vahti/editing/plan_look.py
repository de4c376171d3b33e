"""“Appearance” in the admin: a plan's admins (and installation admins) set the plan's
logo, favicon, social-sharing image and brand colour. The colour is adjusted to stay
readable (``vahti.plans.brand``); the screen says how, with the measured contrasts."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from vahti.access import scopes
from vahti.access.policies import administers_a_plan, can_edit_plan_content, plans_administered_by
from vahti.editing.widgets import ImageChooser
from vahti.editing.working_plan import in_another_plan
from vahti.plans.brand import BLACK, palette
from vahti.plans.look import LOOK_FIELDS, plan_look_update
from vahti.plans.models import Plan


class PlanLookForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = LOOK_FIELDS
        widgets = {
            "brand_color": forms.TextInput(attrs={"placeholder": "#0a5c36", "size": 8}),
            "logo": ImageChooser,
            "favicon": ImageChooser,
            "share_image": ImageChooser,
        }


def _look_description(plan: Plan) -> dict:
    colours = palette(plan.brand_color)
    ratios = colours.ratios
    return {
        "brand": colours.brand,
        "on_brand": _("black") if colours.on_brand == BLACK else _("white"),
        "on_brand_ratio": f"{ratios['on_brand']:.2f}",
        "brand_text": colours.brand_text,
        "brand_text_ratio": f"{ratios['brand_text']:.2f}",
        "adjusted": colours.brand_text != colours.brand,
    }


class PlanLookView(WagtailAdminTemplateMixin, FormView):
    template_name = "editing/plan_look.html"
    page_title = gettext_lazy("Appearance")
    header_icon = "image"
    form_class = PlanLookForm

    def dispatch(self, request, *args, plan_id: int, **kwargs):
        self.plan = get_object_or_404(Plan, pk=plan_id)
        if not can_edit_plan_content(request.user, self.plan):
            raise PermissionDenied
        if not scopes.of_working_plan(request.user, self.plan):
            return in_another_plan(request, self.plan)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.plan)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Plan.objects.get(pk=self.plan.pk)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, look=_look_description(self.plan), **kwargs)

    def form_valid(self, form):
        values = {name: form.cleaned_data[name] for name in LOOK_FIELDS}
        try:
            changed = plan_look_update(self.plan, user=self.request.user, **values)
        except ValidationError as error:
            for field, items in error.message_dict.items():
                form.add_error(field if field in form.fields else None, items)
            return self.form_invalid(form)
        if changed:
            messages.success(
                self.request, _("The appearance of “%(plan)s” was saved.") % {"plan": self.plan}
            )
        return redirect("vahti_plan_look", plan_id=self.plan.pk)


class PlanLookIndexView(WagtailAdminTemplateMixin, TemplateView):
    """The plans whose appearance the user may set; straight to it when there is one."""

    template_name = "editing/plan_look_index.html"
    page_title = gettext_lazy("Appearance")
    header_icon = "image"

    def dispatch(self, request, *args, **kwargs):
        self.plans = list(scopes.in_working_plan(request.user, plans_administered_by(request.user)))
        if not self.plans:
            raise PermissionDenied
        if len(self.plans) == 1:
            return redirect("vahti_plan_look", plan_id=self.plans[0].pk)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(plans=self.plans, **kwargs)


@hooks.register("register_admin_urls")
def plan_look_urls():
    return [
        path("plans/appearance/", PlanLookIndexView.as_view(), name="vahti_plan_look_index"),
        path("plans/<int:plan_id>/appearance/", PlanLookView.as_view(), name="vahti_plan_look"),
    ]


class PlanAdminMenuItem(MenuItem):
    def is_shown(self, request):
        return administers_a_plan(request.user)


@hooks.register("register_settings_menu_item")
def plan_look_menu_item():
    return PlanAdminMenuItem(
        gettext_lazy("Appearance"), reverse("vahti_plan_look_index"), icon_name="image", order=52
    )
