"""Public pages of a plan's completed reports: the list, one report, its comparison with
another report, and its downloads (workbook, PDF). All of them read the reports'
snapshots only, so a report stays as it was completed whatever happens to the actions.
An open report does not exist publicly."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from vahti.core.i18n import active_language
from vahti.core.spreadsheets import xlsx_file_response
from vahti.reports import comparison, exports, pdf, public, snapshots
from vahti.reports.models import Report
from vahti.site import pagecache
from vahti.site.views import request_plan


def _report(request, slug: str) -> Report:
    plan = request_plan(request)
    try:
        return public.report_for_site(plan, slug)
    except Report.DoesNotExist:
        raise Http404("No such completed report in this plan.") from None


def _shown(report: Report) -> list[snapshots.Entry]:
    return snapshots.entries(public.public_snapshots(report), report.translation_primary_language())


def _others(report: Report) -> list[Report]:
    return [r for r in public.completed_reports(report.plan) if r.pk != report.pk]


@require_safe
def report_list(request):
    plan = request_plan(request)
    return render(
        request,
        "site/report_list.html",
        {"plan": plan, "nav": "reports", "reports": list(public.completed_reports(plan))},
    )


@require_safe
def report_detail(request, slug: str):
    report = _report(request, slug)
    shown = _shown(report)
    return render(
        request,
        "site/report_detail.html",
        {
            "plan": report.plan,
            "nav": "report",
            "report": report,
            "entries": shown,
            "summary": snapshots.summary(shown),
            "others": _others(report),
        },
    )


@require_safe
def report_compare(request, slug: str, other: str | None = None):
    """Without ``other`` the form to choose it (``?with=`` leads to its address)."""
    report = _report(request, slug)
    others = _others(report)
    if other is None:
        chosen = request.GET.get("with", "")
        if any(r.slug == chosen for r in others):
            return redirect("site:report-compare-with", slug=report.slug, other=chosen)
        earlier = None
    else:
        earlier = next((r for r in others if r.slug == other), None)
        if earlier is None:
            raise Http404("No such completed report in this plan.")
    result = earlier and comparison.compare(_shown(report), _shown(earlier))
    return render(
        request,
        "site/report_compare.html",
        {
            "plan": report.plan,
            "nav": "report",
            "report": report,
            "earlier": earlier,
            "others": others,
            "unknown": other is None and bool(request.GET.get("with")),
            "comparison": result,
        },
    )


def _filename(report: Report, extension: str) -> str:
    return f"{report.plan.identifier}-{report.slug}.{extension}"


@require_safe
def report_xlsx(request, slug: str):
    report = _report(request, slug)
    content = exports.report_xlsx(_shown(report), str(_("Report")))
    return xlsx_file_response(content, _filename(report, "xlsx"))


def _pdf_html(report: Report, address: str) -> str:
    shown = _shown(report)
    return render_to_string(
        "reports/report_pdf.html",
        {
            "plan": report.plan,
            "report": report,
            "entries": shown,
            "summary": snapshots.summary(shown),
            "address": address,
        },
    )


@require_safe
def report_pdf(request, slug: str):
    report = _report(request, slug)
    plan = report.plan
    address = request.build_absolute_uri(reverse("site:report-detail", args=[slug]))
    parts = (pagecache.BUILD, report.pk, report.updated_at.isoformat(), active_language(),
             plan.name, plan.primary_language, address)  # fmt: skip
    try:
        content = pdf.kept(parts, lambda: pdf.pdf_bytes(_pdf_html(report, address)))
    except pdf.PdfUnavailable:
        return render(
            request,
            "site/report_pdf_unavailable.html",
            {"plan": report.plan, "nav": "report", "report": report},
            status=503,
        )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, _filename(report, "pdf"))
    return response
