"""Reminders in the admin: each person's choices in their account settings; a plan
admin's rules, the log of what was sent to whom, and the previews; nobody else's."""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from tests.editing.conftest import form_data
from tests.notifications.conftest import planned_work
from vahti.notifications.models import Kind, Reminder, ReminderPreference, ReminderRule

D = datetime.date
pytestmark = pytest.mark.usefixtures("english")


def in_english(*users):
    for user in users:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()


def test_a_person_chooses_per_kind_in_their_account_settings(client, town, action_with):
    user = town.mikko.user
    in_english(user)
    client.force_login(user)
    page = client.get("/admin/account/")
    assert page.status_code == 200
    soup = BeautifulSoup(page.content, "html.parser")
    assert "A task is late" in soup.get_text()
    data = form_data(page.content.decode(), "w-editor-form")
    assert data["reminders-task_late"] == ["immediate"]
    data["reminders-task_late"] = ["digest"]
    data["reminders-few_tasks"] = ["off"]
    data["name_email-last_name"] = ["Martikka"]  # the account form requires it
    answer = client.post("/admin/account/", data)
    errors = BeautifulSoup(answer.content, "html.parser").select("[aria-invalid=true]")
    assert answer.status_code == 302, [e.get("name") for e in errors]
    assert dict(ReminderPreference.objects.filter(user=user).values_list("kind", "delivery")) == {
        "task_late": "digest",
        "few_tasks": "off",
    }
    # And the reminders follow them.
    action_with(tasks=[])  # too few planned tasks: off for Mikko
    assert town.run() == []


def test_a_plan_admin_sets_the_plans_rules(client, town):
    in_english(town.plan_admin)
    client.force_login(town.plan_admin)
    page = client.get("/admin/reminders/")
    assert page.status_code == 200
    data = form_data(page.content.decode(), None)
    assert data["task_due-days"] == ["30, 7, 1"]
    data["task_due-days"] = ["14,3"]
    data.pop("few_tasks-enabled", None)  # unticked
    answer = client.post("/admin/reminders/", data)
    assert answer.status_code == 302
    rules = {r.kind: r for r in ReminderRule.objects.filter(plan=town.plan)}
    assert rules["task_due"].days == [14, 3] and rules["few_tasks"].enabled is False
    assert rules["task_late"].days == [1, 7] and rules["task_late"].repeat == 30
    assert ModelLogEntry.objects.filter(action="vahti.reminders.rules").count() == 1

    data["task_due-days"] = ["soon"]
    answer = client.post("/admin/reminders/", data)
    assert "Write whole days separated by commas, e.g. 30, 7, 1." in answer.content.decode()
    data["task_due-days"] = [""]
    answer = client.post("/admin/reminders/", data)
    assert "Give at least one day." in answer.content.decode()
    assert ReminderRule.objects.get(plan=town.plan, kind="task_due").days == [14, 3]


def test_the_plan_admin_sees_what_was_sent_to_whom(client, town, action_with):
    action_with(tasks=planned_work(D(2026, 12, 8)), name_fi="Pyöräily")
    town.run()
    assert len(mail.outbox) == 1
    in_english(town.plan_admin)
    client.force_login(town.plan_admin)
    text = BeautifulSoup(client.get("/admin/reminders/").content, "html.parser").get_text(" ")
    assert "mikko@example.invalid" in text and "126 Pyöräily" in text
    assert "A task is due soon" in text and "sent" in text
    failed = client.get("/admin/reminders/?state=failed").content.decode()
    assert "No reminders yet." in failed


@pytest.mark.parametrize("kind", Kind.values)
def test_every_email_can_be_previewed(client, town, action_with, kind):
    from tests.factories import make_indicator

    action_with(name_fi="Pyöräily")
    make_indicator(town.plan, "ghg", name_fi="Päästöt")
    client.force_login(town.plan_admin)
    html = client.get(f"/admin/reminders/{town.plan.pk}/preview/{kind}.html")
    assert html.status_code == 200 and html["Content-Type"].startswith("text/html")
    assert "<html lang=" in html.content.decode()
    text = client.get(f"/admin/reminders/{town.plan.pk}/preview/{kind}.txt").content.decode()
    assert text.startswith("Subject: ") or text.startswith("Aihe: ")
    assert ("Päästöt" if kind.startswith("values") else "Pyöräily") in text
    assert not Reminder.objects.exists() and mail.outbox == []


def test_others_reach_neither_the_rules_nor_the_previews(client, town, db):
    from tests.conftest import make_user

    client.force_login(town.division_admin)
    answer = client.get("/admin/reminders/")
    assert answer.status_code in (302, 403)
    assert client.get(f"/admin/reminders/{town.plan.pk}/preview/task_due.html").status_code == 404
    stranger = make_user("stranger")
    client.force_login(stranger)
    assert client.post("/admin/reminders/", {"task_due-days": "1"}).status_code in (302, 403)
    assert not ReminderRule.objects.exists()


def test_the_plans_update_limit_is_set_with_the_rules(client, town):
    in_english(town.plan_admin)
    client.force_login(town.plan_admin)
    data = form_data(client.get("/admin/reminders/").content.decode(), None)
    assert data["stale_after_days"] == ["180"]
    data["stale_after_days"] = ["0"]
    answer = client.post("/admin/reminders/", data)
    assert answer.status_code == 200
    assert "greater than or equal to 1" in answer.content.decode()
    data["stale_after_days"] = ["90"]
    assert client.post("/admin/reminders/", data).status_code == 302
    town.plan.refresh_from_db()
    assert town.plan.stale_after_days == 90
    assert ModelLogEntry.objects.filter(action="vahti.plan.settings").count() == 1


def test_the_plan_admin_switches_derived_lateness_with_the_update_limit(client, town):
    in_english(town.plan_admin)
    client.force_login(town.plan_admin)
    page = client.get("/admin/reminders/")
    soup = BeautifulSoup(page.content, "html.parser")
    box = soup.select_one("input[name=derived_lateness]")
    assert box is not None and box.has_attr("checked")
    label = soup.select_one(f"label[for={box['id']}]").get_text(" ", strip=True)
    assert label == "Show actions as late by their tasks and updates"
    data = form_data(page.content.decode(), None)
    data.pop("derived_lateness")  # unticked
    assert client.post("/admin/reminders/", data).status_code == 302
    town.plan.refresh_from_db()
    assert town.plan.derived_lateness is False
    entry = ModelLogEntry.objects.get(action="vahti.plan.settings")
    assert entry.data["before"]["derived_lateness"] is True
    assert entry.data["after"]["derived_lateness"] is False
    page = client.get("/admin/reminders/")
    box = BeautifulSoup(page.content, "html.parser").select_one("input[name=derived_lateness]")
    assert not box.has_attr("checked")
