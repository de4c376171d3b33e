"""Public pages of the indicators: the list, one indicator, its values as CSV."""

from __future__ import annotations

import csv

from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from vahti.core.spreadsheets import Echo
from vahti.indicators import estimates, network, periods, selectors, series, summary, trajectory
from vahti.indicators.models import Indicator
from vahti.indicators.value_rows import values_csv_rows
from vahti.site.charts import indicator_chart, series_description
from vahti.site.forms import IndicatorFilterForm
from vahti.site.insight import NODE_HEIGHT, NODE_WIDTH, drawing
from vahti.site.views import request_plan

# What the page says when it shows a long series summarised: (own, shown) resolution.
SUMMARY_NOTES = {
    (periods.DAY, periods.MONTH): gettext_lazy(
        "Daily values summarised per month: the chart and the table show the mean of each "
        "month. The full series is in the CSV download."
    ),
    (periods.DAY, periods.YEAR): gettext_lazy(
        "Daily values summarised per year: the chart and the table show the mean of each "
        "year. The full series is in the CSV download."
    ),
    (periods.MONTH, periods.YEAR): gettext_lazy(
        "Monthly values summarised per year: the chart and the table show the mean of each "
        "year. The full series is in the CSV download."
    ),
}


@require_safe
def indicator_list(request):
    plan = request_plan(request)
    form = IndicatorFilterForm(
        request.GET or None, categories=selectors.indicator_filter_categories(plan)
    )
    filters = form.filters() if request.GET else selectors.IndicatorFilters()
    rows = selectors.indicator_list(plan, filters)
    return render(
        request,
        "site/indicator_list.html",
        {
            "plan": plan,
            "nav": "indicators",
            "form": form,
            "filters": filters,
            "rows": rows,
            "min_points": trajectory.MIN_POINTS,
        },
    )


def _indicator(request, identifier: str) -> Indicator:
    plan = request_plan(request)
    try:
        return selectors.indicator_for_site(plan, identifier)
    except Indicator.DoesNotExist:
        raise Http404("No such indicator in this plan.") from None


@require_safe
def indicator_detail(request, identifier: str):
    indicator = _indicator(request, identifier)
    if indicator.identifier != identifier:
        return redirect(indicator, permanent=True)
    data = selectors.indicator_data(indicator)
    goals = series.plan_goals(data.goals)
    shown = summary.summarised(data, indicator.time_resolution)
    return render(
        request,
        "site/indicator_detail.html",
        {
            "plan": indicator.plan,
            "nav": "indicator",
            "indicator": indicator,
            "data": data,
            "shown": shown,
            "summary_note": SUMMARY_NOTES.get((indicator.time_resolution, shown.resolution), ""),
            "chart": indicator_chart(indicator, data, shown.resolution),
            "chart_description": series_description(
                indicator, shown.data.totals, goals, shown.resolution
            )
            if data.totals
            else "",
            "resolution_per": periods.PER[indicator.time_resolution],
            "goal_gap": estimates.emission_goal_gap(
                indicator.plan,
                estimates.public_emission_total(indicator.plan),
                indicator=indicator,
                totals=data.totals,
            )
            if indicator.is_emission_goal
            else None,
            "trend_years": trajectory.TREND_YEARS,
            "min_points": trajectory.MIN_POINTS,
        },
    )


@require_safe
def indicator_values_csv(request, identifier: str):
    indicator = _indicator(request, identifier)
    writer = csv.writer(Echo())
    rows = (writer.writerow(row) for row in values_csv_rows(indicator))
    response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{indicator.identifier}.csv"'
    return response


@require_safe
def insight(request):
    plan = request_plan(request)
    full = selectors.insight_network(plan)
    focus_identifier = request.GET.get("indicator", "").strip()
    focus = None
    if focus_identifier:
        focus = selectors.public_indicators(plan).identified_by(focus_identifier).only("id").first()
    shown = network.neighbourhood(full, f"indicator:{focus.pk}") if focus else full
    shown = network.without_isolated_actions(shown)
    column_labels = {
        "action": _("Actions"),
        "operational": _("Operational indicators"),
        "tactical": _("Tactical indicators"),
        "strategic": _("Strategic indicators"),
    }
    return render(
        request,
        "site/insight.html",
        {
            "plan": plan,
            "nav": "insight",
            "focus": focus and full.nodes[f"indicator:{focus.pk}"],
            "unknown_focus": focus_identifier if focus_identifier and not focus else "",
            "drawing": drawing(shown, column_labels),
            "tree": network.as_tree(shown),
            "node_width": NODE_WIDTH,
            "node_height": NODE_HEIGHT,
            "indicator_choices": sorted(
                (node for node in full.nodes.values() if node.kind != "action"),
                key=lambda node: node.label.lower(),
            ),
        },
    )
