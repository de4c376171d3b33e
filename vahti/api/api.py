"""The public read API, version 1: ``/api/v1/``. The OpenAPI document is at
``/api/v1/openapi.json``; the reference is a page of the site (``/data/api/``,
:mod:`vahti.api.reference`), with a form to try each reading endpoint.

Views stay thin: they find the plan and the filters, ask :mod:`vahti.api.data` (which
reads through the domain's selectors) and page the result. Every answer is public,
published data; bad parameters get a 400 naming each one.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI, Query
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import BaseModel, Field

from vahti.actions.filters import ActionFilters, filtered_actions
from vahti.actions.open_data import news_for_data
from vahti.actions.selectors import public_actions
from vahti.api import data, schemas
from vahti.api.document import document_response
from vahti.api.middleware import problem
from vahti.indicators.selectors import public_indicators
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

DESCRIPTION = """
The public data of the climate action plans published on this site: actions with their
tasks, responsible organisations, contact persons, categories, status, phase, impact and
schedule; the plans' categories and organisations; indicators with their values and
goals; news posts. Only public, published data.

Every list and object belongs to one plan: give `plan=<identifier>` (see `/plans/`),
or leave it out for the plan served at this address. Texts come in every language the
plan is published in, by language code. Answers carry `ETag` and `Last-Modified`: send
`If-None-Match` or `If-Modified-Since` for a `304 Not Modified`. Any site may read the
API from a browser (CORS). Each client may make a limited number of requests a minute;
beyond it the answer is `429` with `Retry-After`.

