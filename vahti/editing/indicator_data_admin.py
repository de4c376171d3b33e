"""The admin page for an indicator's values and goals ("Values and goals"), for plan
admins and for the indicator's contact persons, who keep them current: one value at a
time, or many pasted or uploaded as CSV, checked first and saved only when every row is
right. Its list of the indicators a user keeps, its menu item and its log actions.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Max
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from vahti.access import policies, scopes
from vahti.editing.api_tokens import ThroughToken
from vahti.editing.indicator_forms import GoalFormSet, ValueForm, ValuesUploadForm
from vahti.editing.working_plan import in_another_plan
from vahti.indicators import periods
from vahti.indicators.models import (
    Indicator,
    IndicatorGoal,
    IndicatorValue,
)
from vahti.indicators.services import (
    indicator_goals_save,
    indicator_value_delete,
    indicator_values_save,
)
from vahti.indicators.value_rows import ValuesRejected, parse_values_csv
from vahti.plans.selectors import public_address

# How many of the latest values the page lists (all of them are in the CSV download).
RECENT_VALUES = 60


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
