"""The shared page cache of the public site.

An anonymous visitor's page is rendered once and then served from the cache (Redis when
``REDIS_URL`` is set, so every app process shares it) until something it shows changes.
Each page is kept with the *data version* of its plan and the *routing version* (which
plan serves which host) that were current when it was rendered
(``vahti.plans.changes``), and with the plan's date that day. It is served only while
all three are still current: a change to the plan's data, a new domain or the next
day (pages say what is late) makes it stale at once, in every process, with no list of
pages to forget. Pages of other plans stay cached.

Each process also keeps the pages it served last in its own memory (:class:`LocalPages`,
``PAGE_CACHE_LOCAL_MB``), checked by the same rule, and with Redis the versions are
tracked there too (``vahti.core.tracking``: Redis says when one changes), so serving a page
the process has served before asks Redis nothing: about as fast as a static file.

Not cached, and marked private for browsers: anything for a signed-in editor (a session
cookie) or with an ``Authorization`` header, the admin, the API (it has its own
conditional answers), files, and any answer that sets a cookie, varies on anything but
htmx's header, or is not a 200.

Cached answers carry an ``ETag`` and ``Cache-Control: public, no-cache`` (a browser or
a CDN asks again every time and gets a 304 while nothing changed; ``CDN_MAX_AGE`` lets a
CDN keep pages that many seconds without asking). ``X-Vahti-Cache`` says ``hit``,
``miss`` or ``bypass``.

What must differ on every answer is put in when it is sent: the feedback form's signed
time stamp is a placeholder in the cached page.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core import checks
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.http import parse_etags, quote_etag

from vahti.plans import changes
from vahti.site.pagestore import Entry, LocalPages

logger = logging.getLogger("vahti.pagecache")

# Put into cached pages where the feedback form's time stamp goes (see fill_in).
FORM_TOKEN = "vahti-form-token-filled-in-when-sent"  # noqa: S105 - not a secret

# Never from the page cache: the admin, the API, files and the health check.
NOT_PAGES = ("/admin/", "/api/", "/static/", "/media/", "/documents/", "/healthz", "/oidc/")
# The only request headers a public page may vary on: htmx's (a partial), compression.
KEYED_HEADERS = ("HTTP_HX_REQUEST", "HTTP_HX_TARGET", "HTTP_HX_HISTORY_RESTORE_REQUEST")
ALLOWED_VARY = {"hx-request", "hx-target", "hx-history-restore-request", "accept-encoding"}
# Headers of the rendered answer that are not kept with it.
NOT_KEPT = {"set-cookie", "date", "expires", "etag", "content-length", "x-vahti-cache"}


def _build() -> str:
    """Changes with every new release of the code, templates, translations or static
    files, so that pages rendered by the old one are not served by the new one."""
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for folder, pattern in (
        (".", "requirements.lock"),  # the libraries' versions
        ("vahti", "**/*.py"),
        ("templates", "**/*"),
        ("locale", "**/*.mo"),
        ("var/static", "staticfiles.json"),
    ):
        for path in sorted((root / folder).glob(pattern)):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}\n".encode())
    return digest.hexdigest()[:12]


BUILD = _build()


local_pages = LocalPages(settings.PAGE_CACHE_LOCAL_BYTES)


def _seconds() -> int:
    return settings.PAGE_CACHE_SECONDS


def _is_page(request: HttpRequest) -> bool:
    """Not one of NOT_PAGES, at the host's root or under a plan's path prefix."""
    path = request.path_info
    unprefixed = "/" + path.lstrip("/").partition("/")[2]
    return not (path.startswith(NOT_PAGES) or unprefixed.startswith(NOT_PAGES))


def _personal(request: HttpRequest) -> bool:
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META


def _key(request: HttpRequest, host: str) -> str:
    # The scheme too: feeds and emails' links are absolute.
    parts = [
        request.scheme,
        host,
        request.get_full_path(),
        *(request.META.get(h, "") for h in KEYED_HEADERS),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"vahti:page:{BUILD}:{digest}"


def _today(time_zone: str) -> str:
    return datetime.datetime.now(ZoneInfo(time_zone)).date().isoformat()


_token: tuple[int, bytes] = (0, b"")


def _form_token() -> bytes:
    """The feedback form's signed time stamp, made once a second: it says when the form
    was shown, the same for everyone then, and signing takes longer than the rest of
    serving a page from the cache."""
    global _token
    second = int(time.time())
    if _token[0] != second:
        from vahti.feedback.services import form_token

        _token = (second, form_token().encode())
    return _token[1]


def fill_in(response: HttpResponse) -> HttpResponse:
    """Put what must be new on every answer into the page."""
    if (
        not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and FORM_TOKEN.encode() in response.content
    ):
        response.content = response.content.replace(FORM_TOKEN.encode(), _form_token())
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
    return response


def _cache_headers(response: HttpResponse, entry: Entry) -> None:
    response["ETag"] = entry.etag
    # Set whole: the page's own headers never carry Cache-Control (see _storable). A page
    # with a form's time stamp is not kept by a CDN: it would give everyone the same one.
    response["Cache-Control"] = (
        f"public, max-age=0, s-maxage={settings.CDN_MAX_AGE}"
        if settings.CDN_MAX_AGE and not entry.fills
        else "public, no-cache"
    )


def _not_modified(request: HttpRequest, entry: Entry) -> bool:
    """Whether the browser's copy may be shown again. Never one with a form's time stamp:
    the copy's says when the browser got it, up to a day ago, and a form sent with it
    would be refused as open too long (or pass as written slowly when it was not)."""
    wanted = request.META.get("HTTP_IF_NONE_MATCH")
    if not wanted or entry.fills:
        return False
    # Compared weakly: a compressed answer's ETag is made weak (vahti.core.compression).
    return entry.etag in {etag.removeprefix("W/") for etag in parse_etags(wanted)} or (
        wanted.strip() == "*"
    )


def _answer(request: HttpRequest, entry: Entry, state: str) -> HttpResponse:
    if _not_modified(request, entry):
        response = HttpResponseNotModified()
        for name, value in entry.headers:
            if name.lower() in ("vary", "content-language", "cache-control"):
                response[name] = value
    else:
        response = HttpResponse(entry.body, status=entry.status, headers=dict(entry.headers))
        if entry.fills:
            fill_in(response)
    _cache_headers(response, entry)
    response["X-Vahti-Cache"] = state
    return response


def _headless(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """A HEAD request gets the headers of the page (from the cache too), not its body."""
    if request.method == "HEAD" and not response.streaming and response.content:
        response["Content-Length"] = str(len(response.content))
        response.content = b""
    return response


def _storable(request: HttpRequest, response: HttpResponse, plan_id: int) -> bool:
    plan = getattr(request, "plan", None)
    if (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or plan is None
        or plan.pk != plan_id
        or len(response.content) > settings.PAGE_CACHE_MAX_BYTES
    ):
        return False
    if response.has_header("Cache-Control"):  # the view decided how it may be kept
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return vary <= ALLOWED_VARY


def _current(entry: Entry) -> bool:
    """Whether the page is what would be rendered now: nothing it shows has changed."""
    return (
        _safely(changes.versions, entry.plan_id) == (entry.data_version, entry.routing_version)
        and _today(entry.time_zone) == entry.day
    )


def _route(request: HttpRequest, host: str) -> tuple[int, str, int] | None:
    """The plan id and time zone the host and the path's first segment (a plan's path
    prefix, or not) are served, and the routing version they hold for; from the cache,
    else one query. None for a host's index of its plans, which is not kept."""
    from vahti.plans.prefixes import first_segment
    from vahti.plans.selectors import route_for_request

    routing = changes.routing_version()
    segment = first_segment(request.path_info)
    key = "vahti:route:" + hashlib.sha256(f"{host}\n{segment}".encode()).hexdigest()
    known = cache.get(key)
    if known is not None and known[2] == routing:
        return known
    found = route_for_request(request)
    plan = found.plan
    if plan is None or found.index:
        return None
    route = (plan.pk, plan.time_zone, routing)
    cache.set(key, route, timeout=_seconds())
    return route


