"""The reads' query parameters: their models (which the OpenAPI document describes),
turning them into the domain's filters with a 400 naming each bad one, and paging."""

from __future__ import annotations

from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import BaseModel, Field

from vahti.actions.filters import ActionFilters
from vahti.api.base import ApiProblem
from vahti.api.field_params import field_filters
from vahti.orgs.models import Organization
from vahti.plans.models import (
    ActionImpact,
    ActionImplementationPhase,
    ActionSchedule,
    ActionStatus,
    Category,
    CategoryType,
    Plan,
)

MAX_PAGE_SIZE = 500
LATENESS_NOT_DERIVED = gettext_lazy(
    "Bad parameter late: this plan does not show actions as late by their tasks and updates."
)


class PlanParam(BaseModel):
    plan: str | None = Field(
        None, description="The plan's identifier; by default the plan served at this address."
    )


class PageParams(BaseModel):
    page: int = Field(1, ge=1, le=1_000_000, description="Which page, from 1.")
    page_size: int = Field(100, ge=1, le=MAX_PAGE_SIZE, description="Items on a page.")


class ActionParams(PlanParam, PageParams):
    q: str = Field("", max_length=200, description="Words in the identifier, name or lead.")
    category: str | None = Field(
        None,
        description="A category's identifier: its actions and those of the categories below it.",
    )
    category_type: str | None = Field(
        None, description="The type of `category`; by default the plan's primary type (themes)."
    )
    organization: str | None = Field(
        None,
        description="An organisation's identifier: the actions it or a unit below it is "
        "responsible for.",
    )
    primary_only: bool = Field(
        False, description="With `organization`: primary responsibility only."
    )
    status: str | None = Field(None, description="A status's identifier.")
    phase: str | None = Field(None, description="An implementation phase's identifier.")
    schedule: str | None = Field(None, description="A timeframe's identifier.")
    impact: str | None = Field(None, description="An impact's identifier.")
    late: bool = Field(
        False,
        description="Only the actions that are late by their tasks and the plan's update "
        "limit (see each action's `late`); for a plan that derives lateness.",
    )


class CategoryParams(PlanParam):
    type: str | None = Field(None, description="Only the categories of this type.")


class NewsParams(PlanParam, PageParams):
    action: str | None = Field(None, description="Only this action's news posts.")


def one(queryset, parameter: str, identifier: str | None):
    """The plan's item named by ``identifier`` in ``parameter``; a 400 naming the
    parameter and the known identifiers when there is none."""
    if not identifier:
        return None
    found = queryset.filter(identifier=identifier).first()
    if found is None:
        known = ", ".join(queryset.values_list("identifier", flat=True)[:50])
        raise ApiProblem(
            400,
            _("Bad parameter %(parameter)s: there is no “%(value)s”.")
            % {"parameter": parameter, "value": identifier},
            [
                {
                    "parameter": parameter,
                    "message": _("There is no “%(value)s”; known: %(known)s.")
                    % {"value": identifier, "known": known or "–"},
                }
            ],
        )
    return found


def action_filters(plan: Plan, params: ActionParams, query=None) -> ActionFilters:
    """The filters of the parameters, and of the ``f.`` parameters of ``query`` (the plan's
    own fields, which no model can list: each plan has its own)."""
    category = None
    if params.category:
        types = CategoryType.objects.filter(plan=plan)
        if params.category_type:
            category_type = one(types, "category_type", params.category_type)
        else:
            category_type = types.order_by("-is_primary", "order", "pk").first()
        category = one(Category.objects.filter(type=category_type), "category", params.category)
    elif params.category_type:
        one(CategoryType.objects.filter(plan=plan), "category_type", params.category_type)
    return ActionFilters(
        text=params.q,
        category=category,
        organization=one(
            Organization.objects.filter(plan=plan), "organization", params.organization
        ),
        primary_only=params.primary_only,
        status=one(ActionStatus.objects.filter(plan=plan), "status", params.status),
        phase=one(ActionImplementationPhase.objects.filter(plan=plan), "phase", params.phase),
        schedule=one(ActionSchedule.objects.filter(plan=plan), "schedule", params.schedule),
        impact=one(ActionImpact.objects.filter(plan=plan), "impact", params.impact),
        late=_late(plan, params.late),
        fields=field_filters(plan, query) if query is not None else (),
    )


def _late(plan: Plan, late: bool) -> bool:
    if late and not plan.derived_lateness:
        message = str(LATENESS_NOT_DERIVED)
        raise ApiProblem(400, message, [{"parameter": "late", "message": message}])
    return late


def paged(request, queryset, params: PageParams, build) -> dict:
    count = queryset.count()
    start = (params.page - 1) * params.page_size
    if start and start >= count:
        raise ApiProblem(
            404,
            _("There is no page %(page)d: with %(size)d a page there are %(pages)d.")
            % {
                "page": params.page,
                "size": params.page_size,
                "pages": max(1, -(-count // params.page_size)),
            },
            [{"parameter": "page", "message": _("Out of range.")}],
        )
    items = build(queryset[start : start + params.page_size])

    def link(page):
        query = request.GET.copy()
        query["page"] = str(page)
        return request.build_absolute_uri(request.path) + "?" + urlencode(sorted(query.items()))

    has_next = start + params.page_size < count
    return {
        "count": count,
        "next": link(params.page + 1) if has_next else None,
        "previous": link(params.page - 1) if params.page > 1 else None,
        "results": items,
    }
