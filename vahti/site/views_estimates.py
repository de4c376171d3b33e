"""The public page of the actions' estimated effects: added up per category and for the
plan, beside the plan's emission goal, with the actions that lack an estimate."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_safe

from vahti.indicators.estimates import plan_estimates
from vahti.site.views import request_plan


@require_safe
def estimates(request):
    plan = request_plan(request)
    return render(
        request,
        "site/estimates.html",
        {
            "plan": plan,
            "nav": "estimates",
            "estimates": plan_estimates(plan),
        },
    )
