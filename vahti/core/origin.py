"""Cross-site request forgery protection for anonymous forms, without a cookie.

Django's CSRF protection pairs a token in the form with a cookie. A public page holding
such a form sets a cookie on every visitor and differs for each, so it can be neither
shared by a cache nor served without cookies. The forms that anonymous residents post
(feedback) are protected instead by what browsers say about where a request comes from
(the approach of Go's ``http.CrossOriginProtection``):

- ``Sec-Fetch-Site`` (all current browsers): only ``same-origin`` or ``none`` (typed
  or bookmarked) are accepted;
- else ``Origin``: it must be this site's, or one of ``CSRF_TRUSTED_ORIGINS``;
- else ``Referer``: the same;
- else the request comes from no browser that could have been tricked (no browser
  sends a cross-site form without one of these), and is accepted.

Everything a signed-in user posts (the admin) keeps Django's token and cookie.
"""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponseForbidden
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


def _origin_of(address: str) -> str | None:
    parts = urlsplit(address)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def cross_site_reason(request: HttpRequest) -> str | None:
    """Why the request looks forged from another site; ``None`` if it does not."""
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site is not None:
        if fetch_site in ("same-origin", "none"):
            return None
        return f"Sec-Fetch-Site: {fetch_site}"
    ours = {f"{request.scheme}://{request.get_host()}".lower()}
    ours |= {origin.lower() for origin in settings.CSRF_TRUSTED_ORIGINS}
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return None if origin.lower() in ours else f"Origin: {origin}"
    referer = request.META.get("HTTP_REFERER")
    if referer is not None:
        return None if _origin_of(referer) in ours else "Referer from another site"
    return None


def same_origin_only(view):
    """Refuse posts from other sites to ``view`` (see the module's description), in
    place of Django's token check."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if request.method not in SAFE_METHODS and cross_site_reason(request) is not None:
            return HttpResponseForbidden(
                _(
                    "The form was sent from another site, so it was refused. Send it from "
                    "this site's own page."
                ),
                content_type="text/plain; charset=utf-8",
            )
        return view(request, *args, **kwargs)

    return csrf_exempt(checked)
