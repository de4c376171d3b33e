"""The demo plan has a completed report, frozen when the demo was loaded, and an open one
with a few answers."""

import datetime

import pytest

from vahti.demo.loader import load_demo
from vahti.reports.models import Report

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_completed_report_and_an_open_one():
    load_demo(today=datetime.date(2026, 11, 28), plans=("hnh2035",))
    completed = Report.objects.get(plan__identifier="hnh2035", slug="2025")
    assert completed.name_fi == "Vuosiraportti 2025" and completed.is_completed
    snapshots = list(completed.snapshots.all())
    assert len(snapshots) >= 25
    commented = [s.identifier for s in snapshots if s.data["commentary"]["fi"]]
    assert commented == ["1", "25", "40", "126", "128"]
    assert any(not s.is_public for s in snapshots)
    open_report = Report.objects.get(plan__identifier="hnh2035", slug="2026")
    assert not open_report.is_completed and open_report.asks_estimates
    assert open_report.answers.count() == 2
    assert open_report.deadline == datetime.date(2027, 1, 12)
