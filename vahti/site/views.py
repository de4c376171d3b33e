"""The public pages. Views stay thin: they find the plan, ask the selectors and render."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from vahti.actions import front_page, overviews, selectors
from vahti.actions.dashboard import dashboard_rows, distributions, over_time, sorted_ids
from vahti.actions.filters import ActionFilters, filtered_actions
from vahti.actions.listing import action_list_page
from vahti.actions.models import Action
from vahti.content import selectors as content_selectors
from vahti.content.models import ContentPage
from vahti.core import spreadsheets
from vahti.core.addresses import client_address
from vahti.core.i18n import active_language
from vahti.core.origin import same_origin_only
from vahti.feedback import services as feedback_services
from vahti.indicators.selectors import public_indicators
from vahti.orgs.models import Organization
from vahti.plans.models import Category, CategoryType, Plan
from vahti.search import selectors as search_selectors
from vahti.search.models import SearchEntry
from vahti.site import dashboard as table
from vahti.site import pagecache, pagination
from vahti.site.action_page import action_page_context
from vahti.site.forms import ActionFilterForm, FeedbackForm, HistoryDayForm


def request_plan(request: HttpRequest) -> Plan:
    """The request's plan, in one of its languages; anything else is a 404."""
    plan = getattr(request, "plan", None)
    if plan is None:
        raise Http404("No plan is published on this site yet.")
    if active_language() not in plan.languages:
        raise Http404("The plan is not published in this language.")
    return plan


@require_safe
def plan_front_page(request):
    plan = request_plan(request)
    return render(
        request,
        "site/front_page.html",
        {
            "plan": plan,
            "summary": front_page.plan_summary(plan),
            "news": front_page.front_page_news(plan),
        },
    )


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
    }
    if view == "dashboard":
        today = selectors.plan_today(plan)
        lookups = form.lookups()
        order = sorted_ids(plan, actions, today, request.GET.get("sort"), lookups)
        page = Paginator(order, table.PAGE_SIZE).get_page(request.GET.get("page"))
        shown = list(page.object_list)
        page.object_list = dashboard_rows(plan, actions.filter(pk__in=shown), today, shown, lookups)
        context |= {
            "action_count": len(order),
            "distributions": distributions(
                plan, actions, today, lookups, whole_plan=not filters.active
            ),
            "page": page,
            "page_links": pagination.page_links(request.path, request.GET, page),
            "headers": table.sort_headers(request.path, request.GET),
            "sort": request.GET.get("sort", ""),
            "export_links": _export_links(request),
            "plan_update_target": plan.update_target,
        }
        results = "site/includes/action_dashboard.html"
    elif view == "history":
        today = selectors.plan_today(plan)
        history_form = HistoryDayForm(request.GET, today=today)
        # Every action of the plan, public now or not: what was public on a past day
        # counts then (filtered by what the actions are now).
        counted = filtered_actions(plan, filters, among=Action.objects.for_plan(plan))
        context |= {
            "history_form": history_form,
            "over_time": over_time(plan, counted, history_form.day(), form.lookups()),
            "action_count": actions.count(),
        }
        results = "site/includes/action_history.html"
    else:
        listing = action_list_page(
            plan, actions, request.GET.get("page"), whole_plan=not filters.active
        )
        page = listing.page
        context |= {
            "action_count": listing.action_count,
            "groups": listing.groups,
            "page": page,
            "page_links": pagination.page_links(request.path, request.GET, page),
            "themes": pagination.theme_links(
                request.path, request.GET, listing.themes, page.number
            ),
            "export_links": _export_links(request),
        }
        results = "site/includes/action_results.html"
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


@require_safe
def action_export(request, format: str):
    """The dashboard's rows, every one of them, for the same filters and in the same
    order, as CSV or as an Excel workbook."""
    plan = request_plan(request)
    form, _filters, actions = _filtered(request, plan)
    today, lookups = selectors.plan_today(plan), form.lookups()
    order = sorted_ids(plan, actions, today, request.GET.get("sort"), lookups)
    rows = dashboard_rows(plan, actions, today, order, lookups)
    base_url = request.build_absolute_uri("/").removesuffix("/")
    # Built here, in the request's language and plan, not later while streaming.
    data = list(table.export_rows(rows, base_url))
    filename = f"{plan.identifier}-actions-{selectors.plan_today(plan).isoformat()}"
    if format == "csv":
        return spreadsheets.csv_response(data, f"{filename}.csv")
    return spreadsheets.xlsx_response(
        data,
        f"{filename}.xlsx",
        sheet_title=str(_("Actions")),
        widths=[10, 60, 30, 30, 20, 20, 10, 10, 12, 14, 50],
    )


@require_safe
def action_detail(request, identifier: str):
    plan = request_plan(request)
    try:
        action = selectors.action_for_site(plan, identifier)
    except Action.DoesNotExist:
        raise Http404("No such action in this plan.") from None
    if action.merged_with_id and action.merged_with.is_public:
        # Not permanent: a merge can be undone.
        return redirect(action.merged_with)
    if action.merged_with_id or action.identifier != identifier:
        # Merged into an action that is not public, or the identifier was typed in
        # another case: the canonical address is the action's own.
        if action.merged_with_id:
            raise Http404("No such action in this plan.")
        return redirect(action, permanent=True)
    return render(
        request,
        "site/action_detail.html",
        {
            "plan": plan,
            "nav": "action",
            "action": action,
            "feedback_form": FeedbackForm(initial={"token": pagecache.FORM_TOKEN}),
            "feedback_url": reverse("site:action-feedback", args=[action.identifier]),
            **action_page_context(action),
        },
    )


