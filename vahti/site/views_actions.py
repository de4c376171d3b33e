"""The plan's actions on the public site: the filtered list, the dashboard, their
history, and the dashboard's rows as a download."""

from __future__ import annotations

from html import unescape

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.html import strip_tags
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from vahti.actions import selectors
from vahti.actions.dashboard import dashboard_rows
from vahti.actions.dashboard_distributions import distributions, over_time
from vahti.actions.dashboard_sorting import sorted_ids
from vahti.actions.filters import ActionFilters, filtered_actions
from vahti.actions.listing import action_list_page
from vahti.actions.models import Action
from vahti.core import spreadsheets
from vahti.site import dashboard as table
from vahti.site import pagination
from vahti.site.forms import ActionFilterForm, HistoryDayForm
from vahti.site.views import request_plan


def _without_empty_filters(request) -> str | None:
    """The address with its empty filters left out (the form sends every field), when
    that differs from the one asked for: the address is what people share."""
    given = [(key, value) for key in request.GET for value in request.GET.getlist(key)]
    kept = [(key, value) for key, value in given if value.strip()]
    if len(kept) == len(given):
        return None
    return request.path + (f"?{urlencode(kept)}" if kept else "")


def _filtered(request, plan):
    form = ActionFilterForm(request.GET or None, plan=plan)
    filters = form.filters() if request.GET else ActionFilters()
    return form, filters, filtered_actions(plan, filters)


def _view_links(request) -> dict[str, str]:
    """The same filtered set as a list and as a dashboard (the table's sorting and
    paging belong to the dashboard only)."""
    params = request.GET.copy()
    for key in ("view", "sort", "page"):
        params.pop(key, None)
    params.pop("on", None)
    rest = params.urlencode()
    return {
        "list": request.path + (f"?{rest}" if rest else ""),
        "dashboard": f"{request.path}?view=dashboard" + (f"&{rest}" if rest else ""),
        "history": f"{request.path}?view=history" + (f"&{rest}" if rest else ""),
    }


def _export_links(request) -> dict[str, str]:
    """The downloads of every filtered row, in the table's order."""
    exports = request.GET.copy()
    for key in ("view", "page"):
        exports.pop(key, None)
    query = f"?{exports.urlencode()}" if exports else ""
    return {
        "csv": reverse("site:action-export", kwargs={"format": "csv"}) + query,
        "xlsx": reverse("site:action-export", kwargs={"format": "xlsx"}) + query,
    }


@require_safe
def action_list(request):
    """The plan's actions, filtered, as a list, a dashboard or their history."""
    plan = request_plan(request)
    clean_address = _without_empty_filters(request)
    if clean_address and not request.htmx:
        return redirect(clean_address)
    form, filters, actions = _filtered(request, plan)
    view = request.GET.get("view")
    view = view if view in ("dashboard", "history") else "list"
    context = {
        "plan": plan,
        "nav": "actions",
        "form": form,
        "filters": filters,
        "view": view,
        "view_links": _view_links(request),
        "sort": request.GET.get("sort", ""),
    }
    if form.errors:
        # Rows the bad filter did not narrow would pass for its result: none are shown
        # until it is fixed (the form names it and keeps what was typed).
        results, shown = "site/includes/action_filter_problem.html", {}
    else:
        results, shown = RESULTS[view](request, plan, form, filters, actions)
    context |= shown
    context["results_template"] = results
    # With htmx the form asks for the results only; the address bar keeps the filters.
    # Going back in history asks for the whole page again.
    partial = request.htmx and not request.htmx.history_restore_request
    if partial and clean_address:
        # The language switch, updated with the results, links the pushed address.
        context["page_address"] = clean_address
    response = render(request, results if partial else "site/action_list.html", context)
    if partial and clean_address:
        response["HX-Push-Url"] = clean_address
    patch_vary_headers(response, ["HX-Request"])
    return response


