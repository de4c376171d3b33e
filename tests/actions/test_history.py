"""History over time: three status changes published on frozen dates, read back as the
action's timeline and as the plan's distribution on each date and quarter by quarter."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.apps import apps
from django.utils import timezone

from tests.factories import ActionStatusFactory, PhaseFactory, make_action
from vahti.actions.history import quarters, status_counts_on, timeline
from vahti.actions.models import Action, ProgressChange
from vahti.actions.services import action_update

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")


def moment(day: str, hour: int = 12) -> datetime.datetime:
    return datetime.datetime.combine(
        datetime.date.fromisoformat(day), datetime.time(hour), tzinfo=HELSINKI
    )


@pytest.fixture
def statuses(plan):
    return {
        name: ActionStatusFactory(plan=plan, identifier=name, name_fi=fi, name_en=name, order=n)
        for n, (name, fi) in enumerate(
            [("not_started", "Ei aloitettu"), ("on_time", "Ajallaan"), ("late", "Myöhässä")]
        )
    }


@pytest.fixture
def history(plan, statuses):
    """Action 1 goes not started (10 Jan) → on time (5 Apr) → late (20 Aug 2025); the
    phase changes once in between; action 2 is on time from 1 Mar; a draft and a
    publication that changes neither change nothing."""
    phase = PhaseFactory(plan=plan, identifier="doing", name_fi="Toteutus")
    with time_machine.travel(moment("2025-01-10"), tick=False):
        first = make_action(plan, "1", status=statuses["not_started"])
    with time_machine.travel(moment("2025-03-01"), tick=False):
        make_action(plan, "2", status=statuses["on_time"])
    with time_machine.travel(moment("2025-04-05"), tick=False):
        action_update(first, status=statuses["on_time"])
    with time_machine.travel(moment("2025-05-15"), tick=False):
        action_update(first, implementation_phase=phase)
        action_update(first, name_fi="Vain nimi muuttui")  # neither status nor phase
        action_update(first, status=statuses["late"], publish=False)  # a draft
    with time_machine.travel(moment("2025-08-20"), tick=False):
        action_update(first, status=statuses["late"])
    return Action.objects.get(pk=first.pk)


def counts(plan, day: str, statuses) -> dict[str, int]:
    names = {status.pk: name for name, status in statuses.items()}
    found = status_counts_on(Action.objects.filter(plan=plan), moment(day, 23))
    return {names[pk]: n for pk, n in found.items()}


def test_the_timeline_lists_each_published_change_newest_first(history, statuses):
    entries = timeline(history)
    assert [
        (entry.changed_at.astimezone(HELSINKI).date().isoformat(), entry.status.identifier)
        for entry in entries
    ] == [
        ("2025-08-20", "late"),
        ("2025-05-15", "on_time"),
        ("2025-04-05", "on_time"),
        ("2025-01-10", "not_started"),
    ]
    assert [(e.status_changed, e.phase_changed) for e in entries] == [
        (True, False),
        (False, True),
        (True, False),
        (True, True),
    ]
    assert entries[1].phase.name_fi == "Toteutus" and entries[-1].first


def test_the_distribution_on_each_date(plan, history, statuses):
    assert counts(plan, "2025-01-09", statuses) == {}
    assert counts(plan, "2025-01-10", statuses) == {"not_started": 1}
    assert counts(plan, "2025-03-01", statuses) == {"not_started": 1, "on_time": 1}
    assert counts(plan, "2025-04-05", statuses) == {"on_time": 2}
    # The draft of 15 May changed nothing.
    assert counts(plan, "2025-06-30", statuses) == {"on_time": 2}
    assert counts(plan, "2025-08-20", statuses) == {"on_time": 1, "late": 1}


def test_quarter_by_quarter(plan, history, statuses):
    now = moment("2025-09-01")
    names = {status.pk: name for name, status in statuses.items()}
    found = [
        (quarter.label, {names[pk]: n for pk, n in quarter.counts.items()})
        for quarter in quarters(plan, Action.objects.filter(plan=plan), now)
    ]
    assert found == [
        ("2025 Q1", {"not_started": 1, "on_time": 1}),
        ("2025 Q2", {"on_time": 2}),
        ("2025 Q3", {"on_time": 1, "late": 1}),
    ]


def test_an_unpublished_or_hidden_action_is_not_counted_then(plan, history, statuses):
    with time_machine.travel(moment("2025-10-01"), tick=False):
        Action.objects.get(pk=history.pk).unpublish()
    with time_machine.travel(moment("2025-11-01"), tick=False):
        action = Action.objects.get(pk=history.pk)
        action.publish(action.latest_revision)
    assert counts(plan, "2025-09-30", statuses) == {"on_time": 1, "late": 1}
    assert counts(plan, "2025-10-15", statuses) == {"on_time": 1}
    assert counts(plan, "2025-11-01", statuses) == {"on_time": 1, "late": 1}
    # The timeline shows the public history; coming back with the same status is no change.
    assert len(timeline(Action.objects.get(pk=history.pk))) == 4


def test_the_action_page_shows_the_timeline(client, history):
    page = BeautifulSoup(client.get("/en/actions/1/").content.decode(), "html.parser")
    section = page.select_one("#section-history")
    assert section.h2.get_text() == "Progress over time"
    entries = [" ".join(li.get_text(" ").split()) for li in section.select("li")]
    assert entries == [
        "20 Aug 2025 late",
        "15 May 2025 Phase: Implementation",
        "5 Apr 2025 on_time",
        "10 Jan 2025 not_started",
    ]


def test_the_dashboard_shows_the_plan_on_a_past_date_and_by_quarter(client, history):
    with time_machine.travel(moment("2025-09-01"), tick=False):
        response = client.get("/en/actions/?view=history&on=2025-04-05")
    page = BeautifulSoup(response.content.decode(), "html.parser")
    rows = page.select("#on-day-table tbody tr")
    assert [[cell.get_text(" ", strip=True) for cell in row.select("th, td")] for row in rows] == [
        ["on_time", "2", "100%"]
    ]
    assert page.select_one("#on-day-heading").get_text() == "Progress on 5 Apr 2025"
    quarter_rows = page.select(".quarter-table tbody tr")
    assert [[c.get_text(strip=True) for c in row.select("th, td")][:5] for row in quarter_rows] == [
        ["2025 Q1", "1", "1", "0", "0"],
        ["2025 Q2", "0", "2", "0", "0"],
        ["2025 Q3", "0", "1", "1", "0"],
    ]
    assert page.select_one("#id_on")["value"] == "2025-04-05"


def test_a_future_or_malformed_date_is_explained(client, history):
    with time_machine.travel(moment("2025-09-01"), tick=False):
        future = BeautifulSoup(
            client.get("/en/actions/?view=history&on=2026-01-01").content.decode(), "html.parser"
        )
        malformed = BeautifulSoup(
            client.get("/en/actions/?view=history&on=1.4.2025").content.decode(), "html.parser"
        )
    assert future.select_one("#on-error").get_text() == (
        "The day cannot be in the future: the latest is 2025-09-01."
    )
    assert future.select_one("#on-day-heading").get_text() == "Progress on 1 Sep 2025"
    assert "year-month-day" in malformed.select_one("#on-error").get_text()
    assert malformed.select_one("#id_on")["aria-invalid"] == "true"


def test_the_backfill_rebuilds_the_rows_from_the_published_revisions(plan, history):
    from importlib import import_module

    before = list(
        ProgressChange.objects.order_by("action", "changed_at").values_list(
            "action__identifier", "changed_at", "status", "implementation_phase", "is_public"
        )
    )
    ProgressChange.objects.all().delete()
    import_module("vahti.actions.migrations.0004_progress_history").backfill(apps, None)
    after = list(
        ProgressChange.objects.order_by("action", "changed_at").values_list(
            "action__identifier", "changed_at", "status", "implementation_phase", "is_public"
        )
    )
    assert after == before
    assert timezone.is_aware(after[0][1])


def test_a_filtered_past_day_counts_actions_hidden_since(client, history):
    with time_machine.travel(moment("2025-08-25"), tick=False):
        action_update(Action.objects.get(pk=history.pk), visibility="internal")
    with time_machine.travel(moment("2025-09-01"), tick=False):
        response = client.get("/en/actions/?view=history&on=2025-06-30&q=Vain")
        today = client.get("/en/actions/?view=history&q=Vain")
    page = BeautifulSoup(response.content.decode(), "html.parser")
    rows = page.select("#on-day-table tbody tr")
    assert [[cell.get_text(" ", strip=True) for cell in row.select("th, td")] for row in rows] == [
        ["on_time", "1", "100%"]
    ]
    hidden_now = BeautifulSoup(today.content.decode(), "html.parser")
    assert not hidden_now.select("#on-day-table")
