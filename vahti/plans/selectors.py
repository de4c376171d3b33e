"""Reads of plans and their lists."""

from __future__ import annotations

from django.db.models import Case, IntegerField, Value, When
from django.http import HttpRequest
from django.http.request import split_domain_port

from vahti.plans.models import CategoryType, Plan


def plan_for_request(request: HttpRequest) -> Plan | None:
    """The plan served at the request's host name; the first plan when none matches.

    One query. A site that hosts several plans gives each its own host name
    (``PlanDomain``); a single-plan site needs none.
    """
    host, _port = split_domain_port(request.get_host())
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


def primary_category_type(plan: Plan) -> CategoryType | None:
    """The category type the action list is grouped by (the plan's themes): the one
    marked primary, else the first. One query."""
    return CategoryType.objects.filter(plan=plan).order_by("-is_primary", "order", "pk").first()