def _dashboard(request, plan, form, filters, actions) -> tuple[str, dict]:
    """The dashboard's table, sorted and paged, and its distributions."""
    today = selectors.plan_today(plan)
    lookups = form.lookups()
    order = sorted_ids(plan, actions, today, request.GET.get("sort"), lookups)
    page = Paginator(order, table.PAGE_SIZE).get_page(request.GET.get("page"))
    shown = list(page.object_list)
    page.object_list = dashboard_rows(plan, actions.filter(pk__in=shown), today, shown, lookups)
    return "site/includes/action_dashboard.html", {
        "action_count": len(order),
        "distributions": distributions(
            plan, actions, today, lookups, whole_plan=not filters.active
        ),
        "page": page,
        "page_links": pagination.page_links(request.path, request.GET, page),
        "headers": table.sort_headers(request.path, request.GET, lookups.plan_fields),
        "export_links": _export_links(request),
        "plan_update_target": plan.update_target,
    }


def _history(request, plan, form, filters, actions) -> tuple[str, dict]:
    """How the filtered actions stood on a past day."""
    today = selectors.plan_today(plan)
    history_form = HistoryDayForm(request.GET, today=today)
    # Every action of the plan, public now or not: what was public on a past day
    # counts then (filtered by what the actions are now).
    counted = filtered_actions(plan, filters, among=Action.objects.for_plan(plan))
    return "site/includes/action_history.html", {
        "history_form": history_form,
        "over_time": over_time(plan, counted, history_form.day(), form.lookups()),
        "action_count": actions.count(),
    }


def _listing(request, plan, form, filters, actions) -> tuple[str, dict]:
    """The filtered actions grouped by theme, a page at a time."""
    listing = action_list_page(
        plan, actions, request.GET.get("page"), whole_plan=not filters.active
    )
    page = listing.page
    return "site/includes/action_results.html", {
        "action_count": listing.action_count,
        "groups": listing.groups,
        "page": page,
        "page_links": pagination.page_links(request.path, request.GET, page),
        "themes": pagination.theme_links(request.path, request.GET, listing.themes, page.number),
        "export_links": _export_links(request),
    }


# The results template and context of each way of showing the filtered actions.
RESULTS = {"dashboard": _dashboard, "history": _history, "list": _listing}


@require_safe
def action_export(request, format: str):
    """The dashboard's rows, every one of them, for the same filters and in the same
    order, as CSV or as an Excel workbook."""
    plan = request_plan(request)
    form, _filters, actions = _filtered(request, plan)
    if form.errors:
        # Not every row while a filter asked for could not be used: say which.
        lines = [_("Some filters could not be used:")]
        for name, errors in form.errors.items():
            if name == NON_FIELD_ERRORS:  # a parameter that names no filter, named in each
                lines.extend(errors)
                continue
            label = unescape(strip_tags(form.fields[name].label)) if name in form.fields else name
            lines.extend(f"{label}: {error}" for error in errors)
        return HttpResponseBadRequest("\n".join(lines), content_type="text/plain; charset=utf-8")
    today, lookups = selectors.plan_today(plan), form.lookups()
    order = sorted_ids(plan, actions, today, request.GET.get("sort"), lookups)
    fields = lookups.plan_fields.fields  # every public one, texts too
    rows = dashboard_rows(plan, actions, today, order, lookups, fields)
    base_url = request.build_absolute_uri("/").removesuffix("/")
    # Built here, in the request's language and plan, not later while streaming.
    data = list(table.export_rows(rows, base_url, fields))
    filename = f"{plan.identifier}-actions-{selectors.plan_today(plan).isoformat()}"
    if format == "csv":
        return spreadsheets.csv_response(data, f"{filename}.csv")
    return spreadsheets.xlsx_response(
        data,
        f"{filename}.xlsx",
        sheet_title=str(_("Actions")),
        widths=[10, 60, 30, 30, 20, 20, 10, 10, 12, 14, 50, *(20 for _field in fields)],
    )
