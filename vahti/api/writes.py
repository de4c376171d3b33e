"""Writes through the API: a data feed keeps an indicator's values and goals current
with a plan's API token (``Authorization: Bearer vahti_…``), which a plan admin creates
and revokes in the admin. Every write goes through the same services and checks as the
admin's forms and CSV upload, with the same messages, and is written to the audit log
with the token's name. Writes are not offered to other sites' browsers (no CORS)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.log_actions import log

from vahti.api import schemas
from vahti.api.base import ApiProblem, ApiRouter, PlanToken
from vahti.indicators.models import Indicator
from vahti.indicators.services import indicator_goals_save, indicator_values_save
from vahti.indicators.value_rows import ValuesRejected, format_number, goal_rows, value_rows

# The writes are grouped under their own tag in the OpenAPI document.
router = ApiRouter("writes", tags=["writes"])
WRITE_ERRORS = {
    400: schemas.Problem,
    401: schemas.Problem,
    404: schemas.Problem,
    413: schemas.Problem,
    429: schemas.Problem,
}


def _indicator(request, identifier: str) -> Indicator:
    plan = request.auth.plan
    found = Indicator.objects.filter(plan=plan).identified_by(identifier).first()
    if found is None:
        raise ApiProblem(
            404,
            _("The plan “%(plan)s” has no indicator “%(identifier)s”.")
            % {"plan": plan.identifier, "identifier": identifier},
        )
    found.plan = plan
    return found


def _text(value) -> str:
    if isinstance(value, float | int):
        return format_number(float(value))
    return value


def _rejected(field: str, rejected: ValuesRejected) -> ApiProblem:
    """The services' problems, each named by where it is in the posted JSON."""
    errors = [
        {"parameter": f"{field}[{p.row}].{p.column}", "message": str(p.message)}
        for p in rejected.problems
    ]
    return ApiProblem(
        400,
        ngettext(
            "Nothing was saved: %(count)d problem in %(field)s.",
            "Nothing was saved: %(count)d problems in %(field)s.",
            len(errors),
        )
        % {"count": len(errors), "field": field},
        errors,
    )


def _audit(request, indicator: Indicator, action: str, data: dict) -> None:
    token = request.auth
    log(
        instance=indicator,
        action=action,
        user=None,
        data={**data, "api_token": {"name": token.name, "prefix": token.prefix}},
    )


def _save_values(request, identifier: str, body: schemas.ValuesIn, *, replace: bool):
    indicator = _indicator(request, identifier)
    records = [
        (
            index,
            {
                "date": item.date,
                "value": _text(item.value),
                "dimension": item.dimension.strip(),
                "category": item.category.strip(),
            },
        )
        for index, item in enumerate(body.values)
    ]
    with transaction.atomic():
        try:
            rows = value_rows(indicator, records)
            saved = indicator_values_save(indicator, rows, replace=replace, dry_run=body.dry_run)
        except ValuesRejected as rejected:
            raise _rejected("values", rejected) from None
        counts = {
            "created": saved.created,
            "updated": saved.updated,
            "deleted": saved.deleted,
            "unchanged": saved.unchanged,
        }
        if not body.dry_run and (saved.created or saved.updated or saved.deleted):
            _audit(request, indicator, "vahti.indicator.values", {**counts, "replace": replace})
    return {"indicator": indicator.identifier, "dry_run": body.dry_run, **counts}


@router.post(
    "/indicators/{identifier}/values/",
    auth=PlanToken(),
    response={200: schemas.ValuesSaved, **WRITE_ERRORS},
    url_name="indicator-values",
    summary="Add or change an indicator's values",
)
def values_post(request, identifier: str, body: schemas.ValuesIn):
    """Each value is stored: one for a period (and category) that has a value changes
    it, the others are added; the indicator's other values stay. Every value is
    checked first, as in the admin: one bad value and nothing is saved, and the answer
    names each problem by its place in `values`. Needs a plan's API token."""
    return _save_values(request, identifier, body, replace=False)


@router.put(
    "/indicators/{identifier}/values/",
    auth=PlanToken(),
    response={200: schemas.ValuesSaved, **WRITE_ERRORS},
    summary="Replace an indicator's values",
)
def values_put(request, identifier: str, body: schemas.ValuesIn):
    """The indicator gets exactly these values: those not among them are deleted.
    Checked like `POST`. Needs a plan's API token."""
    return _save_values(request, identifier, body, replace=True)


@router.put(
    "/indicators/{identifier}/goals/",
    auth=PlanToken(),
    response={200: schemas.GoalsSaved, **WRITE_ERRORS},
    url_name="indicator-goals",
    summary="Replace an indicator's goals",
)
def goals_put(request, identifier: str, body: schemas.GoalsIn):
    """The indicator gets exactly these goals, checked as in the admin. Needs a plan's
    API token."""
    indicator = _indicator(request, identifier)
    records = [
        (index, {"date": item.date, "value": _text(item.value), "scenario": item.scenario or ""})
        for index, item in enumerate(body.goals)
    ]
    try:
        goals = goal_rows(indicator, records)
    except ValuesRejected as rejected:
        raise _rejected("goals", rejected) from None
    with transaction.atomic():
        try:
            changed = indicator_goals_save(indicator, goals, dry_run=body.dry_run)
        except ValidationError as error:
            raise ApiProblem(
                400,
                _("Nothing was saved: the goals have problems."),
                [
                    {"parameter": field, "message": message}
                    for field, messages in error.message_dict.items()
                    for message in messages
                ],
            ) from None
        if changed and not body.dry_run:
            _audit(
                request,
                indicator,
                "vahti.indicator.goals",
                {"goals": [[d.isoformat(), v, s.identifier if s else None] for d, v, s in goals]},
            )
    return {
        "indicator": indicator.identifier,
        "dry_run": body.dry_run,
        "changed": changed,
        "goals": len(goals),
    }
