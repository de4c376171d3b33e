"""Refuse a request whose address or form holds a NUL character: no text in Vahti can
hold one (PostgreSQL refuses them outright), so it is always a broken or hostile
request, and it gets a 400 naming the parameter instead of an error deeper down."""

from __future__ import annotations

from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _


def _bad_parameter(request) -> str | None:
    if "\x00" in request.path_info:
        return "path"
    sources = [request.GET]
    # Form posts, but not uploads: parsing those here would fix their upload handlers
    # before the views that set their own.
    if request.method == "POST" and request.content_type == "application/x-www-form-urlencoded":
        sources.append(request.POST)
    for source in sources:
        for key, values in source.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                return key.replace("\x00", "")
    return None


class RefuseNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        parameter = _bad_parameter(request)
        if parameter is None:
            return self.get_response(request)
        message = _("The parameter %(parameter)s holds a NUL character.") % {"parameter": parameter}
        if request.path_info.startswith("/api/"):
            return JsonResponse(
                {"detail": message, "errors": [{"parameter": parameter, "message": message}]},
                status=400,
            )
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
