"""What the uncached action page keeps per plan data version (the plan's categories,
schedules and indicator goals) shows a change on the next request: every write moves
the version on."""

import pytest

from tests.factories import ScheduleFactory, make_action, make_indicator
from tests.site.conftest import visible_text
from vahti.indicators.models import ActionIndicator, IndicatorGoal

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]


def page_text(client) -> str:
    response = client.get("/actions/7/")
    assert response.status_code == 200
    return visible_text(response.content.decode())


def test_a_renamed_status_category_and_schedule_show_at_once(client, plan, status, category):
    schedule = ScheduleFactory(plan=plan, name_fi="Vuodet 2025–2030")
    make_action(plan, "7", status=status, categories=[category], schedules=[schedule])
    text = page_text(client)
    assert "Smart & Clean kasvu" in text and "Vuodet 2025–2030" in text
    status.name_fi = "Uusi tilan nimi"
    status.save()
    category.name_fi = "Uusi teeman nimi"
    category.save()
    schedule.name_fi = "Vuodet 2031–2035"
    schedule.save()
    text = page_text(client)
    assert "Uusi tilan nimi" in text
    assert "Uusi teeman nimi" in text and "Smart & Clean kasvu" not in text
    assert "Vuodet 2031–2035" in text and "Vuodet 2025–2030" not in text


def test_a_changed_indicator_goal_shows_at_once(client, plan):
    action = make_action(plan, "7")
    indicator = make_indicator(plan, "ghg", values=[(2020, 10), (2024, 8)], goals=[(2030, 4)])
    ActionIndicator.objects.create(indicator=indicator, action=action, indicates_progress=True)
    text = page_text(client)
    assert "Tavoite 4,0 kt (2030)" in text and "toimenpide on 33 % valmis" in text
    # The sign stays on the number's line (a no-break space, as Finnish writes it).
    assert "33\u00a0% valmis" in client.get("/actions/7/").content.decode()
    goal = IndicatorGoal.objects.get(indicator=indicator)
    goal.value = 2
    goal.save()
    text = page_text(client)
    assert "Tavoite 2,0 kt (2030)" in text and "Tavoite 4,0 kt" not in text
    assert "toimenpide on 25 % valmis" in text


def test_a_change_made_by_another_process_shows_without_a_shared_cache(client, plan, category):
    """Without Redis each process keeps its own versions: a change another process made
    moved the plan's timestamp in the database, not this process's version."""
    from django.utils import timezone

    from vahti.plans.models import Category, Plan

    make_action(plan, "7", categories=[category])
    assert "Smart & Clean kasvu" in page_text(client)
    # What the other process wrote: the row and the plan's timestamp, no signal here.
    Category.objects.filter(pk=category.pk).update(name_fi="Toisen prosessin nimi")
    Plan.objects.filter(pk=plan.pk).update(data_changed_at=timezone.now())
    text = page_text(client)
    assert "Toisen prosessin nimi" in text and "Smart & Clean kasvu" not in text
