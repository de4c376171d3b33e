"""Every write to a report: opening and changing it, a contact person's answer for an
action, and completing it, which freezes a snapshot of every action of the plan.

Who may do these is the caller's question (the admin asks vahti.access); these keep the
report's own rules: a completed report is neither changed, answered nor completed again.
"""

from __future__ import annotations

from html import unescape

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from vahti.actions.models import Action, ActionField
from vahti.actions.services import (
    action_check_unlocked,
    action_update,
    content_would_change,
)
from vahti.core.i18n import column_name
from vahti.core.models import same_plan_errors
from vahti.plans.changes import touch
from vahti.reports.models import Report, ReportAnswer, ReportSnapshot
from vahti.reports.snapshot import action_data, snapshot_actions

COMPLETED_MESSAGE = _("The report “%(report)s” has been completed: it can no longer be changed.")
DEADLINE_MESSAGE = _("The answers cannot be due before the period starts.")
NOT_ASKED_MESSAGE = _("The report does not ask the field “%(field)s”.")
ESTIMATES_NOT_ASKED_MESSAGE = _("The report does not ask the estimated effects.")
MERGED_MESSAGE = _("Action %(identifier)s has been merged into another one: it is not reported.")
EMPTY_ANSWER_MESSAGE = _(
    "The answer is empty: write a progress commentary or fill in at least one of the asked "
    "fields or estimates."
)
UNCHANGED_ANSWER_MESSAGE = _(
    "The answer says nothing new: write a progress commentary (for example that the values "
    "shown still hold) or change a value."
)

# The action's estimate columns a report may ask (``Report.asks_estimates``).
ESTIMATE_COLUMNS = (
    "emission_reduction_estimate",
    "energy_savings_estimate",
    "renewable_production_estimate",
    "estimate_year",
)


def _completed_error(report: Report) -> ValidationError:
    return ValidationError(COMPLETED_MESSAGE, code="completed", params={"report": report})


def _check(report: Report, asked_fields) -> None:
    errors = {}
    try:
        report.full_clean(exclude=["asked_fields"])
    except ValidationError as error:
        errors.update(error.message_dict)
    if asked_fields:
        for field, error in same_plan_errors(report.plan, {"asked_fields": asked_fields}).items():
            errors.setdefault(field, []).extend(error.messages)
    if report.deadline and report.period_start and report.deadline < report.period_start:
        errors.setdefault("deadline", []).append(str(DEADLINE_MESSAGE))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def report_open(plan, *, asked_fields=(), **data) -> Report:
    """A new, open report of ``plan``: ``name_fi="Vuosiraportti 2025"``, ``slug``,
    ``period_start``, ``period_end``, optionally ``deadline``, ``intro_*``,
    ``asks_estimates`` and the plan's ``asked_fields``."""
    report = Report(plan=plan, **data)
    asked_fields = list(asked_fields)
    _check(report, asked_fields)
    report.save()
    report.asked_fields.set(asked_fields)
    touch(plan.pk)
    return report


@transaction.atomic
def report_update(report: Report, *, asked_fields=None, **data) -> Report:
    """Change an open report (its fields as in :func:`report_open`)."""
    locked = _locked(report)
    for name, value in data.items():
        setattr(locked, name, value)
    fields = list(asked_fields) if asked_fields is not None else None
    _check(locked, fields)
    locked.save()
    if fields is not None:
        locked.asked_fields.set(fields)
    touch(locked.plan_id)
    return locked


def _locked(report: Report) -> Report:
    """The report's row, held until the transaction ends; refused when completed."""
    locked = Report.objects.select_for_update().select_related("plan").get(pk=report.pk)
    if locked.is_completed:
        raise _completed_error(locked)
    return locked


@transaction.atomic
def report_answer(
    report: Report,
    action: Action,
    *,
    user=None,
    commentary: dict[str, str] | None = None,
    field_values: list[dict] | None = None,
    estimates: dict | None = None,
    publish: bool = True,
) -> ReportAnswer:
    """``user``'s answer for ``action``: the progress ``commentary`` by language
    (``{"fi": "<p>…</p>"}``), the asked fields' values (ActionFieldValue's columns, as
    ``action_update`` takes them: ``[{"field": cost, "number": Decimal(5)}]``; a field
    given without a value is emptied) and, when the report asks them, the estimates
    (``{"emission_reduction_estimate": Decimal(…), …, "estimate_method_fi": "…"}``).

    Fields and estimates are saved on the action itself, a new revision of it,
    published when ``publish`` (the user may publish) and the action has no other
    changes waiting; else kept as a draft with them."""
    report = _locked(report)
    if action.plan_id != report.plan_id:
        raise ValidationError(same_plan_errors(report.plan, {"action": action}))
    if action.merged_with_id:
        raise ValidationError(MERGED_MESSAGE, params={"identifier": action.identifier})
    if _is_empty(commentary, field_values, estimates):
        raise ValidationError(EMPTY_ANSWER_MESSAGE, code="empty")
    changes = _action_changes(report, action, field_values, estimates)
    if not _written(commentary) and not (
        changes and content_would_change(_current(action), **changes)
    ):
        # The form shows the action's values: sent back untouched, they say nothing.
        raise ValidationError(UNCHANGED_ANSWER_MESSAGE, code="unchanged")
    if changes:
        _save_on_action(action, changes, user=user, publish=publish)
    answer = ReportAnswer.objects.filter(report=report, action=action).first()
    answer = answer or ReportAnswer(report=report, action=action)
    for code, text in (commentary or {}).items():
        setattr(answer, column_name("commentary", code), text or "")
    answer.answered_by = user if user is not None and user.is_authenticated else None
    answer.full_clean()
    answer.save()
    return answer


