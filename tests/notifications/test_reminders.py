"""Every kind of reminder on its schedule (the plan is Finnish, and so are its emails),
with the clock frozen and moved day by day; who gets them when an action has no contact
person; the weekly digest; each person's choices; the language and content of the emails;
failures retried; the dry run."""

from __future__ import annotations

import datetime
import logging

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_action, make_indicator, task
from tests.notifications.conftest import planned_work
from vahti.actions.services import action_update
from vahti.notifications import reminders, services
from vahti.notifications.models import Kind, Reminder, ReminderPreference, ReminderRule

D = datetime.date


def lines(message) -> str:
    return " ".join(message.body.split())


def test_a_task_due_soon_is_reminded_30_7_and_1_days_before(town, action_with):
    action_with(tasks=planned_work(D(2026, 12, 31)))
    assert town.run() != []  # 30 days before: 1 December
    (first,) = mail.outbox
    assert first.to == ["mikko@example.invalid"]
    assert "Tehtävän ”Tehtävä 1” määräaika on 30 päivän päästä (31.12.2026)." in lines(first)
    assert town.run() == []  # the same day again: nothing
    town.at(D(2026, 12, 23))
    assert town.run() == []  # between occasions
    town.at(D(2026, 12, 24))
    assert len(town.run()) == 1  # 7 days before
    town.at(D(2026, 12, 30))
    (last,) = town.run()  # 1 day before
    assert Reminder.objects.filter(kind=Kind.TASK_DUE).count() == 3
    assert {r.occasion for r in Reminder.objects.all()} == {"before:30", "before:7", "before:1"}
    assert "Tehtävä 1" in last.body


def test_a_missed_occasion_is_not_sent_late_only_the_current_one(town, action_with):
    town.at(D(2026, 12, 26))
    action_with(tasks=planned_work(D(2026, 12, 31)))  # added 5 days before it is due
    assert len(town.run()) == 1
    assert list(Reminder.objects.values_list("occasion", flat=True)) == ["before:7"]


def test_a_late_task_is_reminded_the_day_after_a_week_after_then_monthly(town, action_with):
    town.at(D(2026, 11, 20))
    action_with(tasks=planned_work(D(2026, 12, 1)))
    sent = {}
    for day in [D(2026, 12, 1) + datetime.timedelta(days=n) for n in range(0, 70)]:
        town.at(day)
        for message in town.run():
            if "määräaika oli" in message.body:
                sent[day] = message
    late = sorted(Reminder.objects.filter(kind=Kind.TASK_LATE).values_list("occasion", flat=True))
    assert late == ["after:1", "after:37", "after:67", "after:7"]
    assert [d for d in sent if d >= D(2026, 12, 1)] == [
        D(2026, 12, 2), D(2026, 12, 8), D(2027, 1, 7), D(2027, 2, 6),
    ]  # fmt: skip
    assert (
        "Tehtävän ”Tehtävä 1” määräaika oli 1.12.2026, 37 päivää sitten: merkitse se tehdyksi"
        in lines(sent[D(2027, 1, 7)])
    )


def test_marking_a_task_done_stops_its_reminders(town, action_with):
    town.at(D(2026, 11, 20))
    action = action_with(tasks=planned_work(D(2026, 12, 1)))
    town.at(D(2026, 12, 2))
    assert len(town.run()) == 1
    tasks = [
        {"name_fi": t.name_fi, "due_at": t.due_at, "state": t.state} for t in action.tasks.all()
    ]
    tasks[0].update(state="completed", completed_at=D(2026, 12, 2))
    action_update(action, tasks=tasks, publish=True)
    town.at(D(2026, 12, 8))
    assert town.run() == []


def test_an_action_not_updated_for_longer_than_the_plan_allows(town, action_with):
    town.plan.stale_after_days = 180
    town.plan.save()
    town.at(D(2026, 1, 1))
    action = action_with(tasks=[])
    town.at(D(2026, 6, 30))  # 180 days: still within the limit
    assert [m for m in town.run() if "ei ole päivitetty" in m.body] == []
    town.at(D(2026, 7, 1))
    (message,) = town.run()
    assert "Toimenpidettä ei ole päivitetty 181 päivään" in lines(message)
    town.at(D(2026, 7, 30))
    assert town.run() == []
    town.at(D(2026, 7, 31))
    assert len(town.run()) == 1  # a month on, again
    action_update(action, lead_fi="Uutta", publish=True)
    town.at(D(2026, 8, 30))
    assert town.run() == []  # fresh again


