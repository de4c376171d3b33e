"""URLs. The public site is built once per primary language (see vahti.site.locale):
``vahti.urls`` serves plans whose primary language is ``settings.LANGUAGE_CODE``,
``vahti.urls_<code>`` the others."""

import types

from django.conf import settings
from django.urls import include, path, re_path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from vahti.api.api import api
from vahti.core.media import media_file
from vahti.editing.accounts import PasswordResetConfirmView
from vahti.editing.scoping import guard_page_chooser
from vahti.site import views_hosts
from vahti.site.locale import plan_language_patterns, register_urlconfs

handler404 = "vahti.site.views.page_not_found"
handler500 = "vahti.core.timelimit.server_error"


def build_urlpatterns(primary_language: str) -> list:
    guard_page_chooser(wagtailadmin_urls.urlpatterns)
    patterns = [
        # Before Wagtail's own, which it replaces.
        path(
            "admin/password_reset/confirm/<uidb64>/<token>/",
            PasswordResetConfirmView.as_view(),
            name="wagtailadmin_password_reset_confirm",
        ),
        path("admin/", include(wagtailadmin_urls)),
        path("documents/", include(wagtaildocs_urls)),
        path("api/v1/", api.urls),
        # Per host (robots.txt) and per plan, in no language.
        path("robots.txt", views_hosts.robots_txt, name="robots-txt"),
        path("sitemap.xml", views_hosts.sitemap_xml, name="sitemap-xml"),
        path("brand.css", views_hosts.brand_css, name="brand-css"),
    ]
    if settings.SSO_ENABLED:
        patterns.append(path("oidc/", include("mozilla_django_oidc.urls")))
    if settings.SERVE_MEDIA:
        patterns.append(
            re_path(
                rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$",
                media_file,
                {"document_root": settings.MEDIA_ROOT},
            )
        )
    patterns += plan_language_patterns(
        path("", include("vahti.site.urls")),
        path("", include("vahti.api.reference")),
        path("", include("vahti.exchange.views")),
        default_language=primary_language,
    )
    return patterns


def _urlconf(primary_language: str) -> types.ModuleType:
    module = types.ModuleType(f"{__name__}_{primary_language}")
    module.urlpatterns = build_urlpatterns(primary_language)
    module.handler404 = handler404
    module.handler500 = handler500
    return module


urlpatterns = build_urlpatterns(settings.LANGUAGE_CODE)
register_urlconfs(__name__, _urlconf)
