"""Admin areas that span every plan are for the installation's superusers only."""

from __future__ import annotations

from django.shortcuts import redirect

from vahti.access import scopes
from vahti.core.i18n import plan_languages_remembered

# Wagtail's reports (site history, aging pages, locked pages…) list log entries and
# objects of every plan, filtered only by model-wide permissions.
SUPERUSER_ONLY_PREFIXES = ("/admin/reports/",)


class SuperuserOnlyAdminAreasMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(SUPERUSER_ONLY_PREFIXES):
            user = request.user
            if user.is_authenticated and not user.is_superuser:
                return redirect("wagtailadmin_home")
        return self.get_response(request)


class WorkingPlanMiddleware:
    """In the admin, everything is of the plan the user works in: from here on the
    request's user narrows every admin queryset to it (vahti.access.scopes.work_in_admin).
    Nothing is looked up until a view asks. The admin's objects (the choices of a form,
    the rows of a listing) read their plan's primary language once per plan."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith("/admin/"):
            return self.get_response(request)
        scopes.work_in_admin(request.user)
        with plan_languages_remembered():
            return self.get_response(request)


# The admin loads only our own files too. Its scripts all come from files: Wagtail's few
# inline ones (inline panels, date pickers, choosers) are replaced by data attributes
# that editing/csp-init.js starts (vahti/editing/csp.py). Styles may be inline: Wagtail's
# widgets set style attributes. Frames are its own preview, so framing by itself is allowed.
ADMIN_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)
ADMIN_PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class AdminSecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy for the admin (/admin/); the
    public site sets its own (vahti.site.middleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/admin/"):
            response.headers.setdefault("Content-Security-Policy", ADMIN_CONTENT_SECURITY_POLICY)
            response.headers.setdefault("Permissions-Policy", ADMIN_PERMISSIONS_POLICY)
        return response