def test_an_action_with_fewer_than_three_planned_tasks(town):
    action = make_action(
        town.plan, "9", tasks=[task("Ainoa", due=D(2027, 6, 1))],
        contact_persons=[(town.mikko, "contact")],
    )  # fmt: skip
    (message,) = town.run()
    assert (
        "Toimenpiteellä on 1 avoin tehtävä, jonka määräaika on vuoden sisällä; "
        "suunnittele vähintään 3." in lines(message)
    )
    assert town.run() == []
    town.at(D(2026, 12, 31))  # the next 30-day window
    assert len(town.run()) == 1
    from tests.factories import ActionStatusFactory

    done = ActionStatusFactory(plan=town.plan, identifier="done", is_completed=True)
    action_update(action, status=done, publish=True)
    town.at(D(2027, 2, 1))
    assert town.run() == []  # a completed action needs no plan of work


def test_indicator_values_due_and_late_until_they_are_entered(town):
    from tests.factories import make_indicator
    from vahti.indicators.models import IndicatorContactPerson
    from vahti.indicators.services import indicator_values_save
    from vahti.indicators.value_rows import ValueRow

    town.at(D(2026, 1, 10))
    indicator = make_indicator(
        town.plan, "ghg", values=[(2024, 10)], updated_values_due_at=D(2026, 12, 15)
    )
    IndicatorContactPerson.objects.create(indicator=indicator, person=town.liisa)
    town.at(D(2026, 12, 1))
    (due,) = town.run()
    assert due.to == ["liisa@example.invalid"]
    assert "Uudet arvot pitää antaa 14 päivän päästä (15.12.2026)." in lines(due)
    assert f"/admin/indicator-values/{indicator.pk}/" in due.body
    town.at(D(2026, 12, 16))
    (late,) = town.run()
    assert "Uudet arvot piti antaa 15.12.2026, 1 päivä sitten." in lines(late)
    indicator_values_save(indicator, [ValueRow(D(2025, 12, 31), 9.0)])
    town.at(D(2026, 12, 22))
    assert town.run() == []  # answered


def test_without_contact_persons_the_organisations_admins_then_the_plan_admins(
    town, action_with, db
):
    no_email = type(town.mikko).objects.create(
        plan=town.plan, first_name="Ei", last_name="Postia", organization=town.unit
    )
    action_with("1", tasks=planned_work(D(2026, 12, 8)), contacts=[no_email])
    action_with("2", tasks=planned_work(D(2026, 12, 8)), contacts=[], responsible=[])
    sent = {tuple(m.to): m for m in town.run()}
    # Action 1's unit has no admin of its own; the division above it has Olli.
    assert set(sent) == {("olli@example.invalid",), ("paula@example.invalid",)}
    assert "Toimenpide 1" in sent[("olli@example.invalid",)].body
    assert "Toimenpide 2" in sent[("paula@example.invalid",)].body
    assert "Toimenpide 1" not in sent[("paula@example.invalid",)].body


def test_every_contact_person_gets_one_email_for_all_their_reminders(town, action_with):
    action_with("1", tasks=planned_work(D(2026, 12, 8), D(2026, 12, 31)),
                contacts=[town.mikko, town.liisa])  # fmt: skip
    action_with("2", tasks=planned_work(D(2026, 12, 2)))
    sent = {m.to[0]: m for m in town.run()}
    assert set(sent) == {"mikko@example.invalid", "liisa@example.invalid"}
    mikko = sent["mikko@example.invalid"]
    assert mikko.subject == "HNH: 3 muistutusta"
    assert mikko.body.count("/admin/snippets/actions/action/edit/") == 2
    assert sent["liisa@example.invalid"].subject == "HNH: 2 muistutusta: 1 Toimenpide 1"


