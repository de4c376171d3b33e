"""Reads of plans and their lists."""

from __future__ import annotations

from django.apps import apps
from django.db.models import Case, IntegerField, Q, Value, When
from django.http import HttpRequest
from django.http.request import split_domain_port

from vahti.core.i18n import column_name
from vahti.plans.models import CategoryType, Plan, PlanFooterLink


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
