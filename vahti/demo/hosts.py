"""Where the demo plans are served: both at the address ``make run`` serves,
http://127.0.0.1:8000/, Helsinki's at its root and Northbay's under the path prefix
``/northbay/``, as a city hosting several plans on one host name would. Any other host
(localhost, say) serves the first plan, Helsinki's, at its root."""

from __future__ import annotations

from vahti.plans.models import Plan
from vahti.plans.setup import plan_host_add

DEMO_HOST = "127.0.0.1"
# The plans and their path prefixes on DEMO_HOST ("": its root).
PREFIXES = {"hnh2035": "", "northbay2040": "northbay"}


def register_demo_hosts() -> int:
    """Give the loaded demo plans their addresses; how many were added (0 when every one
    had its own already)."""
    plans = Plan.objects.filter(identifier__in=PREFIXES).order_by("identifier")
    return sum(int(plan_host_add(plan, DEMO_HOST, PREFIXES[plan.identifier])) for plan in plans)


def demo_path(identifier: str) -> str:
    """The path at which the demo plan ``identifier`` is served on DEMO_HOST."""
    prefix = PREFIXES.get(identifier, "")
    return f"/{prefix}/" if prefix else "/"


def demo_address(identifier: str, port: int = 8000) -> str:
    """The address at which ``make run`` serves the demo plan ``identifier``."""
    return f"http://{DEMO_HOST}:{port}{demo_path(identifier)}"
