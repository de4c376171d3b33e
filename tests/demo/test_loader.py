import datetime

import pytest
import time_machine
from django.apps import apps
from wagtail.models import Revision

from vahti.actions.models import Action
from vahti.demo.loader import load_demo
from vahti.plans.models import Plan

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 28)


def snapshot() -> dict:
    """Every row of Vahti's own tables, and how many revisions there are."""
    state = {}
    for label in ("plans", "orgs", "actions", "access", "indicators", "content"):
        for model in apps.get_app_config(label).get_models():
            state[model.__name__] = sorted(map(str, model.objects.values_list()))
    state["revisions"] = Revision.objects.count()
    return state


@time_machine.travel(datetime.datetime(2026, 11, 28, 10, tzinfo=datetime.UTC), tick=False)
def test_loading_twice_changes_nothing():
    first = load_demo(today=TODAY)
    assert first.changed_anything
    before = snapshot()
    second = load_demo(today=TODAY)
    assert not second.changed_anything
    assert str(second).splitlines() == [
        "Demo plan hnh2035 is up to date (148 objects unchanged).",
        "Demo plan northbay2040 is up to date (35 objects unchanged).",
    ]
    assert snapshot() == before


def test_demo_plan_says_it_is_demo_data():
    load_demo(today=TODAY)
    plan = Plan.objects.get(identifier="hnh2035")
    assert "126" in plan.intro_fi and "esittely" in plan.intro_fi


def test_demo_has_tasks_in_every_state_and_actions_hidden_in_every_way():
    load_demo(today=TODAY)
    plan = Plan.objects.get(identifier="hnh2035")
    actions = Action.objects.filter(plan=plan)
    tasks = [task for action in actions for task in action.tasks.all()]
    assert {task.state for task in tasks} == {
        "not_started",
        "in_progress",
        "completed",
        "cancelled",
    }
    assert any(task.is_late_on(TODAY) for task in tasks)
    assert any(task.is_open and 0 <= (task.due_at - TODAY).days <= 30 for task in tasks)
    assert actions.filter(visibility="internal").exists()
    assert actions.filter(live=False).exists()
    assert actions.filter(merged_with__isnull=False).exists()
    assert actions.public().count() >= 25


def test_relative_dates_follow_the_day_of_loading():
    load_demo(today=TODAY)
    due = sorted(t.due_at for a in Action.objects.all() for t in a.tasks.all() if t.is_open)
    load_demo(today=TODAY + datetime.timedelta(days=10))
    later = sorted(t.due_at for a in Action.objects.all() for t in a.tasks.all() if t.is_open)
    assert later != due
    assert datetime.date(2020, 5, 31) in due and datetime.date(2020, 5, 31) in later
