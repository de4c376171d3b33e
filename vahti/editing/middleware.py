"""Admin areas that span every plan are for the installation's superusers only."""

from __future__ import annotations

from django.shortcuts import redirect

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
