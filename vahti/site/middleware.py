"""Find the plan a request is for and read its texts in that plan's language."""

from __future__ import annotations

from contextlib import ExitStack, contextmanager

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import get_script_prefix, set_script_prefix
from django.utils import timezone

from vahti.core.i18n import primary_language
from vahti.plans.selectors import route_for_request

# Answered at the root of a host that serves plans under path prefixes only.
HOST_ROOT_PATHS = ("/admin/", "/documents/", "/oidc/", "/media/", "/static/", "/robots.txt")


class PlanMiddleware:
    """Sets ``request.plan`` (and ``request.plan_prefix``). On the public site texts then
    fall back to the plan's primary language and times are shown in the plan's time
    zone, for this request only. The admin, which shows objects of any plan the user may
    see, is left to each object's own plan and the user's own time zone.

    A plan served under a path prefix (``/espoo/…``) has the prefix moved from the path
    into the script prefix, for this request only: every address the site reverses then
    carries it. A host that serves plans under prefixes only answers its root with the
    index of its plans."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        route = route_for_request(request)
        request.plan = plan = route.plan
        request.plan_prefix = route.prefix
        request.plan_on_host = route.on_host
        if route.index:
            if request.path_info == "/":
                from vahti.site.views_hosts import plan_index

                return plan_index(request)
            if not request.path_info.startswith(HOST_ROOT_PATHS):
                raise Http404
        with ExitStack() as stack:
            if route.prefix:
                rest = request.path_info[len(route.prefix) + 1 :]
                if not rest:
                    query = request.META.get("QUERY_STRING", "")
                    return HttpResponsePermanentRedirect(
                        f"{request.path}/" + (f"?{query}" if query else "")
                    )
                if rest.startswith("/admin/"):
                    raise Http404  # the admin is at the host's root only
                request.path_info = rest
                request.META["SCRIPT_NAME"] = (
                    request.META.get("SCRIPT_NAME", "").rstrip("/") + f"/{route.prefix}"
                )
                stack.enter_context(script_prefix(f"/{route.prefix}/"))
            if plan is not None and not request.path_info.startswith("/admin/"):
                stack.enter_context(primary_language(plan.primary_language))
                stack.enter_context(timezone.override(plan.tzinfo))
            return self.get_response(request)


@contextmanager
def script_prefix(prefix: str):
    """Add ``prefix`` to the script prefix while the request is answered. The script
    prefix is Django's per thread (per context under ASGI); it is put back afterwards,
    so the next request the thread answers starts from the server's own."""
    before = get_script_prefix()
    set_script_prefix(before.rstrip("/") + prefix)
    try:
        yield
    finally:
        set_script_prefix(before)


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
