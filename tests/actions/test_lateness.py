"""The derived-lateness rule on plain values: a late open task, a stale action, both,
neither; never for a completed or cancelled action; cancelled tasks and tasks due today
do not count."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation

from vahti.actions.lateness import (
    NotUpdated,
    TaskLate,
    action_lateness,
    is_finished,
)

D = datetime.date
TODAY = D(2026, 11, 28)
LIMIT = 180
RECENT = TODAY - datetime.timedelta(days=10)
STALE = TODAY - datetime.timedelta(days=LIMIT + 1)


def lateness(tasks=(), updated=RECENT, finished=False):
    return action_lateness(
        finished=finished, tasks=tasks, updated=updated, today=TODAY, stale_after_days=LIMIT
    )


def test_an_open_task_past_its_due_date_makes_the_action_late():
    found = lateness([("Kaavoitus", "in_progress", D(2020, 3, 1))])
    assert found.is_late
    assert found.reasons == (TaskLate("Kaavoitus", D(2020, 3, 1)),)


def test_an_action_not_updated_within_the_limit_is_late():
    found = lateness(updated=STALE)
    assert found.reasons == (NotUpdated(STALE),)


def test_both_reasons_are_given_late_tasks_first_oldest_first():
    found = lateness(
        [("B", "not_started", D(2025, 1, 1)), ("A", "in_progress", D(2020, 3, 1))],
        updated=STALE,
    )
    assert found.reasons == (
        TaskLate("A", D(2020, 3, 1)),
        TaskLate("B", D(2025, 1, 1)),
        NotUpdated(STALE),
    )


def test_neither_late_task_nor_stale_is_not_late():
    found = lateness([("Tuleva", "not_started", D(2027, 1, 1))])
    assert not found.is_late and found.reasons == ()


def test_a_completed_or_cancelled_action_is_never_late():
    tasks = [("Vanha", "not_started", D(2020, 3, 1))]
    assert not lateness(tasks, updated=STALE, finished=True).is_late
    assert is_finished("done", True) and is_finished("cancelled", False)
    assert not is_finished("on_time", False) and not is_finished(None, False)


def test_cancelled_and_completed_tasks_are_not_late():
    found = lateness(
        [("Peruttu", "cancelled", D(2020, 3, 1)), ("Tehty", "completed", D(2020, 3, 1))]
    )
    assert not found.is_late


def test_a_task_due_today_is_not_late_yet_nor_an_update_exactly_at_the_limit():
    found = lateness(
        [("Tänään", "not_started", TODAY)], updated=TODAY - datetime.timedelta(days=LIMIT)
    )
    assert not found.is_late


@pytest.mark.parametrize(
    ("language", "task_text", "stale_text"),
    [
        (
            "fi",
            "Tehtävä ”Kaavoitus” oli määrä tehdä 01.03.2020 mennessä",
            "Tietoja ei ole päivitetty ",
        ),
        (
            "sv",
            "Uppgiften ”Kaavoitus” skulle vara klar senast 01.03.2020",
            "Uppgifterna har inte uppdaterats sedan ",
        ),
        ("en", "Task “Kaavoitus” was due on 1 Mar 2020", "Not updated since "),
    ],
)
def test_the_reasons_say_why_in_words(language, task_text, stale_text):
    found = lateness([("Kaavoitus", "in_progress", D(2020, 3, 1))], updated=STALE)
    with translation.override(language):
        texts = [str(reason) for reason in found.reasons]
    assert texts[0].startswith(task_text)
    assert texts[1].startswith(stale_text)
