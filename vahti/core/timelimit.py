"""A request's time limit: its database work stops at a deadline, or when its client has
gone, so that an abandoned or runaway render cannot hold a worker thread (and starve the
requests queued behind it) until it is done.

``REQUEST_TIME_LIMIT`` seconds for public pages, downloads and the API,
``ADMIN_REQUEST_TIME_LIMIT`` for the admin (0: no limit). While a request runs, every
query it makes goes through a guard (Django's ``execute_wrapper``) that

- refuses to start a query once the deadline has passed or the client has gone (the
  client's socket is looked at, at most once a second, where gunicorn gives it: a
  request done within a second is never looked at. A client that shuts its sending side
  after its request, which browsers, proxies and HTTP libraries do not, counts as gone);
- bounds each query by the time left: on PostgreSQL a ``statement_timeout`` set on the
  connection (lowered as the deadline nears, reset when the request ends); on SQLite a
  progress handler that interrupts the query.

The request then answers 503 ("the page took too long", with ``Retry-After``) and is
logged as a warning, never as a 500 with a traceback; the transaction the query ran in
is rolled back by its ``atomic`` block, as for any other error.

Only requests are limited: management commands, the reminders and the admin's
background import (vahti.exchange.progress runs it in a thread of its own, whose database
connection no request guards) run as long as they need.
"""

from __future__ import annotations

import logging
import select
import socket
import sys
import time
from contextlib import ExitStack, contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views import defaults

logger = logging.getLogger("vahti.timelimit")

RETRY_AFTER = 30  # seconds a client is asked to wait before it tries again
CLIENT_CHECK_EVERY = 1.0  # seconds between looks at the client's socket
# SQLite calls the progress handler every this many virtual machine instructions (a
# fraction of a millisecond: the handler itself costs next to nothing).
SQLITE_STEPS = 10_000
# PostgreSQL's statement_timeout is lowered to the time left once that is below this
# share of the timeout set last: a few statements per request, not one per query.
LOWER_BELOW = 0.75


# Inside :func:`unlimited`: the request's queries run without its deadline.
_unlimited: ContextVar[bool] = ContextVar("vahti_unlimited", default=False)


@contextmanager
def unlimited():
    """Work a request does for others too, which must not be lost half-done when the
    request's own time runs out (the plan document, built once for every client): its
    queries run past the deadline. The request is stopped at its next query after."""
    token = _unlimited.set(True)
    try:
        yield
    finally:
        _unlimited.reset(token)


class RequestTimeLimitExceeded(Exception):
    """The request ran past its deadline, or its client went away: its queries stop."""


def limit_for(request) -> float:
    if request.path_info.startswith("/admin/"):
        return settings.ADMIN_REQUEST_TIME_LIMIT
    return settings.REQUEST_TIME_LIMIT


def client_gone(client: socket.socket) -> bool:
    """Has the client closed its end? (Data waiting, such as a next request on the
    same connection, means it is still there.)"""
    try:
        readable, _writable, _errors = select.select([client], [], [], 0)
        return bool(readable) and client.recv(1, socket.MSG_PEEK) == b""
    except ConnectionError:
        return True
    except (OSError, ValueError):  # closed already, or TLS (no peeking): unknown
        return False


class Deadline:
    def __init__(self, seconds: float, client: socket.socket | None = None):
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self.client = client
        self.client_checked_at = time.monotonic()
        self.reason = ""  # "time" or "client", once one of them stopped the request
        # Once the 503 is being answered, its own queries (a session saved on the way
        # out) run; until then every query is refused, so that code which tolerates a
        # failing query (the page cache does) cannot carry on past the deadline.
        self.answered = False

    def remaining(self) -> float:
        return self.ends - time.monotonic()

    def passed(self) -> bool:
        """Has the time run out or the client gone? Once true, it stays so."""
        if self.reason:
            return True
        now = time.monotonic()
        if now >= self.ends:
            self.reason = "time"
        elif self.client is not None and now - self.client_checked_at >= CLIENT_CHECK_EVERY:
            self.client_checked_at = now
            if client_gone(self.client):
                self.reason = "client"
        return bool(self.reason)

    def stopped(self, reason: str = "time") -> RequestTimeLimitExceeded:
        self.reason = self.reason or reason
        return RequestTimeLimitExceeded(self.reason)


