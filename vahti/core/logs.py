"""Structured logs: with ``LOG_FORMAT=json`` (the default without ``DEBUG``) every log
record is one JSON object on one line (time, level, logger, message and any fields the
call gave in ``extra``), ready for a log collector; and every request is logged once, by
:class:`RequestLogMiddleware`, with its method, path, status, time, the number of SQL
queries where they are counted, and whether the page came from the page cache.

Addresses, user agents and query strings are not logged: they can tell who read what.
"""

from __future__ import annotations

import datetime
import json
import logging
import time

from django.db import connection

request_logger = logging.getLogger("vahti.request")

# Attributes every LogRecord has; anything else on a record came from ``extra``.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name, value in vars(record).items():
            if name not in _STANDARD and not name.startswith("_"):
                entry[name] = value if isinstance(value, str | int | float | bool) else str(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class RequestLogMiddleware:
    """One line per request on ``vahti.request`` (INFO; 5xx at ERROR)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_logger.isEnabledFor(logging.INFO):
            return self.get_response(request)
        start = time.perf_counter()
        before = len(connection.queries) if connection.queries_logged else None
        response = self.get_response(request)
        fields = {
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - start) * 1000, 2),
            "cache": response.get("X-Vahti-Cache", ""),
        }
        if before is not None:
            fields["queries"] = len(connection.queries) - before
        level = logging.ERROR if response.status_code >= 500 else logging.INFO
        request_logger.log(
            level,
            "%s %s %s %.1f ms",
            request.method,
            request.path,
            response.status_code,
            fields["duration_ms"],
            extra=fields,
        )
        return response
