"""Reads of plans and their lists."""

from __future__ import annotations

from django.db.models import Case, IntegerField, Value, When
from django.http import HttpRequest

from vahti.plans.models import Plan


def plan_for_request(request: HttpRequest) -> Plan | None:
    """The plan served at the request's host name; the first plan when none matches.

    One query. A site that hosts several plans gives each its own host name
    (``PlanDomain``); a single-plan site needs none.
    """
    host = request.get_host().rsplit(":", 1)[0].lower()
    return (
        Plan.objects.annotate(
            host_match=Case(
                When(domains__hostname=host, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("host_match", "order", "identifier")
        .first()
    )
