"""Against PostgreSQL, with real processes: two ``send_reminders`` at once send each
reminder exactly once; a run killed halfway, run again, sends the rest and nothing
twice; and a run killed while a mail server is taking an email in never sends that
email again, and the plan's reminder log shows its outcome as unknown."""

from __future__ import annotations

import datetime
import json
import os
import re
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from wagtail.users.models import UserProfile

from tests.conftest import make_user, needs_database_server
from tests.factories import PersonFactory, PlanFactory, make_action, task
from tests.notifications.smtpstub import StubServer
from vahti.access.models import Role
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


def worker(mailbox: Path | None, **env) -> subprocess.Popen:
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
            "VAHTI_TEST_MAILBOX": str(mailbox or ""),
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
    killed = worker(mailbox, VAHTI_TEST_DIE_AT="12")  # dies in the 12th hand-off
    killed.communicate(timeout=120)
    assert killed.returncode == 9
    assert sum(delivered(mailbox).values()) == 11
    assert Reminder.objects.filter(state="sent").count() == 11
    # The 12th was being handed over: whether it went is not known, so not resent.
    assert Reminder.objects.filter(state="unknown").count() == 1

    again = worker(mailbox)
    _out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    counts = delivered(mailbox)
    assert len(counts) == PEOPLE - 1 and set(counts.values()) == {1}, counts
    assert Reminder.objects.filter(state="sent").count() == PEOPLE - 1
    assert Reminder.objects.filter(state="unknown").count() == 1


@pytest.fixture
def quiet_plan(db):
    """Two people with a task due in a week each: two emails; and the plan's admin."""
    plan = PlanFactory(identifier="kiire")
    soon = datetime.date.today() + datetime.timedelta(days=7)
    later = [soon + datetime.timedelta(days=60 * n) for n in (1, 2, 3)]
    for n in range(2):
        person = PersonFactory(plan=plan, email=f"person{n}@example.invalid")
        make_action(
            plan, str(n + 1),
            tasks=[task(f"Tehtävä {n}", due=soon), *(task("Myöhemmin", due=d) for d in later)],
            contact_persons=[(person, "contact")],
        )  # fmt: skip
    admin = make_user("paula", "paula@example.invalid")
    Role.objects.create(user=admin, plan=plan, kind="plan_admin")
    return plan, admin


def test_a_run_killed_while_the_mail_server_takes_an_email_never_sends_it_again(
    quiet_plan, client, english
):
    plan, admin = quiet_plan
    with StubServer(stall=True) as server:
        smtp = {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(server.port),
        }
        killed = worker(None, **smtp)
        try:
            # The server has the whole email and keeps silent: then the worker dies.
            assert server.received.wait(120), killed.stderr.read() if killed.poll() else ""
        finally:
            killed.send_signal(signal.SIGKILL)
            killed.communicate(timeout=60)
        assert killed.returncode == -signal.SIGKILL
        (stalled,) = server.messages

        server.stall = False
        again = worker(None, **smtp)
        _out, err = again.communicate(timeout=120)
        assert again.returncode == 0, err
        assert "1 emails of unknown outcome" not in err  # the rerun cut nothing off
        received = Counter(server.recipients())
    assert received == {"person0@example.invalid": 1, "person1@example.invalid": 1}, received
    unknown = Reminder.objects.get(state="unknown")
    assert unknown.email == stalled["To"] and unknown.message_id == stalled["Message-ID"]
    assert Reminder.objects.get(state="sent").email != stalled["To"]

    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(admin)
    page = client.get(f"/admin/reminders/?plan={plan.pk}&state=unknown")
    text = " ".join(BeautifulSoup(page.content, "html.parser").get_text(" ").split())
    assert stalled["To"] in text and "outcome unknown" in text
    assert unknown.message_id in text