class PageCacheMiddleware:
    """Serve public pages from the shared cache; see the module's description. Goes
    before the session, plan and language middleware: a page served from the cache
    needs none of them, and no query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _is_page(request):
            return self.get_response(request)
        return _headless(request, self._answer(request))

    def _answer(self, request: HttpRequest) -> HttpResponse:
        if _personal(request) or request.method not in ("GET", "HEAD"):
            response = self.get_response(request)
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
            response["X-Vahti-Cache"] = "bypass"
            return fill_in(response)
        if not _seconds():
            return fill_in(self.get_response(request))
        try:
            # With the port: pages print it in their links (hreflang, feeds).
            host = request.get_host()
        except DisallowedHost:
            return self.get_response(request)  # answered by Django's own 400
        try:
            return self._cached(request, host)
        except CacheUnavailable:
            return fill_in(self.get_response(request))

    def _cached(self, request: HttpRequest, host: str) -> HttpResponse:
        key = _key(request, host)
        entry = local_pages.get(key)
        if entry is not None:
            if _current(entry):
                return _answer(request, entry, "hit")
            local_pages.discard(key)
        entry = _safely(cache.get, key)
        if entry is not None and _current(entry):
            local_pages.put(key, entry)
            return _answer(request, entry, "hit")
        # Read the versions before the page is rendered: a change committed while it
        # renders moves them on, and the page is not kept as current.
        route = _safely(_route, request, host)
        if route is None:
            return fill_in(self.get_response(request))
        plan_id, time_zone, routing = route
        data_version = _safely(changes.data_version, plan_id)
        if data_version is None or routing is None:  # the cache keeps no versions now
            return fill_in(self.get_response(request))
        day = _today(time_zone)
        response = self.get_response(request)
        if not _storable(request, response, plan_id):
            return fill_in(response)
        body = response.content
        entry = Entry(
            plan_id=plan_id,
            data_version=data_version,
            routing_version=routing,
            day=day,
            time_zone=time_zone,
            status=response.status_code,
            headers=tuple(
                (name, value)
                for name, value in response.headers.items()
                if name.lower() not in NOT_KEPT
            ),
            body=body,
            # The day too: a browser revalidating on another day gets the page anew
            # (a page with a form's time stamp is sent anew every time: _not_modified).
            etag=quote_etag(hashlib.sha256(body + day.encode()).hexdigest()[:32]),
            fills=FORM_TOKEN.encode() in body,
        )
        try:
            cache.set(key, entry, timeout=_seconds())
        except Exception:
            logger.warning("page cache: could not store %s", request.path, exc_info=True)
        else:
            local_pages.put(key, entry)
        return _answer(request, entry, "miss")


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """The page cache in production needs one cache for every process: a version moved
    on in one gunicorn worker's own memory would leave the others serving stale pages."""
    backend = settings.CACHES["default"]["BACKEND"]
    if _seconds() and not settings.DEBUG and backend.endswith("LocMemCache"):
        return [
            checks.Error(
                "The page cache is on (PAGE_CACHE_SECONDS) but the cache is each process's "
                "own memory, so one process would not see another's changes.",
                hint="Set REDIS_URL, or PAGE_CACHE_SECONDS=0 to serve without a page cache.",
                id="vahti.E001",
            )
        ]
    return []


class CacheUnavailable(Exception):
    pass


def _safely(function, *args):
    """Call the cache; if it is down, pages are rendered as if there were none."""
    try:
        return function(*args)
    except Exception as error:
        logger.warning("page cache unavailable: %s", error)
        raise CacheUnavailable from error
