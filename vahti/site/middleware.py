"""Find the plan a request is for and read its texts in that plan's language."""

from __future__ import annotations

from django.http import Http404

from vahti.core.i18n import primary_language
from vahti.plans.selectors import plan_for_request


class PlanMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.plan = plan_for_request(request)
        language = request.plan.primary_language if request.plan else None
        with primary_language(language):
            return self.get_response(request)


def require_plan(request):
    if request.plan is None:
        raise Http404("No plan is published on this site yet.")
    return request.plan
