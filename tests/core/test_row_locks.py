"""A save holding a row (``row_write_lock``, ``action_write_lock``) keeps other writers
of that row waiting, but not the rows that point at it: on PostgreSQL a plain FOR UPDATE
also held back every insert referring to the row (a foreign key's check takes a share
lock on the row it points at), so a plan's settings being saved held up every new row of
the plan, and two saves holding rows the other's inserts referred to deadlocked (a 500,
the input lost). (An insert whose signals then change the held row itself, as a task
touching its action's update time, is a writer of that row and waits, as it should; the
inserts here are only inserts.) SQLite's write transactions take the whole database
(nothing to test there)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from tests.factories import PlanFactory, make_action
from vahti.actions.models import Task
from vahti.actions.services import action_write_lock
from vahti.core.services import row_write_lock
from vahti.plans.models import ActionStatus, Plan

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL"),
]


def inserted_while_held(hold, insert) -> bool:
    """Whether ``insert()``, in another connection, finishes while ``hold()`` (a context
    manager) is held in this one."""
    done = threading.Event()
    failed = []

    def other() -> None:
        try:
            insert()
            done.set()
        except Exception as error:  # the finding, reported below
            failed.append(error)
        finally:
            connections.close_all()

    with hold():
        thread = threading.Thread(target=other)
        thread.start()
        finished = done.wait(timeout=10)
    thread.join(timeout=30)
    assert not failed, failed
    return finished


def test_a_row_held_by_a_save_leaves_rows_pointing_at_it_insertable():
    plan = PlanFactory()
    assert inserted_while_held(
        lambda: row_write_lock(Plan, plan.pk),
        lambda: ActionStatus.objects.bulk_create(
            [ActionStatus(plan=plan, identifier="paused", name_fi="Tauolla")]
        ),
    )


def test_an_action_held_by_a_save_leaves_its_new_tasks_insertable():
    action = make_action(PlanFactory(), "1")
    assert inserted_while_held(
        lambda: action_write_lock(action.pk),
        lambda: Task.objects.bulk_create(
            [Task(action=action, name_fi="Tehtävä", state="not_started", due_at="2030-01-01")]
        ),
    )
