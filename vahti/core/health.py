"""``/healthz``: is this process able to serve? It checks the database (a query) and the
cache (a write and a read back) and answers 200 with what it found, or 503 naming what
failed. It answers before host validation, redirects and sessions, so a load balancer
or container runtime may ask by the process's own address; it is never cached."""

from __future__ import annotations

import json
import secrets
import time

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse

PATH = "/healthz"


def _timed(check) -> dict:
    start = time.perf_counter()
    try:
        check()
    except Exception as error:
        return {"ok": False, "error": f"{type(error).__name__}: {error}"[:300]}
    return {"ok": True, "ms": round((time.perf_counter() - start) * 1000, 1)}


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("SELECT 1 did not answer 1")


def _cache() -> None:
    key, value = f"vahti:healthz:{secrets.token_hex(8)}", secrets.token_hex(8)
    cache.set(key, value, timeout=10)
    try:
        if cache.get(key) != value:
            raise RuntimeError("a value written was not read back")
    finally:
        cache.delete(key)


def health() -> tuple[bool, dict]:
    found = {"database": _timed(_database), "cache": _timed(_cache)}
    healthy = all(part["ok"] for part in found.values())
    return healthy, {"status": "ok" if healthy else "failing", **found}


class HealthMiddleware:
    """First in the chain: answers ``/healthz`` and nothing else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != PATH:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
        healthy, found = health()
        response = HttpResponse(
            json.dumps(found), content_type="application/json", status=200 if healthy else 503
        )
        response["Cache-Control"] = "no-store"
        return response
