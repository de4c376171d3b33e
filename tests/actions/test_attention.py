"""What needs attention, on a frozen clock."""

import datetime

import pytest
import time_machine

from tests.factories import make_action, task
from vahti.actions.attention import attention_list, summarise
from vahti.actions.models import Action

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 28)
NOON = datetime.datetime(2026, 11, 28, 10, tzinfo=datetime.UTC)


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def updated(days_ago: int) -> datetime.datetime:
    return NOON - datetime.timedelta(days=days_ago)


@time_machine.travel(NOON, tick=False)
def test_each_rule_and_the_order_of_urgency(plan):
    planned = [task(f"Suunniteltu {n}", due=days(60 + n)) for n in range(3)]
    make_action(plan, "1", updated_at=updated(10), tasks=planned)  # all fine
    make_action(
        plan,
        "2",
        updated_at=updated(10),
        tasks=[
            *planned,
            task("Myöhässä", due=days(-1)),
            task("Myöhässä 2", "in_progress", days(-40)),
        ],
    )
    make_action(plan, "3", updated_at=updated(181), tasks=planned)  # stale (limit 180)
    make_action(plan, "4", updated_at=updated(180), tasks=planned)  # exactly at the limit
    make_action(plan, "5", updated_at=updated(10), tasks=[*planned, task("Pian", due=days(30))])
    make_action(  # completed and cancelled tasks do not count as planned
        plan,
        "6",
        updated_at=updated(10),
        tasks=[
            task("Tehty", "completed", days(90), completed=days(-1)),
            task("Peruttu", "cancelled", days(90), completed=days(-1)),
            task("Kaukana", due=days(366)),
            *planned[:2],
        ],
    )

    items = attention_list(Action.objects.filter(plan=plan), TODAY)
    by_id = {item.action.identifier: item for item in items}
    assert not by_id["1"].needs_attention
    assert by_id["2"].late_tasks == 2
    assert by_id["3"].is_stale and by_id["3"].days_since_update == 181
    assert not by_id["4"].is_stale
    assert by_id["5"].tasks_due_soon == 1 and by_id["5"].late_tasks == 0
    assert by_id["6"].planned_tasks == 2 and by_id["6"].too_few_planned_tasks
    assert [item.action.identifier for item in items] == ["2", "3", "5", "6", "4", "1"]

    needing = attention_list(Action.objects.filter(plan=plan), TODAY, only_needing=True)
    assert [item.action.identifier for item in needing] == ["2", "3", "5", "6"]
    summary = summarise(needing, 6)
    assert (summary.with_late_tasks, summary.stale, summary.with_tasks_due_soon) == (1, 1, 1)
    assert summary.with_too_few_planned_tasks == 1


@time_machine.travel(NOON, tick=False)
def test_the_plan_sets_its_own_update_interval(plan):
    plan.stale_after_days = 30
    plan.save()
    make_action(plan, "1", updated_at=updated(31))
    (item,) = attention_list(Action.objects.filter(plan=plan), TODAY)
    assert item.is_stale and item.stale_after_days == 30
