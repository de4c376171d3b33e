"""A plan whose reminders can be followed day by day: a clock that stands still until a
test moves it, people with email addresses in an organisation tree, and a helper that
runs a round of reminders and returns the emails it sent."""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

import pytest
import time_machine
from django.core import mail

from tests.conftest import make_user
from tests.factories import OrganizationFactory, PersonFactory, PlanFactory, make_action, task
from vahti.access.models import Role
from vahti.notifications import services

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
START = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=HELSINKI)  # a Tuesday


@dataclass
class Town:
    plan: object
    division: object
    unit: object
    mikko: object  # contact person with an account
    liisa: object  # contact person without one
    plan_admin: object
    division_admin: object
    clock: object

    def at(self, day: datetime.date, hour: int = 9) -> None:
        self.clock.move_to(datetime.datetime.combine(day, datetime.time(hour), HELSINKI))

    def run(self, **options) -> list:
        """One round of reminders now; the emails it sent."""
        before = len(mail.outbox)
        services.run(plans=[self.plan], **options)
        return mail.outbox[before:]


@pytest.fixture
def town(db):
    with time_machine.travel(START, tick=False) as clock:
        plan = PlanFactory(identifier="hnh", name_fi="Hiilineutraali Helsinki", short_name_fi="HNH")
        division = OrganizationFactory(plan=plan, identifier="kymp", name_fi="Kaupunkiympäristö")
        unit = OrganizationFactory(
            plan=plan, identifier="liikenne", name_fi="Liikenne", parent=division
        )
        mikko_user = make_user("mikko", "mikko@example.invalid", first_name="Mikko")
        mikko = PersonFactory(
            plan=plan, first_name="Mikko", last_name="Martikka",
            email="mikko@example.invalid", user=mikko_user, organization=unit,
        )  # fmt: skip
        liisa = PersonFactory(
            plan=plan, first_name="Liisa", last_name="Laine", email="liisa@example.invalid",
            organization=unit,
        )  # fmt: skip
        plan_admin = make_user("paula", "paula@example.invalid", first_name="Paula")
        Role.objects.create(user=plan_admin, plan=plan, kind="plan_admin")
        division_admin = make_user("olli", "olli@example.invalid", first_name="Olli")
        Role.objects.create(
            user=division_admin, plan=plan, kind="organization_admin", organization=division
        )
        yield Town(plan, division, unit, mikko, liisa, plan_admin, division_admin, clock)


def planned_work(*due_dates: datetime.date) -> list[dict]:
    return [task(f"Tehtävä {n}", due=due) for n, due in enumerate(due_dates, start=1)]


def enough_tasks() -> list[dict]:
    """Three open tasks within a year, so that an action is not short of them."""
    return planned_work(
        datetime.date(2027, 3, 1), datetime.date(2027, 4, 1), datetime.date(2027, 5, 1)
    )


@pytest.fixture
def action_with(town):
    def make(identifier="126", tasks=(), contacts=None, responsible=None, **data):
        contacts = [town.mikko] if contacts is None else contacts
        responsible = [town.unit] if responsible is None else responsible
        return make_action(
            town.plan, identifier,
            name_fi=data.pop("name_fi", f"Toimenpide {identifier}"),
            tasks=[*tasks, *enough_tasks()],
            contact_persons=[(person, "contact") for person in contacts],
            responsible_parties=[(org, "primary") for org in responsible],
            **data,
        )  # fmt: skip

    return make
