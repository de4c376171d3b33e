"""Plan.data_changed_at moves with every change to the plan's data, and only its own."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import OrganizationFactory, make_action, make_indicator, task
from vahti.actions.models import Action, Task
from vahti.actions.services import action_update
from vahti.indicators.services import indicator_goals_save, indicator_values_save
from vahti.indicators.value_rows import ValueRow
from vahti.plans import changes
from vahti.plans.models import Plan


@pytest.fixture
def stamp(plan, other_plan):
    """Set both plans' timestamps far back; return a function that tells whether each
    moved since."""
    long_ago = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)

    def reset():
        Plan.objects.update(data_changed_at=long_ago)

    def moved(which):
        return Plan.objects.get(pk=which.pk).data_changed_at > long_ago

    reset()
    return reset, moved


def test_publishing_editing_children_and_deleting_move_it(plan, other_plan, stamp):
    reset, moved = stamp
    action = make_action(plan, "1", tasks=[task("Eka")])
    assert moved(plan) and not moved(other_plan)

    reset()
    Task.objects.filter(action=action).get().delete()
    assert moved(plan)

    reset()
    action_update(Action.objects.get(pk=action.pk), name_fi="Uusi")
    assert moved(plan)

    reset()
    Action.objects.get(pk=action.pk).delete()
    assert moved(plan) and not moved(other_plan)

    reset()
    OrganizationFactory(plan=plan)
    assert moved(plan)


def test_bulk_writes_of_indicator_values_and_goals_move_it(plan, stamp):
    reset, moved = stamp
    indicator = make_indicator(plan, "ghg")
    reset()
    indicator_values_save(indicator, [ValueRow(datetime.date(2020, 12, 31), 1.0)])
    assert moved(plan)
    reset()
    indicator_goals_save(indicator, [(datetime.date(2030, 12, 31), 0.5)])
    assert moved(plan)
    reset()
    indicator_values_save(indicator, [ValueRow(datetime.date(2020, 12, 31), 1.0)])  # same
    assert not moved(plan)


def test_a_batch_notes_each_plan_once(plan, other_plan, stamp):
    _reset, moved = stamp
    with CaptureQueriesContext(connection) as captured, changes.batched():
        for number in range(5):
            OrganizationFactory(plan=plan, identifier=f"o{number}")
        OrganizationFactory(plan=other_plan, identifier="x")
        assert not moved(plan)
    updates = [q for q in captured if "data_changed_at" in q["sql"] and "UPDATE" in q["sql"]]
    assert len(updates) == 1
    assert moved(plan) and moved(other_plan)
