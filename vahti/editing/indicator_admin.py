"""The admin for indicators.

An indicator's texts, links and breakdown dimensions are the plan's own content: plan
admins change them in the snippet editor, viewers read them. Its values and goals have a
page of their own ("Values and goals"), for plan admins and for the indicator's contact
persons, who keep them current: one value at a time, or many pasted or uploaded as CSV,
checked first and saved only when every row is right.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Max
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from vahti.access import policies, scopes
from vahti.actions.models import Action
from vahti.editing.api_tokens import ThroughToken
from vahti.editing.forms import PlanContentForm, _limit_formset_field
from vahti.editing.indicator_forms import GoalFormSet, ValueForm, ValuesUploadForm
from vahti.editing.permissions import PlanContentPermissionPolicy
from vahti.editing.viewsets import PlanContentViewSet, translated
from vahti.editing.working_plan import in_another_plan
from vahti.indicators import periods
from vahti.indicators.models import (
    Dimension,
    DimensionCategory,
    Indicator,
    IndicatorGoal,
    IndicatorValue,
    Scenario,
)
from vahti.indicators.services import (
    indicator_goals_save,
    indicator_value_delete,
    indicator_values_save,
)
from vahti.indicators.value_rows import ValuesRejected, parse_values_csv
from vahti.orgs.models import Person
from vahti.plans.selectors import public_address

# How many of the latest values the page lists (all of them are in the CSV download).
RECENT_VALUES = 60


class IndicatorAdminForm(PlanContentForm):
    """Every choice in the inline rows (people, actions, other indicators) comes from the
    indicator's plan."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plan_id = self.instance.plan_id
        if not plan_id:
            return
        for formset_name, field_name, queryset in (
            ("contact_persons", "person", Person.objects.filter(plan_id=plan_id)),
            ("action_links", "action", Action.objects.filter(plan_id=plan_id)),
            (
                "effect_links",
                "effect_indicator",
                Indicator.objects.filter(plan_id=plan_id).exclude(pk=self.instance.pk),
            ),
        ):
            formset = self.formsets.get(formset_name)
            if formset is not None:
                _limit_formset_field(formset, field_name, queryset)


