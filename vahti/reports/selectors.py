"""Reading reports: a plan's open reports, how far each is answered, and which of a
contact person's actions still wait for their answer."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from vahti.actions.models import Action, ContactPerson
from vahti.reports.models import Report, ReportAnswer


def open_reports(plan) -> QuerySet[Report]:
    return Report.objects.open().filter(plan=plan).order_by("deadline", "period_end", "pk")


def reportable_actions(plan) -> QuerySet[Action]:
    """The actions a report of ``plan`` covers: all but those merged into another."""
    return Action.objects.filter(plan=plan, merged_with__isnull=True)


def with_answer_counts(reports: QuerySet[Report]) -> QuerySet[Report]:
    """Each report with ``answered``: how many of its plan's actions have an answer."""
    return reports.annotate(
        answered=Count("answers", filter=Q(answers__action__merged_with__isnull=True))
    )


@dataclass(frozen=True)
class AnswerRow:
    action: Action
    answer: ReportAnswer | None


def report_answers(report: Report) -> list[AnswerRow]:
    """Every action the report covers, in the plan's order, with its answer if any.
    Two queries."""
    answers = {
        answer.action_id: answer
        for answer in ReportAnswer.objects.filter(report=report).select_related("answered_by")
    }
    actions = (
        reportable_actions(report.plan_id)
        .select_related("status")
        .only(
            "id",
            "plan_id",
            "identifier",
            "sort_key",
            "name_fi",
            "name_sv",
            "name_en",
            "status",
            "has_unpublished_changes",
        )
        .in_natural_order()
    )
    return [AnswerRow(action, answers.get(action.pk)) for action in actions]


@dataclass(frozen=True)
class WaitingReport:
    report: Report
    actions: list[Action]  # the user's actions without an answer yet


def unanswered_for(user, plan) -> list[WaitingReport]:
    """The open reports of ``plan`` and, for each, the actions ``user`` is a contact
    person of that have no answer yet (a report they have answered in full is left out).
    Three queries, whatever the number of reports and actions."""
    if not (user and user.is_authenticated):
        return []
    reports = list(open_reports(plan))
    if not reports:
        return []
    actions = list(
        reportable_actions(plan)
        .filter(pk__in=ContactPerson.objects.filter(person__user=user).values("action_id"))
        .only("id", "plan_id", "identifier", "sort_key", "name_fi", "name_sv", "name_en")
        .in_natural_order()
    )
    answered = set(
        ReportAnswer.objects.filter(report__in=reports, action__in=actions).values_list(
            "report_id", "action_id"
        )
    )
    waiting = []
    for report in reports:
        left = [action for action in actions if (report.pk, action.pk) not in answered]
        if left:
            waiting.append(WaitingReport(report, left))
    return waiting