def test_the_email_is_html_and_text_with_a_direct_link_in_the_persons_language(
    town, action_with, settings
):
    from wagtail.users.models import UserProfile

    settings.BASE_URL = "https://vahti.example"
    action = action_with(tasks=planned_work(D(2026, 12, 8)), name_fi="Pyöräily",
                         name_sv="Cykling", contacts=[town.mikko, town.liisa])  # fmt: skip
    town.plan.other_languages = ["sv"]
    town.plan.save()
    profile = UserProfile.get_for_user(town.mikko.user)
    profile.preferred_language = "sv"
    profile.save()
    sent = {m.to[0]: m for m in town.run()}
    swedish, finnish = sent["mikko@example.invalid"], sent["liisa@example.invalid"]
    link = f"https://vahti.example/admin/snippets/actions/action/edit/{action.pk}/"
    for message in (swedish, finnish):
        assert link in message.body
        html, kind = message.alternatives[0]
        assert kind == "text/html" and f'href="{link}"' in html
        assert message.extra_headers["Auto-Submitted"] == "auto-generated"
    assert "Cykling" in swedish.body and "Hej Mikko" in swedish.body
    assert '<html lang="sv">' in swedish.alternatives[0][0]
    assert "Pyöräily" in finnish.body and "Hei Liisa" in finnish.body
    assert '<html lang="fi">' in finnish.alternatives[0][0]


def test_a_weekly_digest_instead_and_a_kind_turned_off(town, action_with):
    user = town.mikko.user
    for kind in (Kind.TASK_DUE, Kind.FEW_TASKS):
        ReminderPreference.objects.create(user=user, kind=kind, delivery="digest")
    ReminderPreference.objects.create(user=user, kind=Kind.TASK_LATE, delivery="off")
    town.at(D(2026, 11, 20))
    action_with("1", tasks=planned_work(D(2026, 12, 8), D(2026, 12, 2)))
    action_with("2", tasks=planned_work(D(2026, 12, 30)))
    town.at(D(2026, 12, 1))  # Tuesday: the digest waits for Monday
    assert town.run() == []
    town.at(D(2026, 12, 3))
    assert town.run() == []  # task 2 of action 1 is late now, but Mikko wants none of those
    town.at(D(2026, 12, 7))  # Monday
    (digest,) = town.run()
    # Task 2 went late meanwhile, and Mikko wants no late reminders: it is left out.
    assert digest.subject == "HNH: viikon kooste, 2 muistutusta"
    # Told as it stands on the day it goes out.
    assert "Tehtävän ”Tehtävä 1” määräaika on huomenna (8.12.2026)." in lines(digest)
    assert "7 päivän päästä" not in lines(digest)
    assert "Tehtävä 2" not in lines(digest)
    assert Reminder.objects.filter(state="dropped").exists()
    assert "Tehtävän ”Tehtävä 1” määräaika on 23 päivän päästä (30.12.2026)." in lines(digest)
    assert "viikon kooste" in digest.body
    assert town.run() == []
    assert not Reminder.objects.filter(kind=Kind.TASK_LATE).exists()


def test_a_digest_that_missed_its_monday_goes_out_after_a_week(town, action_with):
    ReminderPreference.objects.create(user=town.mikko.user, kind=Kind.TASK_DUE, delivery="digest")
    action_with(tasks=planned_work(D(2026, 12, 20)))
    town.at(D(2026, 12, 1))  # Tuesday
    assert town.run() == []
    town.at(D(2026, 12, 8))  # Tuesday a week later (no run on Monday)
    assert len(town.run()) == 1


def test_a_plan_turns_a_kind_off_or_gives_it_its_own_days(town, action_with):
    ReminderRule.objects.create(plan=town.plan, kind=Kind.TASK_DUE, days=[3])
    ReminderRule.objects.create(plan=town.plan, kind=Kind.FEW_TASKS, enabled=False)
    action_with(tasks=planned_work(D(2026, 12, 10)))
    assert town.run() == []
    town.at(D(2026, 12, 7))
    assert len(town.run()) == 1
    assert list(Reminder.objects.values_list("occasion", flat=True)) == ["before:3"]


def test_failures_are_retried_later_and_logged_then_given_up(town, action_with, settings, caplog):
    settings.EMAIL_BACKEND = "tests.notifications.mailboxes.Refusing"
    action_with(tasks=planned_work(D(2026, 12, 8)))
    with caplog.at_level(logging.WARNING, logger="vahti.reminders"):
        outcome = services.run(plans=[town.plan])
    assert outcome.failed == 1 and outcome.emails == 0
    reminder = Reminder.objects.get()
    assert reminder.state == "pending" and reminder.attempts == 1
    assert "mail server said no" in reminder.last_error
    assert "failed (attempt 1 of 5)" in caplog.text
    assert services.run(plans=[town.plan]).failed == 0  # waits for its retry time
    for minutes in (11, 32, 73, 154):
        town.clock.shift(datetime.timedelta(minutes=minutes))
        services.run(plans=[town.plan])
    reminder.refresh_from_db()
    assert reminder.state == "failed" and reminder.attempts == 5
    assert "given up" in caplog.text
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert town.run() == []  # never sent twice, not even after failing