@require_safe
def category_detail(request, type_identifier: str, identifier: str):
    plan = request_plan(request)
    try:
        overview = overviews.category_overview(plan, type_identifier, identifier)
    except (Category.DoesNotExist, CategoryType.DoesNotExist):
        raise Http404("No such category in this plan.") from None
    return render(
        request,
        "site/category_detail.html",
        {"plan": plan, "nav": "actions", "overview": overview},
    )


@require_safe
def organization_detail(request, identifier: str):
    plan = request_plan(request)
    try:
        overview = overviews.organization_overview(plan, identifier)
    except Organization.DoesNotExist:
        raise Http404("No such organisation in this plan.") from None
    return render(
        request,
        "site/organization_detail.html",
        {"plan": plan, "nav": "actions", "overview": overview},
    )


@require_safe
def search(request):
    plan = request_plan(request)
    query = request.GET.get("q", "").strip()[:200]
    kind = request.GET.get("kind") or None
    results = search_selectors.search(
        plan, active_language(), query, kind=kind, page_number=request.GET.get("page")
    )
    kinds = [
        {
            "value": value,
            "label": label,
            "count": results.counts.get(value, 0),
            "url": f"{request.path}?{urlencode({'q': query, 'kind': value})}",
        }
        for value, label in SearchEntry.Kind.choices
    ]
    page = results.page
    return render(
        request,
        "site/search.html",
        {
            "plan": plan,
            "nav": "search",
            "query": query,
            "results": results,
            "kinds": kinds,
            "all_url": f"{request.path}?{urlencode({'q': query})}",
            "page_links": page and pagination.page_links(request.path, request.GET, page),
        },
    )


@require_safe
def data_page(request):
    """Every download, feed and the API, in one place."""
    plan = request_plan(request)
    return render(
        request,
        "site/data.html",
        {
            "plan": plan,
            "nav": "data",
            "organizations": Organization.objects.filter(plan=plan).order_by("order", "pk"),
            "indicators": public_indicators(plan).order_by("sort_key", "pk"),
            "sheets": [
                {"name": "actions", "label": _("actions")},
                {"name": "tasks", "label": _("tasks")},
                {"name": "indicators", "label": _("indicators")},
                {"name": "goals", "label": _("goals")},
                {"name": "values", "label": _("values")},
            ],
        },
    )


@require_safe
def content_page(request, slug: str):
    plan = request_plan(request)
    try:
        page = content_selectors.page_for_site(plan, slug)
    except ContentPage.DoesNotExist:
        raise Http404("No such page in this plan.") from None
    return render(
        request, "site/content_page.html", {"plan": plan, "nav": "page", "content_page": page}
    )


def page_not_found(request, exception):
    context = {"plan": getattr(request, "plan", None), "not_found": True}
    return render(request, "site/404.html", context, status=404)


@same_origin_only
def feedback(request, identifier: str | None = None):
    """A resident's feedback about an action (or the plan in general): the form, its
    errors, and the thanks. Works without JavaScript; the action page has the same form.
    Posts from other sites are refused by where they come from, not by a cookie, so
    that the pages holding the form can be cached (vahti.core.origin)."""
    plan = request_plan(request)
    if not plan.feedback_enabled:
        raise Http404("This plan does not take feedback.")
    action = None
    if identifier is not None:
        try:
            action = selectors.action_for_site(plan, identifier)
        except Action.DoesNotExist:
            raise Http404("No such action in this plan.") from None
        if action.merged_with_id:
            raise Http404("No such action in this plan.")
    here = (
        reverse("site:action-feedback", args=[action.identifier])
        if action
        else reverse("site:feedback")
    )
    status, problem, errors = 200, "", {}
    if request.method == "POST":
        posted = FeedbackForm(request.POST)
        posted.is_valid()
        data = posted.cleaned_data
        try:
            feedback_services.feedback_submit(
                plan, action=action, message=data.get("message", ""), name=data.get("name", ""),
                email=data.get("email", ""), language=active_language(),
                address=client_address(request), token=data.get("token", ""),
                honeypot=data.get("website", ""),
            )  # fmt: skip
        except ValidationError as error:
            status, errors = 400, error.message_dict
        except feedback_services.Throttled:
            status = 429
            problem = _(
                "You have sent several messages within the hour. Thank you! Please send "
                "more a little later."
            )
        else:
            return redirect(f"{here}?sent=1#feedback")
        # What was written stays in the form, with a new token and the problems.
        form = FeedbackForm(
            {**request.POST.dict(), "website": "", "token": feedback_services.form_token()}
        )
        form.is_valid()
        for field_name, messages in errors.items():
            form.add_error(None if field_name == "__all__" else field_name, messages)
    else:
        form = FeedbackForm(initial={"token": pagecache.FORM_TOKEN})
    return render(
        request,
        "site/feedback.html",
        {
            "plan": plan,
            "nav": "feedback",
            "action": action,
            "form": form,
            "sent": request.GET.get("sent") == "1" and request.method == "GET",
            "problem": problem,
            "feedback_url": here,
        },
        status=status,
    )
