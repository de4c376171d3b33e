"""Find the plan a request is for and read its texts in that plan's language."""

from __future__ import annotations

from contextlib import ExitStack

from django.utils import timezone

from vahti.core.i18n import primary_language
from vahti.plans.selectors import plan_for_request


class PlanMiddleware:
    """Sets ``request.plan``. On the public site texts then fall back to the plan's
    primary language and times are shown in the plan's time zone, for this request
    only. The admin, which shows objects of any plan the user may see, is left to
    each object's own plan and the user's own time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.plan = plan = plan_for_request(request)
        with ExitStack() as stack:
            if plan is not None and not request.path_info.startswith("/admin/"):
                stack.enter_context(primary_language(plan.primary_language))
                stack.enter_context(timezone.override(plan.tzinfo))
            return self.get_response(request)


# Public pages load only our own files: no inline scripts or styles, no third parties.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy for the public site. The Wagtail
    admin (/admin/) sets its own rules and is left alone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith("/admin/"):
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
            response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
