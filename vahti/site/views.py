"""The public pages. Views stay thin: they find the plan, ask the selectors and render."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from vahti.actions import action_page, front_page, overviews
from vahti.actions.models import Action
from vahti.content import selectors as content_selectors
from vahti.content.models import ContentPage
from vahti.core.addresses import client_address
from vahti.core.i18n import active_language
from vahti.core.origin import same_origin_only
from vahti.feedback import services as feedback_services
from vahti.indicators.selectors import public_indicators
from vahti.orgs.models import Organization
from vahti.plans.models import Category, CategoryType, Plan
from vahti.search import selectors as search_selectors
from vahti.search.models import SearchEntry
from vahti.site import pagecache, pagination
from vahti.site.action_page import action_page_context
from vahti.site.forms import FeedbackForm


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


@require_safe
def action_detail(request, identifier: str):
    plan = request_plan(request)
    try:
        action = action_page.action_for_site(plan, identifier)
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
    action = _feedback_action(plan, identifier) if identifier is not None else None
    here = (
        reverse("site:action-feedback", args=[action.identifier])
        if action
        else reverse("site:feedback")
    )
    status, problem = 200, ""
    if request.method == "POST":
        refused = _feedback_refused(request, plan, action)
        if refused is None:
            return redirect(f"{here}?sent=1#feedback")
        status, problem, form = refused
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


def _feedback_action(plan: Plan, identifier: str) -> Action:
    """The public action the feedback is about; a merged one takes none."""
    try:
        action = action_page.action_for_site(plan, identifier)
    except Action.DoesNotExist:
        raise Http404("No such action in this plan.") from None
    if action.merged_with_id:
        raise Http404("No such action in this plan.")
    return action


def _feedback_refused(request, plan: Plan, action: Action | None):
    """Submit the posted feedback: None when it was taken, else the status, the problem
    to show, and the form again."""
    posted = FeedbackForm(request.POST)
    posted.is_valid()
    data = posted.cleaned_data
    problem, errors = "", {}
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
        return None
    # What was written stays in the form, with a new token and the problems.
    form = FeedbackForm(
        {**request.POST.dict(), "website": "", "token": feedback_services.form_token()}
    )
    form.is_valid()
    for field_name, messages in errors.items():
        form.add_error(None if field_name == "__all__" else field_name, messages)
    return status, problem, form
