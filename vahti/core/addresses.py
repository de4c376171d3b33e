"""Who is asking: the client's address, the one thing the login throttle, the feedback
limit and the API limit count by.

Behind a proxy, ``REMOTE_ADDR`` is the proxy's; the client's address is in
``X-Forwarded-For``, to which each proxy appends the address it was reached from. Anyone
can send that header, so only the entries the configured proxies added are believed
(``TRUSTED_PROXIES``), read from the right:

- a number N: the N nearest hops are proxies; the client is the Nth entry from the right
  (with fewer entries the request did not come through them, and ``REMOTE_ADDR`` counts);
- addresses and networks: hops are skipped from the right while they are among them; the
  first address that is not is the client's. ``X-Forwarded-For`` from elsewhere is ignored.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings

UNKNOWN = "unknown"


def _parsed(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """An address as proxies write it (``192.0.2.1``, ``192.0.2.1:5555``,
    ``[2001:db8::1]:443``, ``2001:db8::1``), or None."""
    text = text.strip().strip('"')
    if text.startswith("["):
        text = text[1:].split("]", 1)[0]
    elif text.count(":") == 1:
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def client_address(request) -> str:
    """The address of the client that sent ``request``, as far as it can be known."""
    if request is None:
        return UNKNOWN
    remote_text = request.META.get("REMOTE_ADDR") or ""
    remote = _parsed(remote_text)
    fallback = str(remote) if remote is not None else (remote_text or UNKNOWN)
    trusted = settings.TRUSTED_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not trusted or not forwarded:
        return fallback
    hops = [item for item in forwarded.split(",") if item.strip()]
    if isinstance(trusted, int):
        # Also when the proxy connects through a Unix socket (no REMOTE_ADDR).
        if len(hops) < trusted:
            return fallback
        client = _parsed(hops[-trusted])
        return str(client) if client is not None else fallback
    if remote is None:
        return fallback
    current = remote
    for hop in reversed(hops):
        if not any(current in network for network in trusted):
            break
        previous = _parsed(hop)
        if previous is None:
            # A trusted proxy writes addresses only: this came from the client, so the
            # last hop known is the best there is.
            break
        current = previous
    return str(current)


def address_group(address: str) -> str:
    """What limits count by: the address, or for IPv6 its /64 network (one household or
    machine gets a whole /64, so single IPv6 addresses cost an attacker nothing)."""
    parsed = _parsed(address)
    if isinstance(parsed, ipaddress.IPv6Address):
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return address