def _is_empty(commentary, field_values, estimates) -> bool:
    """No commentary in any language (an editor's empty paragraph is none) and no asked
    field or estimate given a value: such an answer would count the action as answered
    with nothing said."""
    written = _written(commentary)
    filled = any(_has_value(item) for item in field_values or ()) or any(
        value not in (None, "") for value in (estimates or {}).values()
    )
    return not (written or filled)


def _written(commentary) -> bool:
    """A commentary in some language (an editor's empty paragraph is none)."""
    return any(
        " ".join(unescape(strip_tags(text or "")).split()) for text in (commentary or {}).values()
    )


def _action_changes(report: Report, action: Action, field_values, estimates) -> dict:
    changes = {}
    if field_values is not None:
        asked = {field.pk: field for field in report.asked_fields.all()}
        given = {}
        for item in field_values:
            field = item["field"]
            if field.pk not in asked:
                raise ValidationError(NOT_ASKED_MESSAGE, params={"field": field})
            given[field.pk] = item
        kept = [
            _columns(value)
            for value in _current(action).field_values.all()
            if value.field_id not in given
        ]
        filled = [item for item in given.values() if _has_value(item)]
        changes["field_values"] = kept + filled
    if estimates:
        if not report.asks_estimates:
            raise ValidationError(ESTIMATES_NOT_ASKED_MESSAGE)
        changes.update(estimates)
    return changes


def _current(action: Action) -> Action:
    """The action as its editors see it: its latest draft, if it has one."""
    if action.live and action.has_unpublished_changes:
        return action.get_latest_revision_as_object()
    return action


def _columns(value) -> dict:
    """An ActionFieldValue as ``action_update`` takes it."""
    names = [
        field.attname
        for field in value._meta.concrete_fields
        if field.name not in ("id", "action", "field", "option", "category")
    ]
    return {
        "field": value.field,
        "option_id": value.option_id,
        "category_id": value.category_id,
        **{name: getattr(value, name) for name in names},
    }


def _has_value(item: dict) -> bool:
    return any(value not in (None, "") for key, value in item.items() if key not in ("field", "pk"))


def _save_on_action(action: Action, changes: dict, *, user, publish: bool) -> None:
    """Fields and estimates saved on the action, unless someone else has locked it (as
    the editor refuses); an answer that leaves the action as it is needs no lock."""
    if not content_would_change(_current(action), **changes):
        return
    action_check_unlocked(action, user)
    had_draft = action.live and action.has_unpublished_changes
    current = _current(action)
    action_update(current, user=user, publish=publish and action.live and not had_draft, **changes)


@transaction.atomic
def report_complete(report: Report, *, user=None) -> Report:
    """Freeze every action of the plan (merged ones left out) as it stands, with its
    answer, in the plan's natural order; the report is then completed. One transaction:
    either every snapshot is stored and the report completed, or nothing is."""
    report = _locked(report)
    plan = report.plan
    languages = plan.languages
    fields = list(ActionField.objects.filter(plan=plan).order_by("order", "pk"))
    answers = {
        answer.action_id: answer
        for answer in ReportAnswer.objects.filter(report=report).select_related("answered_by")
    }
    ReportSnapshot.objects.bulk_create(
        ReportSnapshot(
            report=report,
            action=action,
            position=position,
            identifier=action.identifier,
            is_public=action.is_public,
            data=action_data(action, fields, answers.get(action.pk), languages),
        )
        for position, action in enumerate(snapshot_actions(plan), start=1)
    )
    report.state = Report.State.COMPLETED
    report.completed_at = timezone.now()
    report.completed_by = user if user is not None and user.is_authenticated else None
    report.save(update_fields=["state", "completed_at", "completed_by", "updated_at"])
    touch(plan.pk)
    return report
