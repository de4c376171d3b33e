"""Derived lateness: whether an action is late whatever status its contact person last
set, and why. A plan setting (``Plan.derived_lateness``) switches it on.

An action is late when it has an open task (not started or in progress) whose due date
is before the plan's today, or when it has not been updated for longer than the plan
allows (``Plan.stale_after_days``, as the dashboard's "stale" and the admin's attention
list count it). An action whose status counts as completed, or is the cancelled one, is
never late: nothing more is expected of it.

:func:`action_lateness` is the rule on plain values; :func:`lateness_of` (the action
page) and :func:`lateness_for_data` (the API) feed it what they have loaded already.
:func:`late_condition` is the same rule as a database condition, so that the list
filter and the dashboard count within the query they make anyway, however many actions
there are. Nothing here touches the database.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _

from vahti.core.i18n import DATE_FORMATS, active_language, column_name

# Plans name their statuses themselves; the one with this identifier means the action is
# no longer pursued (the demo's and the default lists' "Peruttu").
CANCELLED_STATUS = "cancelled"
OPEN_TASK_STATES = ("not_started", "in_progress")


def _date(day: datetime.date) -> str:
    return format_date(day, DATE_FORMATS.get(active_language(), "Y-m-d"))


@dataclass(frozen=True)
class TaskLate:
    """An open task whose due date has passed. ``task`` is its name, a
    ``TranslatedStr`` when read from a task (it knows its language)."""

    task: str
    due: datetime.date

    kind = "task"

    @property
    def date(self) -> datetime.date:
        return self.due

    def wording(self) -> tuple[str, dict[str, str]]:
        """The sentence in the active language with its ``%(task)s`` left to fill, and
        the other values: a page fills in the task's name marked with its own language
        (a Finnish name in an English sentence)."""
        return _("Task “%(task)s” was due on %(date)s"), {"date": _date(self.due)}

    def __str__(self):
        template, values = self.wording()
        return template % {**values, "task": self.task}


@dataclass(frozen=True)
class NotUpdated:
    """The action was last updated longer ago than the plan allows."""

    since: datetime.date

    kind = "not_updated"
    task = None

    @property
    def date(self) -> datetime.date:
        return self.since

    def __str__(self):
        return _("Not updated since %(date)s") % {"date": _date(self.since)}


@dataclass(frozen=True)
class Lateness:
    reasons: tuple[TaskLate | NotUpdated, ...] = ()

    @property
    def is_late(self) -> bool:
        return bool(self.reasons)

    def __bool__(self):
        return self.is_late


NOT_LATE = Lateness()


def is_finished(status_identifier: str | None, status_is_completed: bool) -> bool:
    return bool(status_is_completed) or status_identifier == CANCELLED_STATUS


def action_lateness(
    *,
    finished: bool,
    tasks: Iterable[tuple[str, str, datetime.date]],
    updated: datetime.date,
    today: datetime.date,
    stale_after_days: int,
) -> Lateness:
    """Whether an action is late on ``today`` (the plan's local day), and why.

    ``finished``: its status counts as completed or cancelled. ``tasks``: its tasks as
    (name, state, due date). ``updated``: the local day it was last updated. A task due
    today is not late yet; an action updated exactly ``stale_after_days`` ago is not
    stale yet (the dashboard's "acceptable" ends there)."""
    if finished:
        return NOT_LATE
    late_tasks = sorted(
        (due, name) for name, state, due in tasks if state in OPEN_TASK_STATES and due < today
    )
    reasons: list[TaskLate | NotUpdated] = [TaskLate(name, due) for due, name in late_tasks]
    if (today - updated).days > stale_after_days:
        reasons.append(NotUpdated(updated))
    return Lateness(tuple(reasons))


def lateness_of(action, today: datetime.date) -> Lateness:
    """The action's derived lateness from what is loaded (its status and its tasks,
    prefetched by ``action_page.action_for_site``; a preview's unsaved ones alike); never
    late when the plan does not derive it."""
    plan = action.plan
    if not plan.derived_lateness:
        return NOT_LATE
    status = action.status if action.status_id else None
    return action_lateness(
        finished=status is not None and is_finished(status.identifier, status.is_completed),
        # The name keeps its language (a fallback to the primary one) for the page.
        tasks=[(task.name, task.state, task.due_at) for task in action.tasks.all()],
        updated=timezone.localdate(action.updated_at, timezone=plan.tzinfo),
        today=today,
        stale_after_days=plan.stale_after_days,
    )


def lateness_for_data(plan, item, today: datetime.date) -> Lateness:
    """The derived lateness of one ``ActionData`` of ``open_data.actions_for_data``,
    from its rows; a late task is named in the plan's primary language (or the first
    it has)."""
    if not plan.derived_lateness:
        return NOT_LATE
    row = item.row
    primary = plan.primary_language
    return action_lateness(
        finished=is_finished(row["status__identifier"], row["status__is_completed"]),
        tasks=[
            (task_name_in(task, primary, plan.languages), task["state"], task["due_at"])
            for task in item.tasks
        ],
        updated=timezone.localdate(row["updated_at"], timezone=plan.tzinfo),
        today=today,
        stale_after_days=plan.stale_after_days,
    )


def task_name_in(task: dict, language: str, fallbacks: list[str]) -> str:
    """A task row's name in ``language``, else in the first of ``fallbacks`` it has."""
    for code in [language, *fallbacks]:
        value = task.get(column_name("name", code))
        if value:
            return value
    return ""


def stale_before(today: datetime.date, stale_after_days: int, tz: ZoneInfo) -> datetime.datetime:
    """The moment before which an update makes an action stale on ``today``: the local
    midnight starting the day ``stale_after_days`` ago."""
    day = today - datetime.timedelta(days=stale_after_days)
    return datetime.datetime.combine(day, datetime.time.min).replace(tzinfo=tz)


def late_condition(plan, today: datetime.date) -> Q:
    """The rule of :func:`action_lateness` as a condition on ``Action`` rows of ``plan``.
    Matches nothing when the plan does not derive lateness."""
    from vahti.actions.models import Task

    if not plan.derived_lateness:
        return Q(pk__in=[])
    late_task = Task.objects.filter(
        action_id=OuterRef("pk"), state__in=OPEN_TASK_STATES, due_at__lt=today
    )
    stale = Q(updated_at__lt=stale_before(today, plan.stale_after_days, plan.tzinfo))
    finished = Q(status__is_completed=True) | Q(status__identifier=CANCELLED_STATUS)
    return (Q(Exists(late_task)) | stale) & ~Q(finished, status__isnull=False)
