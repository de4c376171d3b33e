"""Rows inserted with one statement for all (vahti.core.inserts) are stored as
``bulk_create`` stores them: defaults, JSON and the time of creation; with
``ignore_conflicts`` a row a unique constraint refuses is skipped."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vahti.core.inserts import rows_insert
from vahti.notifications.models import Kind, Reminder

pytestmark = pytest.mark.django_db


def reminder(plan, occasion: str, n: int) -> Reminder:
    return Reminder(
        plan=plan, kind=Kind.FEEDBACK, recipient="user:1", name="Anna", language="fi",
        email="anna@example.invalid", subject="feedback:1", occasion=occasion, details={"n": n},
    )  # fmt: skip


def stored(plan) -> list[tuple]:
    return [
        (r.occasion, r.details, r.state, r.attempts, r.created_at is not None)
        for r in Reminder.objects.filter(plan=plan).order_by("occasion")
    ]


def test_the_rows_are_stored_with_their_defaults_in_one_statement(plan):
    with CaptureQueriesContext(connection) as captured:
        assert rows_insert(Reminder, [reminder(plan, f"o{n}", n) for n in range(3)]) == 3
    assert len(captured) == 1
    assert stored(plan) == [(f"o{n}", {"n": n}, "pending", 0, True) for n in range(3)]


def test_with_ignore_conflicts_a_row_stored_before_is_skipped(plan):
    rows_insert(Reminder, [reminder(plan, "o1", 1)])
    rows_insert(Reminder, [reminder(plan, "o1", 2), reminder(plan, "o2", 2)], ignore_conflicts=True)
    assert stored(plan) == [
        ("o1", {"n": 1}, "pending", 0, True),
        ("o2", {"n": 2}, "pending", 0, True),
    ]
