"""Failed-login throttling, without a third-party service: after ``LIMIT`` failed logins
for one user name from one address within ``WINDOW``, further attempts from there are
refused until the window has passed; one address that fails ``ADDRESS_LIMIT`` times
(trying many names) is refused too. Counts live in the cache (Redis in production, so
all app processes share them).

Refusing by name *and* address means a stranger cannot lock a colleague out from
elsewhere by typing wrong passwords for them.
"""

from __future__ import annotations

import hashlib
import logging

from django.core.cache import cache

LIMIT = 5
ADDRESS_LIMIT = 50
WINDOW = 15 * 60  # seconds

logger = logging.getLogger("vahti.access")


def client_address(request) -> str:
    # Behind a proxy, SecurityMiddleware/proxy settings make REMOTE_ADDR the client's.
    return (request.META.get("REMOTE_ADDR") or "unknown") if request is not None else "none"


def _keys(username: str, request) -> tuple[str, str]:
    name = hashlib.sha256((username or "").strip().lower().encode()).hexdigest()[:32]
    address = client_address(request)
    return f"login-fail:{name}:{address}", f"login-fail-address:{address}"


def is_locked(username: str, request) -> bool:
    pair, address = _keys(username, request)
    return (cache.get(pair) or 0) >= LIMIT or (cache.get(address) or 0) >= ADDRESS_LIMIT


def record_failure(username: str, request) -> None:
    for key in _keys(username, request):
        cache.add(key, 0, WINDOW)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, WINDOW)
            count = 1
        if key.startswith("login-fail:") and count == LIMIT:
            logger.warning(
                "Login locked for %s minutes after %s failures from %s",
                WINDOW // 60,
                LIMIT,
                client_address(request),
            )


def clear(username: str, request) -> None:
    pair, _address = _keys(username, request)
    cache.delete(pair)
