"""What has happened in a plan, newest first, for its feeds: published changes of an
action's status, completed tasks and news posts, all of public actions only."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet, Window
from django.db.models.functions import Lag

from vahti.actions.models import Action, NewsPost, ProgressChange, Task
from vahti.actions.selectors import plan_today, public_actions
from vahti.plans.models import Plan

LIMIT = 50


@dataclass(frozen=True)
class Update:
    kind: str  # "status", "task" or "news"
    key: str  # unique and stable: the feed entry's id
    at: datetime.datetime
    action: Action
    subject: object  # the ProgressChange, Task or NewsPost


def _moment(day: datetime.date, plan: Plan) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=plan.tzinfo)


def plan_updates(
    plan: Plan, *, actions: QuerySet[Action] | None = None, limit: int = LIMIT
) -> list[Update]:
    """The latest ``limit`` updates of the plan's public actions (or of ``actions``,
    which must be among them): 3 queries whatever the plan's size."""
    actions = public_actions(plan) if actions is None else actions
    today = plan_today(plan)
    # A status change: a public row whose status differs from the action's public row
    # before it (the window runs over the public rows with a status only).
    changes = (
        ProgressChange.objects.filter(action__in=actions, is_public=True, status__isnull=False)
        .annotate(
            previous_status=Window(
                Lag("status_id"), partition_by=[F("action_id")], order_by=[F("changed_at"), F("pk")]
            )
        )
        .filter(Q(previous_status__isnull=True) | ~Q(previous_status=F("status_id")))
        .select_related("action", "status")
        .order_by("-changed_at", "-pk")[:limit]
    )
    tasks = (
        Task.objects.filter(action__in=actions, state=Task.State.COMPLETED, completed_at__lte=today)
        .select_related("action")
        .order_by("-completed_at", "-pk")[:limit]
    )
    posts = (
        NewsPost.objects.filter(action__in=actions, published_on__lte=today)
        .select_related("action")
        .order_by("-published_on", "-pk")[:limit]
    )
    updates = (
        [Update("status", f"status-{c.pk}", c.changed_at, c.action, c) for c in changes]
        + [
            Update("task", f"task-{t.pk}", _moment(t.completed_at, plan), t.action, t)
            for t in tasks
        ]
        + [
            Update("news", f"news-{p.pk}", _moment(p.published_on, plan), p.action, p)
            for p in posts
        ]
    )
    for update in updates:
        update.action.plan = plan
    updates.sort(key=lambda update: (update.at, update.key), reverse=True)
    return updates[:limit]
