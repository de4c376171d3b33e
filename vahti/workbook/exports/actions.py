"""The export's actions and what belongs to each (tasks, history, news): the rows of
the actions the export shows, a fixed number of queries whatever their number."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Prefetch

from vahti.actions.models import (
    Action,
    ContactPerson,
    NewsPost,
    ProgressChange,
    ResponsibleParty,
    Task,
)
from vahti.plans.models import ActionSchedule, Category, Plan
from vahti.workbook.exports.cells import category_key, join, local_day, translated
from vahti.workbook.exports.fields import number
from vahti.workbook.sheets import ACTION_TEXTS


def action_rows(actions, *, plan: Plan, public: bool) -> Iterator[dict]:
    """The rows of ``actions``; in the ``public`` export, an action's related actions
    are only those it shows."""
    shown = set(actions.values_list("pk", flat=True)) if public else None
    actions = (
        actions.in_natural_order()
        .select_related("status", "implementation_phase", "impact")
        .prefetch_related(
            Prefetch("schedules", queryset=ActionSchedule.objects.order_by("order", "pk")),
            Prefetch(
                "categories",
                queryset=Category.objects.select_related("type").order_by(
                    "type__order", "type__pk", "order", "pk"
                ),
            ),
            Prefetch(
                "responsible_parties",
                queryset=ResponsibleParty.objects.select_related("organization").order_by(
                    "sort_order", "pk"
                ),
            ),
            Prefetch(
                "contact_persons",
                queryset=ContactPerson.objects.select_related("person").order_by(
                    "sort_order", "pk"
                ),
            ),
            Prefetch(
                "related_actions",
                queryset=Action.objects.only("id", "identifier", "sort_key").order_by(
                    "sort_key", "pk"
                ),
            ),
        )
    )
    for action in actions:
        yield _action_row(action, plan, shown)


def _action_row(action: Action, plan: Plan, shown: set | None) -> dict:
    """The action's row; its related actions only those the export shows (``shown``,
    None for all)."""
    parties = list(action.responsible_parties.all())
    people = {role: [] for role in ContactPerson.Role.values}
    for contact in action.contact_persons.all():
        people[contact.role].append(contact.person.identifier)
    related = [
        other.identifier
        for other in action.related_actions.all()
        if shown is None or other.pk in shown
    ]
    phase = action.implementation_phase
    return {
        "identifier": action.identifier,
        **translated(action, *ACTION_TEXTS),
        "status": action.status.identifier if action.status else None,
        "phase": phase.identifier if phase else None,
        "impact": action.impact.identifier if action.impact else None,
        "schedules": join(s.identifier for s in action.schedules.all()),
        "start_date": action.start_date,
        "end_date": action.end_date,
        "continuous": action.schedule_continuous,
        "categories": join(category_key(c) for c in action.categories.all()),
        "primary_organisation": next(
            (p.organization.identifier for p in parties if p.role == "primary"), None
        ),
        "collaborating_organisations": join(
            p.organization.identifier for p in parties if p.role != "primary"
        ),
        "contact_persons": join(people["contact"]),
        "editors": join(people["editor"]),
        "moderators": join(people["moderator"]),
        "related_actions": join(related),
        "emission_reduction_estimate": number(action.emission_reduction_estimate),
        "energy_savings_estimate": number(action.energy_savings_estimate),
        "renewable_production_estimate": number(action.renewable_production_estimate),
        "estimate_year": action.estimate_year,
        **translated(action, "estimate_method"),
        "visibility": action.visibility,
        "internal_notes": action.internal_notes or None,
        "updated_at": local_day(action.updated_at, plan),
    }


def task_rows(actions) -> Iterator[dict]:
    tasks = (
        Task.objects.filter(action__in=actions)
        .select_related("action")
        .order_by("action__sort_key", "action__pk", "sort_order", "pk")
    )
    for task in tasks:
        yield {
            "action": task.action.identifier,
            **translated(task, "name"),
            "state": task.state,
            "due_at": task.due_at,
            "completed_at": task.completed_at,
            **translated(task, "comment"),
        }


def history_rows(actions, plan: Plan) -> Iterator[dict]:
    """Each action's public status and phase changes, oldest first (its timeline)."""
    rows = (
        ProgressChange.objects.filter(action__in=actions, is_public=True)
        .select_related("action", "status", "implementation_phase")
        .order_by("action__sort_key", "action__pk", "changed_at", "pk")
    )
    previous = None
    for row in rows:
        state = (row.action_id, row.status_id, row.implementation_phase_id)
        if state == previous:
            continue  # hidden and shown again: no change to show
        previous = state
        yield {
            "action": row.action.identifier,
            "date": local_day(row.changed_at, plan),
            "status": row.status.identifier if row.status else None,
            "phase": row.implementation_phase.identifier if row.implementation_phase else None,
        }


def news_rows(actions) -> Iterator[dict]:
    posts = (
        NewsPost.objects.filter(action__in=actions)
        .select_related("action", "author")
        .order_by("action__sort_key", "action__pk", "published_on", "pk")
    )
    for post in posts:
        yield {
            "action": post.action.identifier,
            "published_on": post.published_on,
            **translated(post, "title", "body"),
            "author": post.author.identifier if post.author else None,
        }
