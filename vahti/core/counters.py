"""Counts in a time window, kept in the cache (Redis in production, so all processes
share them): failed logins, feedback and API requests per client.

A limit must never take the site down with it. When the cache cannot be reached the
counts go on in this process's own memory (each process then counts only what it sees,
so limits are looser but still there), and the failure is logged; nobody gets a 500.
After a failure the cache is not asked again for ``RETRY_AFTER`` seconds, so that a
Redis that does not answer slows down one request, not every one.
"""

from __future__ import annotations

import logging
import time

from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

logger = logging.getLogger("vahti.limits")

# Used only while the shared cache is unreachable.
_local = LocMemCache("vahti-counters", {"OPTIONS": {"MAX_ENTRIES": 100_000}})
RETRY_AFTER = 10  # seconds
_unavailable_until = 0.0


def _shared():
    """The shared cache, or None while it is known to be unavailable."""
    return cache if time.monotonic() >= _unavailable_until else None


def _failed(what: str, error: Exception) -> None:
    global _unavailable_until
    _unavailable_until = time.monotonic() + RETRY_AFTER
    logger.warning(
        "Cache unavailable, %s in this process for %s seconds: %s", what, RETRY_AFTER, error
    )


def _increment(store, key: str, window: int) -> int:
    store.add(key, 0, timeout=window)
    try:
        return store.incr(key)
    except ValueError:  # expired between add and incr
        store.add(key, 1, timeout=window)
        return 1


def count(key: str, window: int) -> int:
    """Count one more of ``key`` (the window starts with the first); how many so far."""
    shared = _shared()
    if shared is not None:
        try:
            return _increment(shared, key, window)
        except Exception as error:  # any cache failure, whatever the backend
            _failed("counting", error)
    return _increment(_local, key, window)


def current(*keys: str) -> dict[str, int]:
    """How many of each key so far (0 for none)."""
    found = None
    shared = _shared()
    if shared is not None:
        try:
            found = shared.get_many(keys)
        except Exception as error:
            _failed("reading counts", error)
    if found is None:
        found = _local.get_many(keys)
    return {key: int(found.get(key) or 0) for key in keys}


def forget(key: str) -> None:
    shared = _shared()
    if shared is not None:
        try:
            shared.delete(key)
        except Exception as error:
            _failed("forgetting a count", error)
    _local.delete(key)


def reset() -> None:
    """Ask the shared cache again at once, and forget the counts kept here (tests)."""
    global _unavailable_until
    _unavailable_until = 0.0
    _local.clear()
