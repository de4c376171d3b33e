"""After a bulk write PostgreSQL's planner knows the tables' sizes at once: without
statistics it took a plan of 1,500 just-imported actions for one row and joined the
action page's links in a nested loop over every action (614 ms instead of 47 ms)."""

import pytest
from django.db import connection

from vahti.actions.models import Action
from vahti.demo.generate import generate_plan
from vahti.plans.models import Plan
from vahti.workbook import reader
from vahti.workbook.export import Export
from vahti.workbook.importer import import_workbook

pytestmark = pytest.mark.django_db


def planner_rows(table: str) -> float:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        return cursor.fetchone()[0]


def analyses(callbacks) -> list:
    return [c for c in callbacks if "analyze_after_bulk_write" in c.__qualname__]


def test_a_generated_plan_and_an_imported_workbook_are_analysed(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True) as generated:
        plan = generate_plan("analysed", 60)
    if connection.vendor != "postgresql":
        # SQLite keeps no statistics unless asked: nothing to do.
        assert analyses(generated) == []
        return
    # The rows are this test's transaction's own: only its ANALYZE can have counted them.
    assert planner_rows("actions_action") >= 60

    content = Export(plan, public=False).workbook()
    Plan.objects.filter(pk=plan.pk).update(identifier="before")  # the import makes a new one
    with django_capture_on_commit_callbacks(execute=True):
        report = import_workbook(reader.read("plan.xlsx", content))
    assert report.applied and Action.objects.count() == 120
    assert planner_rows("actions_action") >= 120


def test_nothing_is_analysed_after_a_dry_run(django_capture_on_commit_callbacks):
    content = Export(generate_plan("dry", 5), public=False).workbook()
    with django_capture_on_commit_callbacks() as callbacks:
        report = import_workbook(reader.read("plan.xlsx", content), dry_run=True)
    assert not report.applied and analyses(callbacks) == []
