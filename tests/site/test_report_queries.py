"""The report pages and downloads read the same number of queries whatever the report's
size, and are kept in the page cache while the plan's data is unchanged."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.reports.snapshot_data import action_data, completed_report, estimates
from tests.site.conftest import QUERY_BUDGET
from tests.site.test_page_cache import get

pytestmark = pytest.mark.django_db

ADDRESSES = (
    "/reports/",
    "/reports/{slug}/",
    "/sv/reports/{slug}/",
    "/reports/{slug}/compare/{earlier}/",
    "/reports/{slug}/compare/?with={earlier}",
    "/reports/{slug}.xlsx",
    "/reports/{slug}.pdf",
)


def snapshots(count: int):
    return [
        (action_data(str(n), f"Toimenpide {n}", estimates=estimates(str(n))), True, None)
        for n in range(1, count + 1)
    ]


def count(client, address) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address)
    assert response.status_code in (200, 302), address
    return len(captured)


@pytest.mark.usefixtures("uncached")
def test_report_pages_read_the_same_queries_for_10_and_100_actions(client, plan, monkeypatch):
    # Drawing the PDF reads nothing (its queries are the page's): not drawn here, for time.
    monkeypatch.setattr("vahti.reports.pdf.pdf_bytes", lambda html: b"%PDF-1.7")
    completed_report(plan, "2022", snapshots(10))
    completed_report(plan, "2023", snapshots(10))
    completed_report(plan, "2024", snapshots(100))
    completed_report(plan, "2025", snapshots(100))
    differing = []
    for address in ADDRESSES:
        small = address.format(slug="2023", earlier="2022")
        large = address.format(slug="2025", earlier="2024")
        count(client, small), count(client, large)  # the footer's lists, once
        small_count, large_count = count(client, small), count(client, large)
        if small_count != large_count or large_count > QUERY_BUDGET:
            differing.append(f"{address}: {small_count} at 10 actions, {large_count} at 100")
    assert not differing, "\n".join(differing)


def test_a_report_page_and_its_pdf_come_from_the_page_cache_until_the_plan_changes(client, plan):
    completed_report(plan, "2025", snapshots(3))
    report = completed_report(plan, "2026", completed=False)
    for address in ("/reports/2025/", "/reports/2025.pdf", "/reports/2025.xlsx"):
        first = get(client, address)
        assert first.status_code == 200 and first["X-Vahti-Cache"] == "miss", address
        again = get(client, address)
        assert again["X-Vahti-Cache"] == "hit" and again.queries == 0, address
        assert again.content == first.content
    # Another report completed: the list and the footer's link change, the pages go stale.
    report.state, report.completed_at = "completed", datetime.datetime.now(datetime.UTC)
    report.save()
    assert get(client, "/reports/2025/")["X-Vahti-Cache"] == "miss"


def test_a_reports_pdf_is_drawn_once_while_actions_change(client, plan, monkeypatch):
    from tests.factories import make_action
    from vahti.reports import pdf

    completed_report(plan, "2025", snapshots(3))
    drawn = []
    draw = pdf.pdf_bytes
    monkeypatch.setattr(pdf, "pdf_bytes", lambda html: drawn.append(1) or draw(html))
    first = client.get("/reports/2025.pdf")
    make_action(plan, "77")  # the plan changes: its pages are rendered again
    again = client.get("/reports/2025.pdf")
    assert again["X-Vahti-Cache"] == "miss" and again.content == first.content
    assert len(drawn) == 1
    client.get("/sv/reports/2025.pdf")  # another language is drawn of its own
    assert len(drawn) == 2
