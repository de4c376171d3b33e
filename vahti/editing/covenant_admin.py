"""“Covenant of Mayors” in the admin: a plan's admins say where each column of the
Covenant's mitigation-actions table comes from (one of the plan's fields or category
types, or one value for every action), map each option, category and status to a
Covenant value, see how many actions are complete, and download the export.

Only the working plan's own fields, category types, options, categories and statuses are
offered: anything else sent is a form error (“Select a valid choice”)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from vahti.access import scopes
from vahti.access.policies import can_edit_plan_content, plans_administered_by
from vahti.actions.models import ActionField
from vahti.core.spreadsheets import xlsx_file_response
from vahti.covenant import categories
from vahti.covenant.export import covenant_filename, covenant_workbook
from vahti.covenant.models import LIST_COLUMNS, NUMBER_COLUMNS
from vahti.covenant.selectors import covenant_rows, mapping_of, problem_text, value_codes
from vahti.covenant.services import covenant_mapping_save
from vahti.editing.plan_look import PlanAdminMenuItem
from vahti.editing.working_plan import in_another_plan
from vahti.plans.models import ActionStatus, Category, Plan

COLUMN_NAMES = {
    "sector": gettext_lazy("Sector"),
    "area": gettext_lazy("Area of intervention"),
    "instrument": gettext_lazy("Policy instrument"),
    "origin": gettext_lazy("Origin of the action"),
    "status": gettext_lazy("Implementation status"),
    "costs": gettext_lazy("Estimated implementation costs"),
    "energy_savings": gettext_lazy("Estimated energy savings"),
    "renewable_production": gettext_lazy("Estimated renewable energy production"),
    "emission_reduction": gettext_lazy("Estimated CO₂ reduction"),
}
NOT_MAPPED_CHOICE = ("", gettext_lazy("— not mapped —"))


class CovenantMappingForm(forms.Form):
    def __init__(self, *args, plan: Plan, mapping, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan, self.mapping = plan, mapping
        fields = list(ActionField.objects.for_plan(plan).order_by("order", "pk"))
        self.fields_by_id = {field.pk: field for field in fields}
        self.types_by_id = {t.pk: t for t in plan.category_types.all()}
        self.current = value_codes(mapping)
        self.groups = [(_("Sources"), [])]
        for column in LIST_COLUMNS:
            self._add_source(column, fields)
        for column in NUMBER_COLUMNS:
            self._add_number(column, fields)
        for column in LIST_COLUMNS:
            self._add_values(column)
        self._add_statuses()

    def _add(self, group, name, field):
        self.fields[name] = field
        group.append(name)

    def _add_source(self, column, fields):
        listed = [f for f in fields if f.has_options or f.kind == ActionField.Kind.CATEGORY]
        choices = [
            ("", _("— none —")),
            (_("Fields"), [(f"field:{f.pk}", str(f)) for f in listed]),
            (_("Category types"), [(f"type:{pk}", str(t)) for pk, t in self.types_by_id.items()]),
            (
                _("The same for every action"),
                [(f"fixed:{code}", label) for code, label in _flat(categories.choices_for(column))],
            ),
        ]
        kind, source = self.mapping.source(column)
        initial = f"{kind}:{source if kind == 'fixed' else source.pk}" if kind else ""
        field = forms.ChoiceField(
            label=COLUMN_NAMES[column], choices=choices, required=False, initial=initial
        )
        self._add(self.groups[0][1], f"source_{column}", field)

    def _add_number(self, column, fields):
        empty = _("— none —") if column == "costs" else _("The action's own estimate")
        numbers = [(str(f.pk), f"{f} ({f.unit})") for f in fields if f.kind == "number"]
        field = forms.ChoiceField(
            label=COLUMN_NAMES[column],
            choices=[("", empty), *numbers],
            required=False,
            initial=str(getattr(self.mapping, f"{column}_field_id") or ""),
        )
        self._add(self.groups[0][1], f"number_{column}", field)

    def _add_values(self, column):
        kind, source = self.mapping.source(column)
        if kind == "field" and source.has_options:
            items = [("option", option) for option in source.options.all()]
        elif kind in ("field", "type"):
            type_id = source.category_type_id if kind == "field" else source.pk
            items = [("category", c) for c in Category.objects.filter(type_id=type_id)]
        else:
            return
        self._add_value_group(column, items)

    def _add_statuses(self):
        statuses = ActionStatus.objects.for_plan(self.plan)
        self._add_value_group("status", [("status", status) for status in statuses])

    def _add_value_group(self, column, items):
        group = []
        heading = _("Values of “%(column)s”") % {"column": COLUMN_NAMES[column]}
        self.groups.append((heading, group))
        for kind, item in items:
            field = forms.ChoiceField(
                label=str(item),
                choices=[NOT_MAPPED_CHOICE, *categories.choices_for(column)],
                required=False,
                initial=self.current.get((column, kind, item.pk), ""),
            )
            self._add(group, f"value_{column}_{kind}_{item.pk}", field)

    def sources(self) -> dict:
        sources = {}
        for column in LIST_COLUMNS:
            chosen = self.cleaned_data[f"source_{column}"]
            kind, _sep, value = chosen.partition(":")
            sources[f"{column}_field"] = (
                self.fields_by_id.get(int(value)) if kind == "field" else None
            )
            sources[f"{column}_category_type"] = (
                self.types_by_id.get(int(value)) if kind == "type" else None
            )
            sources[f"{column}_fixed"] = value if kind == "fixed" else ""
        for column in NUMBER_COLUMNS:
            chosen = self.cleaned_data[f"number_{column}"]
            sources[f"{column}_field"] = self.fields_by_id.get(int(chosen)) if chosen else None
        return sources

    def values(self) -> dict:
        values = {}
        for name, code in self.cleaned_data.items():
            if name.startswith("value_"):
                column, kind, pk = name.removeprefix("value_").rsplit("_", 2)
                values[(column, kind, int(pk))] = code
        return values

    def add_model_errors(self, error: ValidationError):
        for name, items in error.message_dict.items():
            column = name.removesuffix("_field").removesuffix("_category_type")
            column = column.removesuffix("_fixed")
            target = f"source_{column}" if column in LIST_COLUMNS else f"number_{column}"
            self.add_error(target if target in self.fields else None, items)


def _flat(choices):
    """Grouped choices as one list, each named with its group (“Transport: Other”)."""
    for value, label in choices:
        if isinstance(label, list | tuple):
            yield from ((code, f"{value}: {name}") for code, name in label)
        else:
            yield value, label


class PlanAdminOnly:
    def dispatch(self, request, *args, plan_id: int, **kwargs):
        self.plan = get_object_or_404(Plan, pk=plan_id)
        if not can_edit_plan_content(request.user, self.plan):
            raise PermissionDenied
        if not scopes.of_working_plan(request.user, self.plan):
            return in_another_plan(request, self.plan)
        return super().dispatch(request, *args, **kwargs)


class CovenantMappingView(PlanAdminOnly, WagtailAdminTemplateMixin, FormView):
    template_name = "editing/covenant_mapping.html"
    page_title = gettext_lazy("Covenant of Mayors")
    header_icon = "doc-full"

    def get_page_subtitle(self):
        return str(self.plan)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_form(self, form_class=None):
        self.mapping = mapping_of(self.plan)
        return CovenantMappingForm(plan=self.plan, mapping=self.mapping, **self.get_form_kwargs())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(plan=self.plan, **kwargs)
        form = context["form"]
        context["groups"] = [
            (heading, [form[name] for name in names]) for heading, names in form.groups
        ]
        rows = covenant_rows(self.plan, self.mapping)
        context["action_count"] = len(rows)
        context["complete_count"] = sum(1 for row in rows if row.is_complete)
        context["incomplete"] = [
            (row.action, [(categories.HEADINGS[c], problem_text(p)) for c, p in row.missing])
            for row in rows
            if row.missing
        ][:20]
        return context

    def form_valid(self, form):
        try:
            covenant_mapping_save(
                self.plan, sources=form.sources(), values=form.values(), user=self.request.user
            )
        except ValidationError as error:
            form.add_model_errors(error)
            return self.form_invalid(form)
        messages.success(self.request, _("The Covenant of Mayors mapping was saved."))
        return redirect("vahti_covenant_mapping", plan_id=self.plan.pk)


class CovenantDownloadView(PlanAdminOnly, View):
    def get(self, request, *args, **kwargs):
        return xlsx_file_response(covenant_workbook(self.plan), covenant_filename(self.plan))


class CovenantIndexView(View):
    """Straight to the working plan's mapping (or the first plan the user administers)."""

    def get(self, request):
        plans = scopes.in_working_plan(request.user, plans_administered_by(request.user))
        plan = plans.order_by("order", "pk").first()
        if plan is None:
            raise PermissionDenied
        return redirect("vahti_covenant_mapping", plan_id=plan.pk)


@hooks.register("register_admin_urls")
def covenant_urls():
    return [
        path("plans/covenant/", CovenantIndexView.as_view(), name="vahti_covenant_index"),
        path(
            "plans/<int:plan_id>/covenant/",
            CovenantMappingView.as_view(),
            name="vahti_covenant_mapping",
        ),
        path(
            "plans/<int:plan_id>/covenant/download/",
            CovenantDownloadView.as_view(),
            name="vahti_covenant_download",
        ),
    ]


@hooks.register("register_settings_menu_item")
def covenant_menu_item():
    return PlanAdminMenuItem(
        gettext_lazy("Covenant of Mayors"),
        reverse("vahti_covenant_index"),
        icon_name="doc-full",
        order=54,
    )


@hooks.register("register_log_actions")
def covenant_log_actions(actions):
    actions.register_action(
        "vahti.plan.covenant",
        gettext_lazy("Change the Covenant of Mayors mapping"),
        gettext_lazy("Covenant of Mayors mapping changed"),
    )
