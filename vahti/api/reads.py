"""The reads: plans, actions, categories, organisations, indicators and news posts.

Views stay thin: they find the plan and the filters (:mod:`vahti.api.params`), ask
:mod:`vahti.api.data` (which reads through the domain's selectors) and page the result.
Every answer is public, published data; bad parameters get a 400 naming each one.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Query

from vahti.actions.filters import filtered_actions
from vahti.actions.open_data import news_for_data
from vahti.actions.selectors import public_actions
from vahti.api import data, schemas
from vahti.api.base import ERRORS, ApiProblem, ApiRouter, context, plan_for, served_plans, stamped
from vahti.api.document import document_response
from vahti.api.params import (
    ActionParams,
    CategoryParams,
    NewsParams,
    PlanParam,
    action_filters,
    one,
    paged,
)
from vahti.indicators.selectors import public_indicators
from vahti.plans.models import CategoryType

router = ApiRouter("api")


@router.api_operation(
    ["GET"],
    "/plans/",
    response={200: list[schemas.Plan], 429: schemas.Problem},
    url_name="plans",
    summary="The plans",
)
def plans(request):
    """Every plan published on this site."""
    found = list(served_plans(request).prefetch_related("domains"))
    result = [data.plan_data(context(request, plan)) for plan in found]
    for plan in found:
        stamped(request, plan, None)
    return result


@router.get(
    "/plans/{identifier}/",
    response={200: schemas.Plan, **ERRORS},
    url_name="plan",
    summary="One plan",
)
def plan(request, identifier: str):
    """A plan with its lists: statuses, implementation phases, impacts, timeframes and
    category types."""
    found = plan_for(request, identifier)
    return stamped(request, found, data.plan_data(context(request, found)))


@router.get(
    "/plans/{identifier}/document.json",
    response={200: schemas.PlanDocument, **ERRORS},
    url_name="plan-document",
    summary="The whole plan in one document",
)
def plan_document(request, identifier: str):
    """Everything public in the plan: the plan and its lists, categories, organisations,
    actions, news posts and indicators with all their values. Its JSON Schema is at
    `/api/v1/plan-document.schema.json`."""
    found = plan_for(request, identifier)
    return document_response(request, found, context(request, found))


@router.get(
    "/actions/", response={200: schemas.ActionPage, **ERRORS}, url_name="actions", summary="Actions"
)
def actions(request, params: Query[ActionParams]):
    """The plan's public actions in the plan's order, filtered like the action list on
    the site, a page at a time. By the plan's own public fields (see the plan's
    `fields`): `f.<field>=<identifier>` for a choice or a category (and those below it),
    `f.<field>=yes` or `no`, `f.<field>.min=` and `f.<field>.max=` for a number (e.g.
    1200.5) or a date (e.g. 2025-06-30)."""
    plan = plan_for(request, params.plan)
    ctx = context(request, plan)
    filters = action_filters(plan, params, request.GET)
    found = filtered_actions(plan, filters).in_natural_order()
    return stamped(
        request, plan, paged(request, found, params, lambda page: data.actions_data(ctx, page))
    )


@router.get(
    "/actions/{identifier}/",
    response={200: schemas.Action, **ERRORS},
    url_name="action",
    summary="One action",
)
def action(request, identifier: str, params: Query[PlanParam]):
    plan = plan_for(request, params.plan)
    found = public_actions(plan).identified_by(identifier)
    result = data.actions_data(context(request, plan), found)
    if not result:
        raise ApiProblem(
            404, _("The plan has no public action “%(identifier)s”.") % {"identifier": identifier}
        )
    return stamped(request, plan, result[0])


@router.get(
    "/categories/",
    response={200: list[schemas.Category], **ERRORS},
    url_name="categories",
    summary="Categories",
)
def categories(request, params: Query[CategoryParams]):
    """The plan's categories (themes and other groupings), each type's in tree order of
    their `order`; `parent` names the category above."""
    plan = plan_for(request, params.plan)
    found = data.plan_categories(plan)
    if params.type:
        category_type = one(CategoryType.objects.filter(plan=plan), "type", params.type)
        found = found.filter(type=category_type)
    return stamped(request, plan, data.categories_data(context(request, plan), found))


@router.get(
    "/organizations/",
    response={200: list[schemas.Organization], **ERRORS},
    url_name="organizations",
    summary="Organisations",
)
def organizations(request, params: Query[PlanParam]):
    """The organisations of the plan; `parent` names the organisation above."""
    plan = plan_for(request, params.plan)
    return stamped(request, plan, data.organizations_data(context(request, plan)))


@router.get(
    "/indicators/",
    response={200: list[schemas.Indicator], **ERRORS},
    url_name="indicators",
    summary="Indicators",
)
def indicators(request, params: Query[PlanParam]):
    """The plan's public indicators with their goals and latest values; each one's
    values are at `/indicators/{identifier}/`."""
    plan = plan_for(request, params.plan)
    ctx = context(request, plan)
    found = public_indicators(plan).order_by("sort_key", "pk")
    return stamped(request, plan, data.indicators_data(ctx, found, values=False))


@router.get(
    "/indicators/{identifier}/",
    response={200: schemas.IndicatorWithValues, **ERRORS},
    url_name="indicator",
    summary="One indicator with its values",
)
def indicator(request, identifier: str, params: Query[PlanParam]):
    plan = plan_for(request, params.plan)
    found = public_indicators(plan).identified_by(identifier)
    result = data.indicators_data(context(request, plan), found, values=True)
    if not result:
        raise ApiProblem(
            404,
            _("The plan has no public indicator “%(identifier)s”.") % {"identifier": identifier},
        )
    return stamped(request, plan, result[0])


@router.get(
    "/news/", response={200: schemas.NewsPage, **ERRORS}, url_name="news", summary="News posts"
)
def news(request, params: Query[NewsParams]):
    """News posts of the plan's public actions, newest first."""
    plan = plan_for(request, params.plan)
    actions = public_actions(plan)
    if params.action:
        actions = actions.identified_by(params.action)
        if not actions.exists():
            raise ApiProblem(
                400,
                _("The plan has no public action “%(identifier)s”.")
                % {"identifier": params.action},
                [{"parameter": "action", "message": _("Unknown action.")}],
            )
    ctx = context(request, plan)
    return stamped(
        request,
        plan,
        paged(request, news_for_data(actions), params, lambda page: data.news_data(ctx, page)),
    )


@router.get(
    "/plan-document.schema.json",
    response=dict,
    url_name="plan-document-schema",
    summary="The plan document's JSON Schema",
)
def plan_document_schema(request):
    """The JSON Schema (2020-12) of `/plans/{identifier}/document.json`."""
    return document_schema()


def document_schema() -> dict:
    schema = schemas.PlanDocument.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": reverse("api-v1:plan-document-schema"),
        "title": "Vahti plan document",
        **schema,
    }
