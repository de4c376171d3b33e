"""Failed-login throttling, without a third-party service, such that nobody can lock
another person out from anywhere.

Guesses are slowed down three ways, each counted for ``WINDOW`` (vahti.core.counters):

- one name from one address: after ``LIMIT`` failures that pair is refused;
- one address, whatever the names: after ``ADDRESS_LIMIT`` failures it is refused;
- one name, from every address together: after ``NAME_LIMIT`` failures the name is
  refused to browsers it has not logged in from (guessing from many addresses).

Addresses are the clients' own, also behind a proxy (vahti.core.addresses). The real
owner keeps a way in: a browser that has logged in with the name, or set its password
through an emailed link (a reset, or the welcome email), holds a signed "known browser"
cookie, and there failures are counted for that browser alone (``LIMIT``), never with
the stranger's. From a new browser while the name is refused, the owner resets the
password by email, which makes that browser known.
"""

from __future__ import annotations

import hashlib
import logging
import secrets

from django.conf import settings
from django.core import signing

from vahti.core import counters
from vahti.core.addresses import address_group, client_address

LIMIT = 5
ADDRESS_LIMIT = 50
NAME_LIMIT = 20
WINDOW = 15 * 60  # seconds

COOKIE = "vahti_known_browser"
COOKIE_SALT = "vahti.access.throttle.known-browser"
COOKIE_DAYS = 365

logger = logging.getLogger("vahti.access")

__all__ = ["clear", "client_address", "is_locked", "record_failure", "trust_browser"]


def _name(username: str) -> str:
    return hashlib.sha256((username or "").strip().lower().encode()).hexdigest()[:32]


def _known_browser(username: str, request) -> str | None:
    """The id of this browser when it is known to the owner of ``username``."""
    cookie = request.COOKIES.get(COOKIE) if request is not None else None
    if not cookie:
        return None
    try:
        value = signing.loads(cookie, salt=COOKIE_SALT, max_age=COOKIE_DAYS * 24 * 3600)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict) or _name(username) not in value.get("names", []):
        return None
    return str(value.get("browser", "")) or None


def _keys(username: str, request) -> dict[str, str]:
    name = _name(username)
    browser = _known_browser(username, request)
    if browser is not None:
        return {"browser": f"login-fail-browser:{name}:{browser}"}
    address = address_group(client_address(request))
    return {
        "pair": f"login-fail:{name}:{address}",
        "address": f"login-fail-address:{address}",
        "name": f"login-fail-name:{name}",
    }


LIMITS = {"browser": LIMIT, "pair": LIMIT, "address": ADDRESS_LIMIT, "name": NAME_LIMIT}


def is_locked(username: str, request) -> bool:
    keys = _keys(username, request)
    found = counters.current(*keys.values())
    return any(found[key] >= LIMITS[kind] for kind, key in keys.items())


def record_failure(username: str, request) -> None:
    for kind, key in _keys(username, request).items():
        if counters.count(key, WINDOW) == LIMITS[kind]:
            logger.warning(
                "Logins refused for %s minutes after %s failures (%s) from %s",
                WINDOW // 60,
                LIMITS[kind],
                kind,
                client_address(request),
            )


def clear(username: str, request) -> None:
    """After a successful login: this browser's and this address's failures with the
    name are forgotten (not the name's from elsewhere, which a stranger made)."""
    keys = _keys(username, request)
    for kind in ("browser", "pair"):
        if kind in keys:
            counters.forget(keys[kind])


def trust_browser(request, user) -> None:
    """Remember that this browser belongs to ``user`` (set on the answer by
    :class:`KnownBrowserMiddleware`): their login name and email address."""
    names = sorted({_name(user.get_username()), *([_name(user.email)] if user.email else [])})
    request.vahti_known_browser = signing.dumps(
        {"names": names, "browser": secrets.token_urlsafe(12)}, salt=COOKIE_SALT
    )


class KnownBrowserMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        value = getattr(request, "vahti_known_browser", None)
        if value:
            response.set_cookie(
                COOKIE,
                value,
                max_age=COOKIE_DAYS * 24 * 3600,
                path="/admin/",
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
