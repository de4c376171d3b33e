"""Handing an email to a real (stub) mail server: an email is sent at most once. One
whose hand-off was cut off before the server answered may have arrived, so it is not
sent again but shown in the plan's reminder log as "outcome unknown", with the
Message-ID to look for; one the server refused is retried."""

from __future__ import annotations

import datetime
import logging

import pytest
from bs4 import BeautifulSoup
from wagtail.users.models import UserProfile

from tests.notifications.conftest import planned_work
from tests.notifications.smtpstub import StubServer
from vahti.notifications import services
from vahti.notifications.models import Reminder

D = datetime.date
pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def smtp(settings):
    def start(**options) -> StubServer:
        server = StubServer(**options)
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        settings.EMAIL_TIMEOUT = 1
        return server

    return start


def reminder_log(client, user, plan, state="", language="en") -> str:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    page = client.get(f"/admin/reminders/?plan={plan.pk}&state={state}")
    assert page.status_code == 200
    return " ".join(BeautifulSoup(page.content, "html.parser").get_text(" ").split())


def test_a_hand_off_cut_off_before_the_answer_is_not_sent_again(
    town, action_with, smtp, caplog, client
):
    action_with(tasks=planned_work(D(2026, 12, 8)))
    with smtp(stall=True) as server, caplog.at_level(logging.ERROR, logger="vahti.reminders"):
        outcome = services.run(plans=[town.plan])
        assert len(server.messages) == 1  # the server has it, but never said so
        reminder = Reminder.objects.get()
        assert reminder.state == Reminder.State.UNKNOWN
        assert reminder.message_id == server.messages[0]["Message-ID"]
        assert reminder.handed_at is not None and reminder.sent_at is None
        assert outcome.unknown == 1 and outcome.failed == 0 and outcome.emails == 0
        assert reminder.message_id in caplog.text
        for hours in (1, 2, 4, 24):  # well past every retry time
            town.clock.shift(datetime.timedelta(hours=hours))
            services.run(plans=[town.plan])
        server.stall = False
        town.clock.shift(datetime.timedelta(days=1))
        services.run(plans=[town.plan])
        assert len(server.messages) == 1
    reminder.refresh_from_db()
    assert reminder.state == Reminder.State.UNKNOWN
    text = reminder_log(client, town.plan_admin, town.plan, state="unknown")
    assert "mikko@example.invalid" in text and "outcome unknown" in text
    assert reminder.message_id in text
    text = reminder_log(client, town.plan_admin, town.plan, state="unknown", language="fi")
    assert "lopputulos ei tiedossa" in text and "etsi sen Message-ID" in text


def test_a_refusal_from_the_mail_server_is_retried_and_then_sent_once(town, action_with, smtp):
    action_with(tasks=planned_work(D(2026, 12, 8)))
    with smtp(refuse=True) as server:
        outcome = services.run(plans=[town.plan])
        assert outcome.failed == 1 and outcome.unknown == 0
        reminder = Reminder.objects.get()
        assert reminder.state == Reminder.State.PENDING and reminder.attempts == 1
        assert "no such mailbox" in reminder.last_error
        assert server.messages == []
        server.refuse = False
        town.clock.shift(datetime.timedelta(minutes=11))
        assert services.run(plans=[town.plan]).emails == 1
        town.clock.shift(datetime.timedelta(hours=1))
        services.run(plans=[town.plan])
        assert len(server.messages) == 1
    reminder.refresh_from_db()
    assert reminder.state == Reminder.State.SENT
    assert reminder.message_id == server.messages[0]["Message-ID"]


def test_a_mail_server_that_cannot_be_reached_is_retried(town, action_with, settings):
    import socket

    with socket.socket() as closed:  # a port nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 1
    action_with(tasks=planned_work(D(2026, 12, 8)))
    assert services.run(plans=[town.plan]).failed == 1
    reminder = Reminder.objects.get()
    assert reminder.state == Reminder.State.PENDING and reminder.attempts == 1
    assert reminder.handed_at is None and reminder.message_id == ""


def test_a_round_hands_its_emails_over_one_connection(town, action_with, smtp):
    action_with(tasks=planned_work(D(2026, 12, 8)), contacts=[town.mikko, town.liisa])
    with smtp() as server:
        outcome = services.run(plans=[town.plan])
    assert outcome.emails == 2 and outcome.failed == outcome.unknown == 0
    assert sorted(server.recipients()) == ["liisa@example.invalid", "mikko@example.invalid"]
    assert server.sessions == 1
    assert set(Reminder.objects.values_list("state", flat=True)) == {Reminder.State.SENT}


def test_after_a_refused_email_the_next_goes_over_a_new_connection(town, action_with, smtp):
    action_with(tasks=planned_work(D(2026, 12, 8)), contacts=[town.mikko, town.liisa])
    with smtp(refuse_to=("mikko@",)) as server:
        outcome = services.run(plans=[town.plan])
    assert outcome.emails == 1 and outcome.failed == 1 and outcome.unknown == 0
    assert server.recipients() == ["liisa@example.invalid"]
    assert server.sessions == 2
    mikko = Reminder.objects.get(email="mikko@example.invalid")
    assert mikko.state == Reminder.State.PENDING and mikko.attempts == 1
    assert Reminder.objects.get(email="liisa@example.invalid").state == Reminder.State.SENT


def test_a_connection_the_mail_server_closed_is_opened_again_not_lost(town, action_with, smtp):
    """A server that hangs up between two emails: the second is not cut off (nor left
    "outcome unknown"), it goes over a new connection."""
    action_with(tasks=planned_work(D(2026, 12, 8)), contacts=[town.mikko, town.liisa])
    with smtp(messages_per_session=1) as server:
        outcome = services.run(plans=[town.plan])
    assert outcome.emails == 2 and outcome.failed == outcome.unknown == 0
    assert sorted(server.recipients()) == ["liisa@example.invalid", "mikko@example.invalid"]
    assert server.sessions == 2
    assert set(Reminder.objects.values_list("state", flat=True)) == {Reminder.State.SENT}


def test_a_server_that_closes_after_so_many_messages_gets_the_next_on_a_new_connection(
    town, action_with, smtp
):
    """A 421 to the next sender ("too many messages"): nothing was taken, so the email
    goes at once over a new connection, not delayed as refused nor counted a failure."""
    action_with(tasks=planned_work(D(2026, 12, 8)), contacts=[town.mikko, town.liisa])
    with smtp(limit_per_session=1) as server:
        outcome = services.run(plans=[town.plan])
    assert outcome.emails == 2 and outcome.failed == outcome.unknown == 0
    assert sorted(server.recipients()) == ["liisa@example.invalid", "mikko@example.invalid"]
    assert server.sessions == 2
    assert set(Reminder.objects.values_list("state", flat=True)) == {Reminder.State.SENT}
    assert set(Reminder.objects.values_list("attempts", flat=True)) == {0}
