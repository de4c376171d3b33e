"""Reading completed reports for the public site: the plan's list, one report with its
public snapshots, and whether the plan has any (the site's footer link)."""

from __future__ import annotations

from vahti.plans.changes import kept_for_version
from vahti.plans.models import Plan
from vahti.reports.models import Report, ReportSnapshot


def completed_reports(plan: Plan):
    """The plan's completed reports, the latest period first."""
    return Report.objects.for_plan(plan).completed().order_by("-period_end", "-pk")


def report_for_site(plan: Plan, slug: str) -> Report:
    """A completed report of the plan; an open one, or another plan's, does not exist."""
    report = completed_reports(plan).get(slug=slug)
    report.plan = plan  # read already: no query for its languages
    return report


def public_snapshots(report: Report) -> list[ReportSnapshot]:
    """The report's actions that were public when it was completed, in order: one query."""
    return list(
        ReportSnapshot.objects.filter(report=report, is_public=True)
        .order_by("position")
        .only("position", "identifier", "is_public", "data")
    )


def has_completed_reports(plan: Plan) -> bool:
    """Kept while the plan's data is unchanged (completing a report moves its version)."""
    return kept_for_version(plan, "has-reports", lambda: completed_reports(plan).exists())