class DataLinkPanel(HelpPanel):
    """A link from the editor to the indicator's values and goals."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            instance = kwargs.get("instance")
            if instance is not None and instance.pk:
                self.content = format_html(
                    '<p><a class="button button-secondary" href="{}">{}</a></p>',
                    reverse("vahti_indicator_data", args=[instance.pk]),
                    _("Enter values and goals"),
                )
            else:
                self.content = _("Save the indicator first; then enter its values and goals.")


class IndicatorViewSet(PlanContentViewSet):
    model = Indicator
    icon = "table"
    menu_label = gettext_lazy("Indicators")
    menu_order = 105
    add_to_admin_menu = True
    list_display = ["name_fi", "identifier", "level", "time_resolution", "plan"]
    list_filter = ["plan", "level", "visibility"]
    search_fields = ["identifier", "name_fi", "name_sv", "name_en"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    DataLinkPanel(),
                    FieldPanel("plan"),
                    FieldRowPanel([FieldPanel("identifier"), FieldPanel("level")]),
                    translated("name", gettext_lazy("Name")),
                    translated("description", gettext_lazy("Description")),
                    FieldPanel("categories"),
                ],
                heading=gettext_lazy("Basic information"),
            ),
            ObjectList(
                [
                    translated("unit", gettext_lazy("Unit")),
                    translated("quantity", gettext_lazy("Quantity")),
                    FieldRowPanel([FieldPanel("time_resolution"), FieldPanel("desired_direction")]),
                    FieldRowPanel(
                        [
                            FieldPanel("minimum_value"),
                            FieldPanel("maximum_value"),
                            FieldPanel("decimals"),
                        ]
                    ),
                ],
                heading=gettext_lazy("Measurement"),
            ),
            ObjectList(
                [
                    FieldPanel("organization"),
                    InlinePanel(
                        "contact_persons",
                        panels=[FieldPanel("person")],
                        heading=gettext_lazy("Contact persons"),
                    ),
                    translated("data_source", gettext_lazy("Data source")),
                    FieldRowPanel([FieldPanel("data_source_url"), FieldPanel("licence")]),
                    FieldRowPanel([FieldPanel("updated_values_due_at"), FieldPanel("visibility")]),
                ],
                heading=gettext_lazy("Responsibility and source"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "action_links",
                        panels=[
                            FieldPanel("action"),
                            FieldRowPanel([FieldPanel("effect"), FieldPanel("indicates_progress")]),
                        ],
                        heading=gettext_lazy("Actions that affect it"),
                    ),
                    InlinePanel(
                        "effect_links",
                        panels=[
                            FieldPanel("effect_indicator"),
                            FieldRowPanel([FieldPanel("effect"), FieldPanel("confidence")]),
                        ],
                        heading=gettext_lazy("Its effects on other indicators"),
                    ),
                ],
                heading=gettext_lazy("Links"),
            ),
        ],
        base_form_class=IndicatorAdminForm,
    )


class PlanListViewSet(PlanContentViewSet):
    """One of a plan's own named lists (the indicators' dimensions, scenarios), under
    Snippets."""

    add_to_admin_menu = False
    list_display = ["name_fi", "identifier", "plan"]
    list_filter = ["plan"]
    edit_handler = ObjectList(
        [
            FieldPanel("plan"),
            FieldRowPanel([FieldPanel("identifier"), FieldPanel("order")]),
            translated("name", gettext_lazy("Name")),
        ],
        base_form_class=PlanContentForm,
    )


class DimensionViewSet(PlanListViewSet):
    model = Dimension
    icon = "list-ul"
    menu_label = gettext_lazy("Dimensions")


class DimensionCategoryViewSet(PlanContentViewSet):
    model = DimensionCategory
    icon = "tag"
    menu_label = gettext_lazy("Dimension categories")
    add_to_admin_menu = False
    list_display = ["name_fi", "identifier", "dimension", "plan"]
    list_filter = ["plan", "dimension"]
    edit_handler = ObjectList(
        [
            FieldPanel("plan"),
            FieldPanel("dimension"),
            FieldRowPanel([FieldPanel("identifier"), FieldPanel("order"), FieldPanel("color")]),
            translated("name", gettext_lazy("Name")),
        ],
        base_form_class=PlanContentForm,
    )


class ScenarioViewSet(PlanListViewSet):
    model = Scenario
    icon = "resubmit"
    menu_label = gettext_lazy("Scenarios")


for viewset in (IndicatorViewSet, DimensionViewSet, DimensionCategoryViewSet, ScenarioViewSet):
    register_permission_policy(viewset.model, PlanContentPermissionPolicy(viewset.model))
    register_snippet(viewset)


# Values and goals -----------------------------------------------------------------------


class IndicatorDataIndexView(WagtailAdminTemplateMixin, TemplateView):
    """The indicators whose values and goals the user keeps, those due first."""

    template_name = "editing/indicator_data_index.html"
    page_title = gettext_lazy("Indicator values")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not scopes.in_working_plan(
            request.user, policies.indicators_with_data_editable_by(request.user)
        ).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        indicators = (
            scopes.in_working_plan(
                self.request.user, policies.indicators_with_data_editable_by(self.request.user)
            )
            .select_related("plan")
            .annotate(value_count=Count("values"), latest_date=Max("values__date"))
            .order_by("updated_values_due_at", "plan", "sort_key")
        )
        return {**super().get_context_data(**kwargs), "indicators": indicators}


class IndicatorDataView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editing/indicator_data.html"
    header_icon = "table"

    def dispatch(self, request, pk):
        self.indicator = get_object_or_404(Indicator.objects.select_related("plan"), pk=pk)
        if not policies.can_edit_indicator_data(request.user, self.indicator):
            raise PermissionDenied
        if not scopes.of_working_plan(request.user, self.indicator):
            return in_another_plan(request, self.indicator.plan)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return _("Values and goals")

    def get_page_subtitle(self):
        return str(self.indicator)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("vahti_indicator_data_index"), "label": _("Indicator values")},
            {"url": "", "label": str(self.indicator)},
        ]

    def _goal_initial(self):
        return [
            {"period": goal.date, "value": goal.value, "scenario": goal.scenario}
            for goal in IndicatorGoal.objects.filter(indicator=self.indicator)
        ]

    def get_context_data(self, **kwargs):
        indicator = self.indicator
        kwargs.setdefault("value_form", ValueForm(indicator=indicator))
        kwargs.setdefault("upload_form", ValuesUploadForm())
        kwargs.setdefault(
            "goal_formset", GoalFormSet(indicator=indicator, initial=self._goal_initial())
        )
        values = (
            IndicatorValue.objects.filter(indicator=indicator)
            .select_related("category__dimension")
            .order_by("-date", "category__dimension__order", "category__order")
        )
        return {
            **super().get_context_data(**kwargs),
            "indicator": indicator,
            "public_url": public_address(indicator.plan, indicator.get_absolute_url()),
            "recent_values": values[:RECENT_VALUES],
            "value_count": values.count(),
            "resolution_per": periods.PER[indicator.time_resolution],
            "can_edit_indicator": policies.can_edit_plan_content(self.request.user, indicator.plan),
        }

    def post(self, request, pk):
        handler = {
            "one": self._save_one,
            "delete": self._delete,
            "check": self._upload,
            "save": self._upload,
            "goals": self._save_goals,
        }.get(request.POST.get("action"))
        if handler is None:
            return redirect(request.path)
        return handler(request)

    def _log(self, action: str, data: dict) -> None:
        log(instance=self.indicator, action=action, user=self.request.user, data=data)

    def _saved_message(self, saved) -> str:
        return _(
            "Saved: %(created)d new, %(updated)d changed, %(deleted)d deleted, "
            "%(unchanged)d unchanged."
        ) % _counts(saved)

    def _save_one(self, request):
        form = ValueForm(request.POST, indicator=self.indicator)
        if form.is_valid():
            try:
                saved = indicator_values_save(self.indicator, [form.row()])
            except ValuesRejected as rejected:
                for problem in rejected.problems:
                    form.add_error(
                        "period" if problem.column == "date" else problem.column, problem.message
                    )
            else:
                self._log("vahti.indicator.values", _counts(saved))
                messages.success(request, self._saved_message(saved))
                return redirect(request.path)
        return self.render_to_response(self.get_context_data(value_form=form))

    def _delete(self, request):
        try:
            value = indicator_value_delete(self.indicator, int(request.POST.get("value", "")))
        except (ValueError, IndicatorValue.DoesNotExist):
            messages.error(request, _("That value no longer exists."))
        else:
            self._log(
                "vahti.indicator.values",
                {"deleted": 1, "date": value.date.isoformat(), "value": value.value},
            )
            messages.success(
                request,
                _("The value of %(period)s was deleted.")
                % {"period": periods.format_period(value.date, self.indicator.time_resolution)},
            )
        return redirect(request.path)

    def _upload(self, request):
        form = ValuesUploadForm(request.POST, request.FILES)
        context = {"upload_form": form}
        if form.is_valid():
            text = form.cleaned_data["csv_text"]
            replace = form.cleaned_data["replace"]
            try:
                rows = parse_values_csv(self.indicator, text)
                dry_run = request.POST["action"] == "check"
                saved = indicator_values_save(
                    self.indicator, rows, replace=replace, dry_run=dry_run
                )
            except ValuesRejected as rejected:
                context["problems"] = rejected.problems
            else:
                if not dry_run:
                    self._log("vahti.indicator.values", {**_counts(saved), "replace": replace})
                    messages.success(request, self._saved_message(saved))
                    return redirect(request.path)
                context["preview"] = saved
            # What was checked stays in the form, a file's text included, to be saved next.
            context["upload_form"] = ValuesUploadForm(initial={"text": text, "replace": replace})
        return self.render_to_response(self.get_context_data(**context))

    def _save_goals(self, request):
        formset = GoalFormSet(request.POST, indicator=self.indicator)
        if formset.is_valid():
            goals = formset.goals()
            try:
                changed = indicator_goals_save(self.indicator, goals)
            except ValidationError as error:
                messages.error(request, "; ".join(_flatten(error)))
            else:
                if changed:
                    self._log(
                        "vahti.indicator.goals",
                        {
                            "goals": [
                                [d.isoformat(), v, s.identifier if s else None] for d, v, s in goals
                            ]
                        },
                    )
                    messages.success(request, _("The goals were saved."))
                else:
                    messages.info(request, _("The goals did not change."))
                return redirect(request.path)
        return self.render_to_response(self.get_context_data(goal_formset=formset))


def _counts(saved) -> dict:
    return {
        "created": saved.created,
        "updated": saved.updated,
        "deleted": saved.deleted,
        "unchanged": saved.unchanged,
    }


def _flatten(error) -> list[str]:
    if hasattr(error, "message_dict"):
        return [
            f"{field}: {message}"
            for field, items in error.message_dict.items()
            for message in items
        ]
    return [str(error)]


@hooks.register("register_admin_urls")
def indicator_data_urls():
    return [
        path(
            "indicator-values/",
            IndicatorDataIndexView.as_view(),
            name="vahti_indicator_data_index",
        ),
        path(
            "indicator-values/<int:pk>/",
            IndicatorDataView.as_view(),
            name="vahti_indicator_data",
        ),
    ]


class IndicatorDataMenuItem(MenuItem):
    def is_shown(self, request):
        return scopes.in_working_plan(
            request.user, policies.indicators_with_data_editable_by(request.user)
        ).exists()


@hooks.register("register_admin_menu_item")
def indicator_data_menu_item():
    return IndicatorDataMenuItem(
        gettext_lazy("Indicator values"),
        reverse("vahti_indicator_data_index"),
        icon_name="table",
        order=106,
    )


@hooks.register("register_log_actions")
def indicator_log_actions(actions):
    @actions.register_action("vahti.indicator.values")
    class ValuesChanged(ThroughToken):
        label = gettext_lazy("Change values")
        message = gettext_lazy("Values changed")
        via_token = gettext_lazy("Values changed through the API token “%(name)s”")

    @actions.register_action("vahti.indicator.goals")
    class GoalsChanged(ThroughToken):
        label = gettext_lazy("Change goals")
        message = gettext_lazy("Goals changed")
        via_token = gettext_lazy("Goals changed through the API token “%(name)s”")
