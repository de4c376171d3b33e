"""The dashboard of a filtered set of actions: one row per action for a sortable table
and for the CSV and Excel downloads (which hold exactly the rows the table shows). Their
order is ``dashboard_sorting``'s; the counts by status, phase and timeliness are
``dashboard_distributions``'.

Timeliness of updates follows the plan's two intervals: an action published within
``Plan.update_target_days`` is up to date, within ``Plan.stale_after_days`` acceptable,
after that stale. Days are counted in the plan's time zone, as the admin counts them.

Everything is read in a fixed number of queries whatever the number of actions: the
rows come from ``values()`` and the through tables, not from model instances.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from urllib.parse import quote

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vahti.actions.field_values import Cell, PlanFields, values_by_action
from vahti.actions.models import Action, ActionField, ResponsibleParty, Task
from vahti.core.i18n import (
    TranslatedStr,
    active_language,
    column_name,
    language_codes,
    pick_translation,
)
from vahti.orgs.models import Organization
from vahti.plans.models import (
    ActionImplementationPhase,
    ActionStatus,
    Category,
    CategoryType,
    Plan,
)


@dataclass(frozen=True)
class Lookups:
    """The plan's lists the dashboard names things from, read once per request (the
    filter form has read them already)."""

    statuses: dict[int, ActionStatus]
    phases: dict[int, ActionImplementationPhase]
    theme_type: CategoryType | None
    themes: dict[int, Category]
    plan_fields: PlanFields = field(default_factory=PlanFields)  # public ones


class Timeliness:
    RECENT = "recent"
    ACCEPTABLE = "acceptable"
    STALE = "stale"
    ORDER = (RECENT, ACCEPTABLE, STALE)
    LABELS = {
        RECENT: _("Up to date"),
        ACCEPTABLE: _("Acceptable"),
        STALE: _("Stale"),
    }
    # Colours for the chart: each at least 3:1 against white (WCAG 1.4.11).
    COLOURS = {RECENT: "#0a5c36", ACCEPTABLE: "#8a6d00", STALE: "#b3261e"}


def timeliness(days_since_update: int, plan: Plan) -> str:
    if days_since_update <= plan.update_target:
        return Timeliness.RECENT
    if days_since_update <= plan.stale_after_days:
        return Timeliness.ACCEPTABLE
    return Timeliness.STALE


@dataclass(frozen=True, slots=True)
class DashboardRow:
    pk: int
    identifier: str
    sort_key: str
    url: str
    name: TranslatedStr
    category: Category | None  # the first theme
    organization: Organization | None  # the first primarily responsible
    status: ActionStatus | None
    phase: ActionImplementationPhase | None
    open_tasks: int
    late_tasks: int
    updated: datetime.date
    days_since_update: int
    timeliness: str
    field_values: tuple[Cell, ...] = ()  # of the fields asked for, in their order

    @property
    def timeliness_label(self) -> str:
        return str(Timeliness.LABELS[self.timeliness])


def first_themes(lookups: Lookups, actions: QuerySet[Action]) -> dict[int, int]:
    """Each action's first theme, by the themes' order."""
    if lookups.theme_type is None:
        return {}
    first: dict[int, int] = {}
    for action_id, category_id in (
        Action.categories.through.objects.filter(
            action__in=actions, category__type=lookups.theme_type
        )
        .order_by("category__order", "category_id")
        .values_list("action_id", "category_id")
    ):
        first.setdefault(action_id, category_id)
    return first


def first_primary_organizations(actions: QuerySet[Action]) -> tuple[dict[int, int], dict]:
    """Each action's first primarily responsible organisation, and those by id."""
    first: dict[int, int] = {}
    for action_id, organization_id in (
        ResponsibleParty.objects.filter(action__in=actions, role=ResponsibleParty.Role.PRIMARY)
        .order_by("sort_order", "pk")
        .values_list("action_id", "organization_id")
    ):
        first.setdefault(action_id, organization_id)
    organizations = (
        {o.pk: o for o in Organization.objects.filter(pk__in=set(first.values()))} if first else {}
    )
    return first, organizations


def task_counts(actions: QuerySet[Action], today: datetime.date) -> dict[int, tuple[int, int]]:
    """(open, late) tasks of each action that has open tasks."""
    return {
        row["action_id"]: (row["open"], row["late"])
        for row in Task.objects.filter(action__in=actions, state__in=Task.OPEN_STATES)
        .values("action_id")
        .annotate(open=Count("id"), late=Count("id", filter=Q(due_at__lt=today)))
        .order_by()
    }


def dashboard_rows(
    plan: Plan,
    actions: QuerySet[Action],
    today: datetime.date,
    order: list[int],
    lookups: Lookups,
    fields: list[ActionField] | None = None,
) -> list[DashboardRow]:
    """The rows of ``actions`` (public actions of ``plan``: all filtered ones for a
    download, one page of them for the table) in the order of ``order``, the ids from
    :func:`sorted_ids`, with the values of ``fields`` (public fields of the plan; by
    default those the table shows). 6 queries."""
    if fields is None:
        fields = lookups.plan_fields.filterable
    field_values = values_by_action(plan, lookups.plan_fields, fields, actions)
    language, primary = active_language(), plan.primary_language
    statuses, phases, themes = lookups.statuses, lookups.phases, lookups.themes
    first_theme = first_themes(lookups, actions)
    first_organization, organizations = first_primary_organizations(actions)
    tasks = task_counts(actions, today)
    name_columns = [column_name("name", code) for code in language_codes()]
    url_pattern = reverse("site:action-detail", kwargs={"identifier": "IDENTIFIER"})
    position = {pk: index for index, pk in enumerate(order)}
    rows = []
    for row in actions.order_by().values(
        "id",
        "identifier",
        "sort_key",
        "status_id",
        "implementation_phase_id",
        "updated_at",
        *name_columns,
    ):
        if row["id"] not in position:
            continue
        updated = row["updated_at"].astimezone(plan.tzinfo).date()
        days = (today - updated).days
        open_tasks, late_tasks = tasks.get(row["id"], (0, 0))
        rows.append(
            DashboardRow(
                pk=row["id"],
                identifier=row["identifier"],
                sort_key=row["sort_key"],
                url=url_pattern.replace("IDENTIFIER", quote(row["identifier"], safe="")),
                name=pick_translation(
                    {column.rsplit("_", 1)[1]: row[column] for column in name_columns},
                    language,
                    primary,
                ),
                category=themes.get(first_theme.get(row["id"])),
                organization=organizations.get(first_organization.get(row["id"])),
                status=statuses.get(row["status_id"]),
                phase=phases.get(row["implementation_phase_id"]),
                open_tasks=open_tasks,
                late_tasks=late_tasks,
                updated=updated,
                days_since_update=days,
                timeliness=timeliness(days, plan),
                field_values=tuple(
                    Cell(item, field_values.get(row["id"], {}).get(item.pk)) for item in fields
                ),
            )
        )
    rows.sort(key=lambda row: position[row.pk])
    return rows
