"""Where the demo plans are served. Helsinki's plan, the first, answers at every host no
plan claims (http://127.0.0.1:8000/); the others get a host of their own. The one place
to change when the demo moves a plan under a path prefix of a shared host."""

from __future__ import annotations

from vahti.plans.models import Plan
from vahti.plans.setup import plan_host_add

# Any name under .localhost reaches this computer without editing /etc/hosts.
NORTHBAY_HOST = "northbay.localhost"


def register_demo_hosts() -> int:
    """Give the loaded demo plans their host names; how many were added (0 when every
    one had its own already)."""
    plan = Plan.objects.filter(identifier="northbay2040").first()
    return int(plan_host_add(plan, NORTHBAY_HOST)) if plan is not None else 0


def demo_address(identifier: str, port: int = 8000) -> str:
    """The address at which ``make run`` serves the demo plan ``identifier``."""
    if identifier == "northbay2040":
        return f"http://{NORTHBAY_HOST}:{port}/"
    return f"http://127.0.0.1:{port}/"
