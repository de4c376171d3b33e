"""Reads of plans and their lists."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Case, CharField, F, IntegerField, Q, Value, When
from django.http import HttpRequest
from django.http.request import split_domain_port

from vahti.core.i18n import column_name
from vahti.plans.models import CategoryType, Plan, PlanDomain, PlanFooterLink
from vahti.plans.prefixes import first_segment

# How a plan matched a request, best first.
_BY_PREFIX, _AT_ROOT, _ELSEWHERE_ON_HOST, _NOT_ON_HOST = range(4)


@dataclass(frozen=True, slots=True)
class Route:
    """Which plan a request is for.

    ``prefix``: the path prefix the plan is served under on this host ("" at the root).
    ``index``: the host serves plans under prefixes only and the path names none of them:
    its root shows the index of its plans (``plan`` is then the host's first, for the
    admin and the error pages).
    ``on_host``: the host names the plan (else it is the first plan, served at any host)."""

    plan: Plan | None
    prefix: str = ""
    index: bool = False
    on_host: bool = False


def route_for_request(request: HttpRequest) -> Route:
    """The plan served at the request's host name and first path segment. A host with a
    plan at its root serves it for every other path; a host no plan names serves the
    first plan. One query."""
    host, _port = split_domain_port(request.get_host())
    segment = first_segment(request.path_info)
    on_host = Q(domains__hostname=host)
    plan = (
        Plan.objects.annotate(
            route_match=Case(
                When(
                    on_host & Q(domains__path_prefix=segment) & ~Q(domains__path_prefix=""),
                    then=Value(_BY_PREFIX),
                ),
                When(on_host & Q(domains__path_prefix=""), then=Value(_AT_ROOT)),
                When(on_host, then=Value(_ELSEWHERE_ON_HOST)),
                default=Value(_NOT_ON_HOST),
                output_field=IntegerField(),
            ),
            route_prefix=Case(
                When(on_host, then=F("domains__path_prefix")),
                default=Value(""),
                output_field=CharField(),
            ),
        )
        .order_by("route_match", "order", "identifier", "route_prefix")
        .first()
    )
    if plan is None:
        return Route(None)
    on_host = plan.route_match != _NOT_ON_HOST
    if plan.route_match == _BY_PREFIX:
        return Route(plan, plan.route_prefix, on_host=on_host)
    return Route(plan, "", index=plan.route_match == _ELSEWHERE_ON_HOST, on_host=on_host)


def plan_for_request(request: HttpRequest) -> Plan | None:
    """The plan a request is for (see :func:`route_for_request`). One query."""
    return route_for_request(request).plan


def host_plans(hostname: str) -> list[tuple[Plan, str]]:
    """The plans a host serves and their prefixes ("" at the root), root first. One
    query."""
    domains = (
        PlanDomain.objects.filter(hostname=hostname)
        .select_related("plan")
        .order_by("path_prefix", "plan__order", "plan__identifier")
    )
    return [(domain.plan, domain.path_prefix) for domain in domains]


def primary_category_type(plan: Plan) -> CategoryType | None:
    """The category type the action list is grouped by (the plan's themes): the one
    marked primary, else the first. One query."""
    return CategoryType.objects.filter(plan=plan).order_by("-is_primary", "order", "pk").first()


def footer_links(plan: Plan | None) -> list:
    """The links the plan's admins added to the public footer, in their order."""
    if plan is None:
        return []
    return list(PlanFooterLink.objects.filter(plan=plan).order_by("sort_order", "pk"))


def texts_in_languages(plan: Plan, languages) -> dict[str, int]:
    """How many of the plan's rows have a text in one of ``languages``, by kind of row
    (“actions”: 12): what would no longer be shown if the plan dropped those languages.

    Every model with translated fields that belongs to the plan counts, directly (a
    ``plan`` field) or through its parent (an action's tasks); the plan's own texts too.
    Found from the app registry, so that this app need not know the others."""
    languages = list(languages)
    if not languages:
        return {}
    found: dict[str, int] = {}
    for model in apps.get_models():
        translated = getattr(model, "_translated_fields", None)
        if not translated:
            continue
        rows = _rows_of_plan(model, plan)
        if rows is None:
            continue
        has_text = Q()
        for name in translated:
            for code in languages:
                has_text |= ~Q(**{column_name(name, code): ""}) & Q(
                    **{f"{column_name(name, code)}__isnull": False}
                )
        count = rows.filter(has_text).count()
        if count:
            found[str(model._meta.verbose_name_plural)] = count
    return found


def _rows_of_plan(model, plan: Plan):
    if model is Plan:
        return Plan.objects.filter(pk=plan.pk)
    fields = {field.name: field for field in model._meta.concrete_fields}
    if "plan" in fields and fields["plan"].related_model is Plan:
        return model._default_manager.filter(plan=plan)
    for field in fields.values():
        parent = field.related_model if field.many_to_one else None
        if parent is not None and any(
            f.name == "plan" and f.related_model is Plan for f in parent._meta.concrete_fields
        ):
            return model._default_manager.filter(**{f"{field.name}__plan": plan})
    return None


def public_address(plan: Plan, path: str) -> str:
    """``path`` (an address of the site's, without a plan prefix) as a link from outside
    the plan's site, such as the admin: at the plan's first address (host and path
    prefix), scheme-relative; a plan no host names is served at every host, so the path
    alone. One query."""
    domain = plan.domains.order_by("pk").first()
    if domain is None:
        return path
    prefix = f"/{domain.path_prefix}" if domain.path_prefix else ""
    return f"//{domain.hostname}{prefix}{path}"
