"""The public pages. Views stay thin: they find the plan, ask the selectors and render."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from vahti.actions import selectors
from vahti.actions.models import Action
from vahti.core.i18n import active_language
from vahti.plans.models import Plan


def _plan(request: HttpRequest) -> Plan:
    """The request's plan, in one of its languages; anything else is a 404."""
    plan = getattr(request, "plan", None)
    if plan is None:
        raise Http404("No plan is published on this site yet.")
    if active_language() not in plan.languages:
        raise Http404("The plan is not published in this language.")
    timezone.activate(plan.tzinfo)
    return plan


@require_safe
def plan_front_page(request):
    plan = _plan(request)
    return render(
        request,
        "site/front_page.html",
        {"plan": plan, "summary": selectors.plan_summary(plan)},
    )


@require_safe
def action_list(request):
    plan = _plan(request)
    actions = selectors.action_cards(plan)
    return render(
        request,
        "site/action_list.html",
        {
            "plan": plan,
            "action_count": len(actions),
            "groups": selectors.grouped_by_primary_category(plan, actions),
        },
    )


@require_safe
def action_detail(request, identifier: str):
    plan = _plan(request)
    try:
        action = selectors.action_for_site(plan, identifier)
    except Action.DoesNotExist:
        raise Http404("No such action in this plan.") from None
    if action.merged_with_id and action.merged_with.is_public:
        return redirect(action.merged_with, permanent=True)
    if action.merged_with_id or action.identifier != identifier:
        # Merged into an action that is not public, or the identifier was typed in
        # another case: the canonical address is the action's own.
        if action.merged_with_id:
            raise Http404("No such action in this plan.")
        return redirect(action, permanent=True)
    return render(
        request,
        "site/action_detail.html",
        {"plan": plan, "action": action, **selectors.action_page_context(action)},
    )


def page_not_found(request, exception):
    return render(request, "site/404.html", {"plan": getattr(request, "plan", None)}, status=404)