def test_a_settled_matter_is_not_reminded_of_and_not_repeating_means_once(town, action_with):
    ReminderRule.objects.create(plan=town.plan, kind=Kind.FEW_TASKS, repeat=0)
    make_action(town.plan, "9", contact_persons=[(town.mikko, "contact")], tasks=[],
                name_fi="Ja & tai")  # fmt: skip
    (message,) = town.run()
    assert message.subject == "HNH: 1 muistutus: 9 Ja & tai"  # not HTML-escaped
    for day in range(2, 40):
        town.at(D(2026, 12, 1) + datetime.timedelta(days=day))
        assert town.run() == []


def test_one_plans_trouble_does_not_stop_the_others(town, action_with, monkeypatch, caplog):
    from tests.factories import PlanFactory

    other = PlanFactory(identifier="toinen")
    real = reminders.plan_reminders

    def broken(plan, now):
        if plan.pk == town.plan.pk:
            raise RuntimeError("bad data")
        return real(plan, now)

    monkeypatch.setattr(reminders, "plan_reminders", broken)
    action_with(tasks=planned_work(D(2026, 12, 8)))
    from tests.factories import PersonFactory

    elsewhere = PersonFactory(plan=other, email="eeva@example.invalid")
    make_action(other, "1", contact_persons=[(elsewhere, "contact")],
                tasks=[task("T", due=D(2026, 12, 8))])  # fmt: skip
    outcome = services.run(plans=[town.plan, other])
    assert outcome.failed == 1 and "Reminders of the plan hnh failed" in caplog.text
    assert [m.to for m in mail.outbox] == [["eeva@example.invalid"]]


def test_a_dry_run_prints_each_reminder_and_sends_and_stores_nothing(town, action_with):
    action_with("1", tasks=planned_work(D(2026, 12, 8)), contacts=[town.mikko, town.liisa])
    printed = []
    outcome = services.run(plans=[town.plan], dry_run=True, out=printed.append)
    assert mail.outbox == [] and not Reminder.objects.exists()
    assert outcome.reminders == 2 and len(printed) == 2
    assert any(
        line.startswith("hnh\ttask_due\tnow\tMikko Martikka <mikko@example.invalid>\taction 1\t")
        and "“Tehtävä 1” is due in 7 days" in line
        for line in printed
    ), printed


def test_the_command_prints_the_dry_run_and_names_a_bad_plan(town, action_with):
    from io import StringIO

    from django.core.management import CommandError, call_command

    action_with(tasks=planned_work(D(2026, 12, 8)))
    out, err = StringIO(), StringIO()
    call_command("send_reminders", "--dry-run", stdout=out, stderr=err)
    assert "mikko@example.invalid" in out.getvalue()
    assert "would send 1 reminders in 1 emails" in err.getvalue()
    assert mail.outbox == []
    with pytest.raises(CommandError, match=r"There is no plan “nope”; the plans are: hnh\."):
        call_command("send_reminders", "--plan", "nope")
    call_command("send_reminders", "--plan", "hnh", stdout=out, stderr=err)
    assert len(mail.outbox) == 1


def test_planning_reads_a_fixed_number_of_queries_whatever_the_plans_size(town, action_with):
    def queries() -> int:
        """The reads; the rows are stored in batches (on SQLite of ~50, its limit)."""
        with CaptureQueriesContext(connection) as captured:
            reminders.plan_reminders(town.plan, services.timezone.now())
        inserts = [q for q in captured if q["sql"].startswith("INSERT")]
        assert len(inserts) <= 2
        return len(captured) - len(inserts)

    action_with("1", tasks=planned_work(D(2026, 12, 8)))
    few = queries()
    for n in range(2, 30):
        action_with(str(n), tasks=planned_work(D(2026, 12, 8), D(2026, 11, 30)),
                    contacts=[town.mikko, town.liisa] if n % 2 else [])  # fmt: skip
    make_indicator(town.plan, "ghg", updated_values_due_at=D(2026, 12, 10))
    assert queries() == few
