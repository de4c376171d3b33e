"""What every answer of the API shares: CORS for reads, a rate limit per client, and
conditional GET (``ETag`` from the body, ``Last-Modified`` from the plan's data)."""

from __future__ import annotations

import hashlib
import json
import math
import time

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header

from vahti.access.services import api_token_valid
from vahti.core import counters
from vahti.core.addresses import address_group, client_address

PREFIX = "/api/"
WINDOW = 60  # seconds
READ_METHODS = ("GET", "HEAD", "OPTIONS")
EXPOSED_HEADERS = (
    "ETag, Last-Modified, Link, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset"
)


def client_key(request) -> str:
    """Who is asking: a valid API token (its id), else the client's address (behind a
    proxy too, vahti.core.addresses). A made-up ``Authorization`` header counts as the
    address it comes from, so it cannot buy a fresh count."""
    authorization = request.headers.get("Authorization", "")
    scheme, _space, secret = authorization.partition(" ")
    if scheme.lower() == "bearer" and secret.strip():
        token = api_token_valid(secret)
        if token is not None:
            return f"t:{token.pk}"
    return "a:" + address_group(client_address(request))


def answer_language(request) -> str:
    known = {code for code, _name in settings.LANGUAGES}
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        code = code.split("-")[0].lower()
        if code in known:
            return code
    return "en"


def count_request(key: str, now: float | None = None) -> tuple[int, int]:
    """Count one request of ``key`` in the current minute: (requests so far, seconds
    until the minute ends). Atomic in Redis and in the local cache alike."""
    now = time.time() if now is None else now
    window = int(now // WINDOW)
    count = counters.count(f"api-rate:{key}:{window}", WINDOW + 5)
    return count, max(1, math.ceil((window + 1) * WINDOW - now))


def too_large(request) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > settings.DATA_UPLOAD_MAX_MEMORY_SIZE


class ApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(PREFIX):
            return self.get_response(request)
        # Data comes in every language; messages (errors, the docs) in the one asked
        # for with Accept-Language, else English.
        language = answer_language(request)
        with translation.override(language):
            return self.answer(request, language)

    def answer(self, request, language: str):
        request.LANGUAGE_CODE = language
        limit = settings.API_RATE_LIMIT
        count, reset = count_request(client_key(request))
        if count > limit:
            response = JsonResponse(
                {
                    "detail": _(
                        "Too many requests: at most %(limit)d a minute from one client. "
                        "Try again in %(seconds)d seconds."
                    )
                    % {"limit": limit, "seconds": reset},
                    "errors": [],
                },
                status=429,
            )
            response["Retry-After"] = str(reset)
        elif too_large(request):
            response = JsonResponse(
                {
                    "detail": _(
                        "The request is too large: at most %(megabytes)d MB. Send a long "
                        "series in parts."
                    )
                    % {"megabytes": settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)},
                    "errors": [],
                },
                status=413,
            )
        elif request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ", ".join(READ_METHODS)
            response["Access-Control-Allow-Headers"] = (
                "Accept, Accept-Language, If-None-Match, If-Modified-Since"
            )
            response["Access-Control-Max-Age"] = "86400"
        else:
            response = self.get_response(request)
            if request.method in ("GET", "HEAD") and response.status_code == 200:
                response = self.conditional(request, response)
        response["Content-Language"] = language
        patch_vary_headers(response, ["Accept-Language"])
        response["RateLimit-Limit"] = str(limit)
        response["RateLimit-Remaining"] = str(max(0, limit - count))
        response["RateLimit-Reset"] = str(reset)
        if request.method in READ_METHODS:
            # Reads are public data: any site may fetch them. Writes need a token and
            # are not offered to browsers on other sites.
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        return response

    def conditional(self, request, response):
        if response.streaming:
            return response
        etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:40])
        response["ETag"] = etag
        changed_at = getattr(request, "vahti_data_changed_at", None)
        last_modified = None
        if changed_at is not None:
            last_modified = math.ceil(changed_at.timestamp())
            response["Last-Modified"] = http_date(last_modified)
        response.setdefault("Cache-Control", "public, no-cache")
        patch_vary_headers(response, ["Authorization"])
        return get_conditional_response(
            request, etag=etag, last_modified=last_modified, response=response
        )


def problem(status: int, detail: str, errors: list[dict] | None = None) -> JsonResponse:
    return JsonResponse({"detail": detail, "errors": errors or []}, status=status)


def dumps(data) -> str:
    from django.core.serializers.json import DjangoJSONEncoder

    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
