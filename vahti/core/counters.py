"""Counts in a time window, kept in the cache (Redis in production, so all processes
share them): failed logins, feedback and API requests per client.

A limit must never take the site down with it. When the cache cannot be reached the
counts go on in this process's own memory (each process then counts only what it sees,
so limits are looser but still there), and the failure is logged; nobody gets a 500.
"""

from __future__ import annotations

import logging

from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

logger = logging.getLogger("vahti.limits")

# Used only while the shared cache is unreachable.
_local = LocMemCache("vahti-counters", {"OPTIONS": {"MAX_ENTRIES": 100_000}})


def _increment(store, key: str, window: int) -> int:
    store.add(key, 0, timeout=window)
    try:
        return store.incr(key)
    except ValueError:  # expired between add and incr
        store.add(key, 1, timeout=window)
        return 1


def count(key: str, window: int) -> int:
    """Count one more of ``key`` (the window starts with the first); how many so far."""
    try:
        return _increment(cache, key, window)
    except Exception as error:  # any cache failure, whatever the backend
        logger.warning(
            "Cache unavailable, counting %s in this process: %s", key.split(":")[0], error
        )
        return _increment(_local, key, window)


def current(*keys: str) -> dict[str, int]:
    """How many of each key so far (0 for none)."""
    try:
        found = cache.get_many(keys)
    except Exception as error:
        logger.warning("Cache unavailable, reading counts in this process: %s", error)
        found = _local.get_many(keys)
    return {key: int(found.get(key) or 0) for key in keys}


def forget(key: str) -> None:
    try:
        cache.delete(key)
    except Exception as error:
        logger.warning("Cache unavailable, forgetting a count in this process: %s", error)
    _local.delete(key)
