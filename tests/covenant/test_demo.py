"""The demo plan comes with a Covenant of Mayors mapping: its themes and statuses mapped,
so that its export is meaningful."""

import datetime

import pytest

from vahti.covenant.selectors import covenant_rows
from vahti.demo.loader import load_plan
from vahti.plans.models import Plan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_the_demo_plans_export_has_sectors_areas_and_statuses():
    load_plan("hnh2035", today=datetime.date(2026, 11, 28))
    rows = covenant_rows(Plan.objects.get(identifier="hnh2035"))
    assert len(rows) > 20
    sectors = {row.values["sector"] for row in rows}
    assert {"Transport", "Residential buildings"} <= sectors
    assert {row.values["origin"] for row in rows} == {"Local authority"}
    assert {"Ongoing", "Completed"} <= {row.values["status"] for row in rows}
    assert sum(1 for row in rows if row.is_complete) > 0