Data feeds keep indicator values and goals current through the writes (`POST` and `PUT`
under `/indicators/{identifier}/`) with a plan's API token, sent as
`Authorization: Bearer <token>`; a plan admin creates and revokes tokens in the admin.
Writes are checked like the admin's forms: one bad value and nothing is saved, and the
answer names each problem by its place in the body. Every write is in the audit log.
Writes are not offered to browsers on other sites.
"""

api = NinjaAPI(
    title="Vahti API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    # No Swagger UI console: it failed dozens of accessibility checks and had no page
    # language. The reference page has its own forms to try the endpoints.
    docs_url=None,
    openapi_url="/openapi.json",
)

MAX_PAGE_SIZE = 500
ERRORS = {400: schemas.Problem, 404: schemas.Problem, 429: schemas.Problem}
LATENESS_NOT_DERIVED = gettext_lazy(
    "Bad parameter late: this plan does not show actions as late by their tasks and updates."
)


class ApiProblem(Exception):
    def __init__(self, status: int, detail: str, errors: list[dict] | None = None):
        self.status, self.detail, self.errors = status, detail, errors or []


@api.exception_handler(ApiProblem)
def _api_problem(request, error: ApiProblem):
    response = problem(error.status, error.detail, error.errors)
    if error.status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="vahti", error="invalid_token"'
    return response


@api.exception_handler(HttpError)
def _http_error(request, error: HttpError):
    if error.status_code == 400 and str(error).startswith("Cannot parse request body"):
        return problem(400, _("The request's body is not JSON: send JSON in UTF-8."))
    return problem(error.status_code, str(error))


@api.exception_handler(NinjaValidationError)
def _bad_parameters(request, error: NinjaValidationError):
    errors = []
    for item in error.errors:
        location = [
            str(part) for part in item.get("loc", ()) if part not in ("query", "path", "body")
        ]
        errors.append({"parameter": ".".join(location) or "?", "message": item.get("msg", "")})
    names = ", ".join(sorted({e["parameter"] for e in errors}))
    return problem(400, _("Bad parameters: %(names)s.") % {"names": names}, errors)


def _served_plans(request: HttpRequest):
    """The plans this address answers for: the request's plan alone where the host names
    it (each plan's API is its own), else every plan."""
    plan = getattr(request, "plan", None)
    if plan is not None and getattr(request, "plan_on_host", False):
        return Plan.objects.filter(pk=plan.pk)
    return Plan.objects.all()


def _plan(request: HttpRequest, identifier: str | None) -> Plan:
    if identifier:
        served = _served_plans(request)
        plan = served.filter(identifier=identifier).prefetch_related("domains").first()
        if plan is None:
            raise ApiProblem(
                404,
                _("There is no plan “%(plan)s”; the plans are listed at %(url)s.")
                % {"plan": identifier, "url": reverse("api-v1:plans")},
            )
        return plan
    plan = getattr(request, "plan", None)
    if plan is None:
        raise ApiProblem(404, _("No plan is published on this site yet."))
    return plan


def _context(request, plan: Plan) -> data.Context:
    return data.Context(plan, data.site_address(plan, request))


def _stamped(request, plan: Plan, body):
    """Mark the answer with the plan's data timestamp, for Last-Modified."""
    request.vahti_data_changed_at = max(
        getattr(request, "vahti_data_changed_at", plan.data_changed_at), plan.data_changed_at
    )
    return body


@api.api_operation(
    ["GET"],
    "/plans/",
    response={200: list[schemas.Plan], 429: schemas.Problem},
    url_name="plans",
    summary="The plans",
)
def plans(request):
    """Every plan published on this site."""
    found = list(_served_plans(request).prefetch_related("domains"))
    result = [data.plan_data(_context(request, plan)) for plan in found]
    for plan in found:
        _stamped(request, plan, None)
    return result


@api.get(
    "/plans/{identifier}/",
    response={200: schemas.Plan, **ERRORS},
    url_name="plan",
    summary="One plan",
)
def plan(request, identifier: str):
    """A plan with its lists: statuses, implementation phases, impacts, timeframes and
    category types."""
    found = _plan(request, identifier)
    return _stamped(request, found, data.plan_data(_context(request, found)))


@api.get(
    "/plans/{identifier}/document.json",
    response={200: schemas.PlanDocument, **ERRORS},
    url_name="plan-document",
    summary="The whole plan in one document",
)
def plan_document(request, identifier: str):
    """Everything public in the plan: the plan and its lists, categories, organisations,
    actions, news posts and indicators with all their values. Its JSON Schema is at
    `/api/v1/plan-document.schema.json`."""
    found = _plan(request, identifier)
    return document_response(request, found, _context(request, found))


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


def _one(queryset, parameter: str, identifier: str | None):
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


def _action_filters(plan: Plan, params: ActionParams) -> ActionFilters:
    category = None
    if params.category:
        types = CategoryType.objects.filter(plan=plan)
        if params.category_type:
            category_type = _one(types, "category_type", params.category_type)
        else:
            category_type = types.order_by("-is_primary", "order", "pk").first()
        category = _one(Category.objects.filter(type=category_type), "category", params.category)
    elif params.category_type:
        _one(CategoryType.objects.filter(plan=plan), "category_type", params.category_type)
    return ActionFilters(
        text=params.q,
        category=category,
        organization=_one(
            Organization.objects.filter(plan=plan), "organization", params.organization
        ),
        primary_only=params.primary_only,
        status=_one(ActionStatus.objects.filter(plan=plan), "status", params.status),
        phase=_one(ActionImplementationPhase.objects.filter(plan=plan), "phase", params.phase),
        schedule=_one(ActionSchedule.objects.filter(plan=plan), "schedule", params.schedule),
        impact=_one(ActionImpact.objects.filter(plan=plan), "impact", params.impact),
        late=_late(plan, params.late),
    )


def _late(plan: Plan, late: bool) -> bool:
    if late and not plan.derived_lateness:
        message = str(LATENESS_NOT_DERIVED)
        raise ApiProblem(400, message, [{"parameter": "late", "message": message}])
    return late


def _paged(request, queryset, params: PageParams, build) -> dict:
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


@api.get(
    "/actions/", response={200: schemas.ActionPage, **ERRORS}, url_name="actions", summary="Actions"
)
def actions(request, params: Query[ActionParams]):
    """The plan's public actions in the plan's order, filtered like the action list on
    the site, a page at a time."""
    plan = _plan(request, params.plan)
    ctx = _context(request, plan)
    found = filtered_actions(plan, _action_filters(plan, params)).in_natural_order()
    return _stamped(
        request, plan, _paged(request, found, params, lambda page: data.actions_data(ctx, page))
    )


@api.get(
    "/actions/{identifier}/",
    response={200: schemas.Action, **ERRORS},
    url_name="action",
    summary="One action",
)
def action(request, identifier: str, params: Query[PlanParam]):
    plan = _plan(request, params.plan)
    found = public_actions(plan).identified_by(identifier)
    result = data.actions_data(_context(request, plan), found)
    if not result:
        raise ApiProblem(
            404, _("The plan has no public action “%(identifier)s”.") % {"identifier": identifier}
        )
    return _stamped(request, plan, result[0])


class CategoryParams(PlanParam):
    type: str | None = Field(None, description="Only the categories of this type.")


@api.get(
    "/categories/",
    response={200: list[schemas.Category], **ERRORS},
    url_name="categories",
    summary="Categories",
)
def categories(request, params: Query[CategoryParams]):
    """The plan's categories (themes and other groupings), each type's in tree order of
    their `order`; `parent` names the category above."""
    plan = _plan(request, params.plan)
    found = data.plan_categories(plan)
    if params.type:
        category_type = _one(CategoryType.objects.filter(plan=plan), "type", params.type)
        found = found.filter(type=category_type)
    return _stamped(request, plan, data.categories_data(_context(request, plan), found))


@api.get(
    "/organizations/",
    response={200: list[schemas.Organization], **ERRORS},
    url_name="organizations",
    summary="Organisations",
)
def organizations(request, params: Query[PlanParam]):
    """The organisations of the plan; `parent` names the organisation above."""
    plan = _plan(request, params.plan)
    return _stamped(request, plan, data.organizations_data(_context(request, plan)))


@api.get(
    "/indicators/",
    response={200: list[schemas.Indicator], **ERRORS},
    url_name="indicators",
    summary="Indicators",
)
def indicators(request, params: Query[PlanParam]):
    """The plan's public indicators with their goals and latest values; each one's
    values are at `/indicators/{identifier}/`."""
    plan = _plan(request, params.plan)
    ctx = _context(request, plan)
    found = public_indicators(plan).order_by("sort_key", "pk")
    return _stamped(request, plan, data.indicators_data(ctx, found, values=False))


@api.get(
    "/indicators/{identifier}/",
    response={200: schemas.IndicatorWithValues, **ERRORS},
    url_name="indicator",
    summary="One indicator with its values",
)
def indicator(request, identifier: str, params: Query[PlanParam]):
    plan = _plan(request, params.plan)
    found = public_indicators(plan).identified_by(identifier)
    result = data.indicators_data(_context(request, plan), found, values=True)
    if not result:
        raise ApiProblem(
            404,
            _("The plan has no public indicator “%(identifier)s”.") % {"identifier": identifier},
        )
    return _stamped(request, plan, result[0])


class NewsParams(PlanParam, PageParams):
    action: str | None = Field(None, description="Only this action's news posts.")


@api.get(
    "/news/", response={200: schemas.NewsPage, **ERRORS}, url_name="news", summary="News posts"
)
def news(request, params: Query[NewsParams]):
    """News posts of the plan's public actions, newest first."""
    plan = _plan(request, params.plan)
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
    ctx = _context(request, plan)
    return _stamped(
        request,
        plan,
        _paged(request, news_for_data(actions), params, lambda page: data.news_data(ctx, page)),
    )


@api.get(
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


# The downloads and the writes register their endpoints on ``api`` (and use its errors).
from vahti.api import downloads, index, writes  # noqa: E402, F401
