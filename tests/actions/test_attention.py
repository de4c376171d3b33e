"""What needs attention, on a frozen clock."""

import datetime

import pytest
import time_machine

from tests.factories import make_action, task
from vahti.actions.attention import attention_list, attention_page, summarise
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


def _varied_actions(plan):
    """Actions needing attention for each reason, several with equal counts."""
    planned = [task(f"Suunniteltu {n}", due=days(60 + n)) for n in range(3)]
    make_action(plan, "1", updated_at=updated(10), tasks=planned)  # all fine
    make_action(plan, "2", updated_at=updated(5), tasks=[*planned, task("M", due=days(-1))])
    make_action(plan, "10", updated_at=updated(20), tasks=[*planned, task("M", due=days(-3))])
    make_action(
        plan,
        "3",
        updated_at=updated(30),
        tasks=[task("M", due=days(-2)), task("M2", "in_progress", days(-40))],
    )
    make_action(plan, "4", updated_at=updated(181), tasks=planned)  # stale
    make_action(plan, "5", updated_at=updated(200), tasks=[*planned, task("P", due=days(30))])
    make_action(plan, "6", updated_at=updated(10), tasks=[task("P", due=days(3))])
    make_action(plan, "7", updated_at=updated(10))  # no tasks: too thin a plan of work
    make_action(plan, "8", updated_at=updated(180), tasks=planned)
    draft = make_action(plan, "9", updated_at=updated(1), tasks=planned)
    Action.objects.filter(pk=draft.pk).update(has_unpublished_changes=True)


@time_machine.travel(NOON, tick=False)
@pytest.mark.parametrize("only_needing", [False, True])
def test_the_database_sorts_and_counts_as_the_list_does(plan, other_plan, only_needing):
    _varied_actions(plan)
    make_action(other_plan, "1", updated_at=updated(400))  # another plan's: not counted
    actions = Action.objects.filter(plan=plan)
    expected = attention_list(actions, TODAY, only_needing=only_needing)

    for limit in (3, 20):
        shown, listed, summary = attention_page(
            actions, TODAY, only_needing=only_needing, limit=limit
        )
        assert [item.action.identifier for item in shown] == [
            item.action.identifier for item in expected[:limit]
        ]
        assert shown == expected[:limit]  # the same counts and flags, item by item
        assert listed == len(expected)
        assert summary == summarise(attention_list(actions, TODAY), 10)
    assert summary.with_late_tasks == 3 and summary.with_drafts_waiting == 1
    assert (summary.stale, summary.with_tasks_due_soon) == (2, 2)


@time_machine.travel(NOON, tick=False)
def test_among_equals_the_one_longest_without_an_update_comes_first(plan):
    """Updated the same day: the earlier update first, whatever the identifiers."""
    make_action(plan, "1", updated_at=NOON - datetime.timedelta(days=200, hours=1))
    make_action(plan, "2", updated_at=NOON - datetime.timedelta(days=200, hours=3))
    actions = Action.objects.filter(plan=plan)
    shown, _listed, _summary = attention_page(actions, TODAY, only_needing=True, limit=5)
    assert [item.action.identifier for item in shown] == ["2", "1"]
    assert [item.action.identifier for item in attention_list(actions, TODAY)] == ["2", "1"]
    assert {item.days_since_update for item in shown} == {200}


def test_nothing_to_count(plan):
    shown, listed, summary = attention_page(
        Action.objects.filter(plan=plan), TODAY, only_needing=True, limit=5
    )
    assert (shown, listed, summary.actions, summary.with_late_tasks) == ([], 0, 0, 0)
