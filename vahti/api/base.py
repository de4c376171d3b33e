"""What every part of the API shares: its problems (the type the views raise and the
answers each error gets), finding the plan a request asks for, stamping an answer with
the plan's data timestamp (for ``ETag`` and ``Last-Modified``, see
:mod:`vahti.api.middleware`), the plan API token that writes need, and the router each
part declares its endpoints on. The parts (:mod:`~vahti.api.reads`,
:mod:`~vahti.api.downloads`, :mod:`~vahti.api.writes`, :mod:`~vahti.api.index`) import
this module only; :mod:`vahti.api.api` mounts them and installs the error answers."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer

from vahti.access.services import TokenRefused, api_token_for
from vahti.api import data, schemas
from vahti.api.middleware import problem
from vahti.plans.models import Plan

TITLE = "Vahti API"
VERSION = "1"
ERRORS = {400: schemas.Problem, 404: schemas.Problem, 429: schemas.Problem}


class ApiRouter(Router):
    """A part of the API. Its endpoints' operation ids are ``vahti_api_<family>_<view>``,
    fixed here rather than derived from the module a view lives in (django-ninja's
    default), because they are published: the reference's anchors, its
    ``/data/api/try/<operation>/`` addresses and clients' generated code name them. The
    reads keep the family ``api`` from when they were declared in ``vahti.api.api``."""

    def __init__(self, family: str, **kwargs):
        super().__init__(**kwargs)
        self.family = family

    def add_api_operation(self, path, methods, view_func, *, operation_id=None, **kwargs):
        operation_id = operation_id or f"vahti_api_{self.family}_{view_func.__name__}"
        super().add_api_operation(path, methods, view_func, operation_id=operation_id, **kwargs)


class ApiProblem(Exception):
    def __init__(self, status: int, detail: str, errors: list[dict] | None = None):
        self.status, self.detail, self.errors = status, detail, errors or []


def api_problem(request, error: ApiProblem):
    response = problem(error.status, error.detail, error.errors)
    if error.status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="vahti", error="invalid_token"'
    return response


def http_error(request, error: HttpError):
    if error.status_code == 400 and str(error).startswith("Cannot parse request body"):
        return problem(400, _("The request's body is not JSON: send JSON in UTF-8."))
    return problem(error.status_code, str(error))


def bad_parameters(request, error: NinjaValidationError):
    errors = []
    for item in error.errors:
        location = [
            str(part) for part in item.get("loc", ()) if part not in ("query", "path", "body")
        ]
        errors.append({"parameter": ".".join(location) or "?", "message": item.get("msg", "")})
    names = ", ".join(sorted({e["parameter"] for e in errors}))
    return problem(400, _("Bad parameters: %(names)s.") % {"names": names}, errors)


def no_token(request, error: AuthenticationError):
    response = problem(
        401,
        _(
            "This needs a plan's API token, sent as “Authorization: Bearer <token>”; "
            "a plan admin creates one in the admin under API tokens."
        ),
    )
    response["WWW-Authenticate"] = 'Bearer realm="vahti"'
    return response


# Each error's answer, by the exception it answers (the most specific class wins).
EXCEPTION_HANDLERS = {
    ApiProblem: api_problem,
    HttpError: http_error,
    NinjaValidationError: bad_parameters,
    AuthenticationError: no_token,
}


class PlanToken(HttpBearer):
    """A plan's API token, for the writes; a refused one is answered 401 with why."""

    def authenticate(self, request, token):
        try:
            return api_token_for(token)
        except TokenRefused as refused:
            raise ApiProblem(401, str(refused)) from None


def served_plans(request: HttpRequest):
    """The plans this address answers for: the request's plan alone where the host names
    it (each plan's API is its own), else every plan."""
    plan = getattr(request, "plan", None)
    if plan is not None and getattr(request, "plan_on_host", False):
        return Plan.objects.filter(pk=plan.pk)
    return Plan.objects.all()


def plan_for(request: HttpRequest, identifier: str | None) -> Plan:
    """The plan named by ``identifier`` among those served here, or by default the
    plan served at this address; a 404 naming it when there is none."""
    if identifier:
        served = served_plans(request)
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


def context(request, plan: Plan) -> data.Context:
    return data.Context(plan, data.site_address(plan, request))


def stamped(request, plan: Plan, body):
    """Mark the answer with the plan's data timestamp, for Last-Modified."""
    request.vahti_data_changed_at = max(
        getattr(request, "vahti_data_changed_at", plan.data_changed_at), plan.data_changed_at
    )
    return body
