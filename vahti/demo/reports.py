"""The demo plan's reports (``"reports"`` in its ``extras.json``): each opened, answered
for the actions named in it with their commentaries, and, when ``"completed"``, completed
at loading, so that its snapshot exists. Written through vahti.reports.services; a report
already there is left as it is, but for the commentaries of an open one."""

from __future__ import annotations

from vahti.actions.models import Action
from vahti.core.i18n import column_name, language_codes
from vahti.reports.models import Report
from vahti.reports.services import report_answer, report_complete, report_open


def load_reports(extras, items: list[dict]) -> None:
    for item in items:
        report = Report.objects.filter(plan=extras.plan, slug=item["slug"]).first()
        created = report is None
        if created:
            report = _open(extras, item)
        changed = False
        if not report.is_completed:
            changed = _answer(extras.plan, report, item.get("answers", {}))
            if item.get("completed"):
                report_complete(report)
                changed = True
        if created or changed:
            extras.report.count("reports", True, created=created)


def _open(extras, item: dict) -> Report:
    fields = {f.identifier: f for f in extras.plan.action_fields.all()}
    return report_open(
        extras.plan,
        slug=item["slug"],
        **texts("name", item["name"]),
        **texts("intro", item.get("intro")),
        period_start=extras.date(item["period_start"]),
        period_end=extras.date(item["period_end"]),
        deadline=extras.date(item.get("deadline")),
        asks_estimates=item.get("asks_estimates", False),
        asked_fields=[fields[identifier] for identifier in item.get("asked_fields", [])],
    )


def texts(name: str, translations: dict | None) -> dict[str, str]:
    translations = translations or {}
    return {column_name(name, code): translations.get(code, "") for code in language_codes()}


def _answer(plan, report: Report, answers: dict) -> bool:
    """The commentaries that differ from those stored; whether any did."""
    stored = {answer.action_id: answer for answer in report.answers.all()}
    changed = False
    for identifier, commentary in answers.items():
        action = Action.objects.get(plan=plan, identifier=identifier)
        answer = stored.get(action.pk)
        if answer is not None and all(
            getattr(answer, column_name("commentary", code)) == text
            for code, text in commentary.items()
        ):
            continue
        report_answer(report, action, commentary=commentary)
        changed = True
    return changed
