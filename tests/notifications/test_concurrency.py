"""Against PostgreSQL, with real processes: two ``send_reminders`` at once send each
reminder exactly once, and a run killed halfway, run again, sends the rest and nothing
twice."""

from __future__ import annotations

import datetime
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection

from tests.conftest import needs_database_server
from tests.factories import PersonFactory, PlanFactory, make_action, task
from vahti.notifications.models import Reminder

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = 30

pytestmark = [
    pytest.mark.django_db(transaction=True),
    needs_database_server,
]


@pytest.fixture
def busy_plan(db):
    """30 people, each the contact person of an action with a task due in a week: 30
    emails to send."""
    plan = PlanFactory(identifier="kiire")
    soon = datetime.date.today() + datetime.timedelta(days=7)
    later = [soon + datetime.timedelta(days=60 * n) for n in (1, 2, 3)]
    for n in range(PEOPLE):
        person = PersonFactory(plan=plan, email=f"person{n}@example.invalid")
        make_action(
            plan, str(n + 1),
            tasks=[task(f"Tehtävä {n}", due=soon), *(task("Myöhemmin", due=d) for d in later)],
            contact_persons=[(person, "contact")],
        )  # fmt: skip
    return plan


def worker(mailbox: Path, **env) -> subprocess.Popen:
    settings = connection.settings_dict
    url = (
        f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@{settings['HOST']}:"
        f"{settings['PORT'] or 5432}/{settings['NAME']}"
    )
    return subprocess.Popen(
        [sys.executable, "manage.py", "send_reminders", "--plan", "kiire"],
        cwd=ROOT,
        env={
            **os.environ,
            "DATABASE_URL": url,
            "EMAIL_BACKEND": "tests.notifications.mailboxes.Appending",
            "VAHTI_TEST_MAILBOX": str(mailbox),
            "DEBUG": "true",
            **env,
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def delivered(mailbox: Path) -> Counter:
    if not mailbox.exists():
        return Counter()
    return Counter(json.loads(line)["to"][0] for line in mailbox.read_text().splitlines())


def test_two_workers_at_once_send_each_reminder_once(busy_plan, tmp_path):
    mailbox = tmp_path / "mailbox.jsonl"
    # Slow enough that the two are sending at the same time.
    workers = [worker(mailbox, VAHTI_TEST_SEND_SECONDS="0.05") for _ in range(2)]
    sent = 0
    for process in workers:
        _out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        sent += int(re.search(r"sent (\d+) reminders", err).group(1))
    assert sent == PEOPLE  # what the two say they sent, together
    counts = delivered(mailbox)
    assert len(counts) == PEOPLE and set(counts.values()) == {1}, counts
    assert Reminder.objects.filter(state="sent").count() == PEOPLE
    assert Reminder.objects.count() == PEOPLE  # planned once, too


def test_a_run_killed_halfway_and_run_again_sends_nothing_twice(busy_plan, tmp_path):
    mailbox = tmp_path / "mailbox.jsonl"
    killed = worker(mailbox, VAHTI_TEST_DIE_AT="12")
    killed.communicate(timeout=120)
    assert killed.returncode == 9
    assert sum(delivered(mailbox).values()) == 11
    assert Reminder.objects.filter(state="sent").count() == 11  # the 12th rolled back

    again = worker(mailbox)
    _out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    counts = delivered(mailbox)
    assert len(counts) == PEOPLE and set(counts.values()) == {1}, counts
    assert Reminder.objects.filter(state="sent").count() == PEOPLE