class QueryGuard:
    """The ``execute_wrapper`` of one database connection during one request."""

    def __init__(self, connection, deadline: Deadline):
        self.connection = connection
        self.deadline = deadline
        self.timeout_ms: int | None = None  # PostgreSQL's statement_timeout, as set
        self.sqlite = None  # the SQLite connection given the progress handler

    def __call__(self, execute, sql, params, many, context):
        if _unlimited.get():
            self._unbound(context["cursor"])
            return execute(sql, params, many, context)
        if self.deadline.answered:
            self._unbound(context["cursor"])
            return execute(sql, params, many, context)
        if self.deadline.passed():
            raise self.deadline.stopped()
        self._bound(context["cursor"])
        try:
            return execute(sql, params, many, context)
        except OperationalError as error:
            if not self._interrupted(error):
                raise
            raise self.deadline.stopped() from error

    def _bound(self, cursor) -> None:
        if self.connection.vendor == "postgresql":
            left = max(1, int(self.deadline.remaining() * 1000))
            if self.timeout_ms is None or left < self.timeout_ms * LOWER_BELOW:
                # On the driver's connection: it is the request's frame, not one of the
                # page's queries (their counts are the same on both databases); not on
                # the query's cursor, which for ``.iterator()`` is a server-side one
                # (psycopg would declare a cursor "FOR SET …").
                with self.connection.wrap_database_errors:
                    self.connection.connection.execute(f"SET statement_timeout = {left}")
                self.timeout_ms = left
        elif self.connection.vendor == "sqlite":
            raw = self.connection.connection
            if raw is not self.sqlite:
                raw.set_progress_handler(self._sqlite_progress, SQLITE_STEPS)
                self.sqlite = raw

    def _unbound(self, cursor) -> None:
        if self.timeout_ms is not None:
            with self.connection.wrap_database_errors:
                self.connection.connection.execute("RESET statement_timeout")
            self.timeout_ms = None

    def _sqlite_progress(self) -> int:
        if _unlimited.get() or self.deadline.answered:
            return 0
        return 1 if self.deadline.passed() else 0

    def _interrupted(self, error: OperationalError) -> bool:
        cause = error.__cause__
        if self.connection.vendor == "postgresql":
            from psycopg import errors

            return isinstance(cause, errors.QueryCanceled)
        return str(cause) == "interrupted" and bool(self.deadline.reason)

    def release(self) -> None:
        """Leave the connection as the next request (or a job) expects it."""
        raw = self.connection.connection
        if raw is None:
            return
        if self.sqlite is not None and raw is self.sqlite:
            raw.set_progress_handler(None, 0)
        elif self.timeout_ms is not None:
            try:
                with self.connection.wrap_database_errors:
                    raw.execute("RESET statement_timeout")
            except Exception:
                # A connection that cannot even reset is not handed on as it is.
                if not self.connection.in_atomic_block:
                    self.connection.close()


def too_long(request, deadline: Deadline) -> HttpResponse:
    """The answer of a stopped request: a page of its own that needs no query (the
    database may be what is slow)."""
    deadline.answered = True
    message = _("The page took too long to prepare. Please try again in a moment.")
    if request.path_info.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=503)
    else:
        body = render_to_string("site/too_long.html", {"message": message}, request=None)
        response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    # Logged here, once, as what it is (django.request would add an error line).
    response._has_been_logged = True
    logger.warning(
        "Stopped %s %s: %s",
        request.method,
        request.path,
        "its client went away" if deadline.reason == "client" else "past its time limit",
        extra={"path": request.path, "limit_s": deadline.seconds, "reason": deadline.reason},
    )
    return response


def server_error(request):
    """``handler500``: a request stopped in a middleware (before its view: the page
    cache's or the plan's lookup) is answered as one stopped in its view, without a
    traceback; any other error as Django answers it."""
    deadline = getattr(request, "deadline", None)
    if deadline is not None and isinstance(sys.exc_info()[1], RequestTimeLimitExceeded):
        return too_long(request, deadline)
    return defaults.server_error(request)


class RequestTimeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = limit_for(request)
        if not seconds:
            return self.get_response(request)
        deadline = Deadline(seconds, request.META.get("gunicorn.socket"))
        request.deadline = deadline
        with ExitStack() as stack:
            for connection in connections.all():
                guard = QueryGuard(connection, deadline)
                stack.enter_context(connection.execute_wrapper(guard))
                stack.callback(guard.release)
            response = self.get_response(request)
        if deadline.reason and not deadline.answered and response.status_code == 500:
            # Stopped in a middleware, whose error Django turned into a 500 already (with
            # DEBUG, which shows its own page instead of handler500's).
            response = too_long(request, deadline)
        return response

    def process_exception(self, request, exception):
        deadline = getattr(request, "deadline", None)
        if deadline is None or not isinstance(exception, RequestTimeLimitExceeded):
            return None
        return too_long(request, deadline)
