"""The first round of reminders costs the same queries however many actions need them
(issue 22): planning reads a fixed number, and sending costs a few per email, not per
action or reminder."""

from __future__ import annotations

import datetime
import re
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.notifications.conftest import planned_work
from vahti.notifications import reminders, services
from vahti.notifications.models import Reminder

D = datetime.date
WRITES = ("UPDATE", "INSERT", "DELETE")


def is_insert(sql: str) -> bool:
    """An INSERT, also one statement run for many rows (logged as "12 times: INSERT …")."""
    return re.sub(r"^\d+ times: ", "", sql).startswith("INSERT")


def first_round(town) -> tuple[int, list]:
    """The queries of a round (rows stored, emails sent) and the emails."""
    Reminder.objects.filter(plan=town.plan).delete()
    before = len(mail.outbox)
    now = services.timezone.now()
    with CaptureQueriesContext(connection) as captured:
        reminders.plan_reminders(town.plan, now)
        services.send_pending(town.plan, now)
    inserts = [q for q in captured if is_insert(q["sql"])]
    return len(captured) - len(inserts), mail.outbox[before:]


def test_the_rounds_queries_do_not_grow_with_the_actions(town, action_with):
    action_with("1", tasks=planned_work(D(2026, 12, 8)), contacts=[town.mikko, town.liisa])
    few, emails = first_round(town)
    assert sorted(e.to[0] for e in emails) == ["liisa@example.invalid", "mikko@example.invalid"]
    for n in range(2, 40):
        action_with(str(n), tasks=planned_work(D(2026, 12, 8), D(2026, 11, 30)),
                    contacts=[town.mikko, town.liisa])  # fmt: skip
    many, emails = first_round(town)
    assert many == few
    # The same two people, each told of every action in one email, by its name.
    assert len(emails) == 2
    body = " ".join(emails[0].body.split())
    assert "39 Toimenpide 39" in body and "Tehtävän ”Tehtävä 2”" in body
    assert "/admin/snippets/actions/action/edit/" in body


def planning_queries(town) -> tuple[int, int, int]:
    """Planning a first round: its read queries, its insert statements, the rows stored."""
    Reminder.objects.filter(plan=town.plan).delete()
    with CaptureQueriesContext(connection) as captured:
        _due, new = reminders.plan_reminders(town.plan, services.timezone.now())
    inserts = [q for q in captured if is_insert(q["sql"])]
    return len(captured) - len(inserts), len(inserts), new


def test_planning_reads_the_same_queries_and_stores_all_rows_in_one_statement(town, action_with):
    action_with("1", tasks=planned_work(D(2026, 12, 8)), contacts=[town.mikko, town.liisa])
    reads_small, inserts_small, rows_small = planning_queries(town)
    for n in range(2, 60):
        action_with(str(n), tasks=planned_work(D(2026, 12, 8), D(2026, 11, 30)),
                    contacts=[town.mikko, town.liisa])  # fmt: skip
    reads_large, inserts_large, rows_large = planning_queries(town)
    assert rows_large > 10 * rows_small
    assert reads_large == reads_small
    # Every row in one statement (one parameter set each), however many.
    assert inserts_small == inserts_large == 1
    assert Reminder.objects.filter(plan=town.plan).count() == rows_large


@pytest.mark.django_db(transaction=True)
def test_sending_commits_once_per_email_with_three_statements_each(town, action_with):
    """Each email's claim and the previous email's "sent" mark share one transaction:
    one commit per email (and one for the last mark), no statement committed on its own."""
    for n in range(1, 6):
        action_with(str(n), tasks=planned_work(D(2026, 12, 8)), contacts=[town.mikko, town.liisa])
    now = services.timezone.now()
    reminders.plan_reminders(town.plan, now)
    outside = []

    def note_autocommit(execute, sql, params, many, context):
        if not connection.in_atomic_block:
            outside.append(sql)
        return execute(sql, params, many, context)

    with (
        mock.patch.object(connection, "commit", wraps=connection.commit) as commits,
        CaptureQueriesContext(connection) as captured,
        connection.execute_wrapper(note_autocommit),
    ):
        outcome = services.send_pending(town.plan, now)

    assert outcome.emails == 2
    assert commits.call_count == outcome.emails + 1
    assert [q for q in outside if q.lstrip().upper().startswith(WRITES)] == []
    # The pending read, then per email its claim (and the previous mark), and the last mark.
    writes = [q for q in captured if q["sql"].lstrip().upper().startswith(WRITES)]
    assert len(writes) == 2 * outcome.emails
    assert set(Reminder.objects.values_list("state", flat=True)) == {Reminder.State.SENT}


def test_each_recipients_reminders_are_stored_side_by_side(town, action_with):
    """An email's claim and "sent" mark then write a page or two of the table, not one
    per action the person is reminded of."""
    for n in range(1, 8):
        action_with(str(n), tasks=planned_work(D(2026, 12, 8)), contacts=[town.mikko, town.liisa])
    reminders.plan_reminders(town.plan, services.timezone.now())
    order = list(Reminder.objects.order_by("pk").values_list("recipient", flat=True))
    assert len(order) == 14 and len(set(order)) == 2  # one each per action
    first = order[0]
    assert order == [first] * order.count(first) + [r for r in order if r != first]
