"""Filtering a plan's public actions: by theme, responsible organisation, status, phase,
timeframe, impact, derived lateness, the plan's own fields and text. The database does
the filtering; whatever the filters, the query count stays the same."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, fields
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils import timezone

from vahti.actions.lateness import late_condition
from vahti.actions.models import Action, ActionField, ActionFieldValue, ResponsibleParty
from vahti.core.i18n import column_name, language_codes
from vahti.core.trees import descendants
from vahti.orgs.models import Organization
from vahti.plans.changes import kept_for_version
from vahti.plans.models import (
    ActionImpact,
    ActionImplementationPhase,
    ActionSchedule,
    ActionStatus,
    Category,
    Plan,
)


@dataclass(frozen=True)
class FieldFilter:
    """One of the plan's own fields filtered by: an option, categories (one and those
    below it), yes or no, or a range of numbers or dates (either end open)."""

    field: ActionField
    option_id: int | None = None
    category_ids: frozenset[int] = frozenset()
    yes_no: bool | None = None
    least: Decimal | datetime.date | None = None
    most: Decimal | datetime.date | None = None

    def values(self) -> QuerySet[ActionFieldValue]:
        values = ActionFieldValue.objects.filter(field_id=self.field.pk)
        if self.option_id is not None:
            values = values.filter(option_id=self.option_id)
        if self.category_ids:
            values = values.filter(category_id__in=self.category_ids)
        if self.yes_no is not None:
            values = values.filter(yes_no=self.yes_no)
        column = self.field.value_column
        if self.least is not None:
            values = values.filter(**{f"{column}__gte": self.least})
        if self.most is not None:
            values = values.filter(**{f"{column}__lte": self.most})
        return values


@dataclass
class ActionFilters:
    text: str = ""
    category: Category | None = None  # and the categories below it
    organization: Organization | None = None  # and the units below it
    primary_only: bool = False  # the organisation is primarily responsible
    status: ActionStatus | None = None
    phase: ActionImplementationPhase | None = None
    schedule: ActionSchedule | None = None
    impact: ActionImpact | None = None
    late: bool = False  # late by the plan's derived lateness (vahti.actions.lateness)
    fields: tuple[FieldFilter, ...] = ()  # the plan's own fields

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name != "primary_only")


def _text_condition(text: str) -> Q:
    condition = Q(identifier__istartswith=text)
    for code in language_codes():
        for name in ("name", "lead"):
            condition |= Q(**{f"{column_name(name, code)}__icontains": text})
    return condition


def filtered_actions(
    plan: Plan, filters: ActionFilters, *, among: QuerySet[Action] | None = None
) -> QuerySet[Action]:
    """The plan's public actions (or those of ``among``) that pass every filter given.
    Trees (themes, organisations) are read in one query each when filtered by them."""
    actions = Action.objects.for_plan(plan).public() if among is None else among
    if filters.category is not None:
        rows = Category.objects.filter(type_id=filters.category.type_id).values_list(
            "pk", "parent_id"
        )
        below = descendants(rows, [filters.category.pk])
        actions = actions.filter(
            pk__in=Action.categories.through.objects.filter(category_id__in=below).values(
                "action_id"
            )
        )
    if filters.organization is not None:
        rows = Organization.objects.filter(plan=plan).values_list("pk", "parent_id")
        units = descendants(rows, [filters.organization.pk])
        parties = ResponsibleParty.objects.filter(organization_id__in=units)
        if filters.primary_only:
            parties = parties.filter(role=ResponsibleParty.Role.PRIMARY)
        actions = actions.filter(pk__in=parties.values("action_id"))
    if filters.status is not None:
        actions = actions.filter(status=filters.status)
    if filters.phase is not None:
        actions = actions.filter(implementation_phase=filters.phase)
    if filters.impact is not None:
        actions = actions.filter(impact=filters.impact)
    if filters.schedule is not None:
        actions = actions.filter(
            pk__in=Action.schedules.through.objects.filter(
                actionschedule_id=filters.schedule.pk
            ).values("action_id")
        )
    if filters.late:
        actions = actions.filter(late_condition(plan, timezone.localdate(timezone=plan.tzinfo)))
    for field_filter in filters.fields:
        actions = actions.filter(pk__in=field_filter.values().values("action_id"))
    if filters.text.strip():
        actions = actions.filter(_text_condition(filters.text.strip()))
    return actions


@dataclass(frozen=True)
class UsedChoices:
    """The categories and the responsible organisations the plan's public actions are
    linked to: what the filters offer (with the items above them)."""

    category_ids: frozenset[int]
    organization_ids: frozenset[int]


def used_choices(plan: Plan) -> UsedChoices:
    """Read from every public action of the plan, so kept per data version: no query
    while the plan's data stays the same, 2 after a change."""

    def read() -> UsedChoices:
        public = Action.objects.for_plan(plan).public()
        # Distinct: a few dozen ids rather than one per link.
        return UsedChoices(
            frozenset(
                Action.categories.through.objects.filter(action__in=public)
                .values_list("category_id", flat=True)
                .order_by()
                .distinct()
            ),
            frozenset(
                ResponsibleParty.objects.filter(action__in=public)
                .values_list("organization_id", flat=True)
                .order_by()
                .distinct()
            ),
        )

    return kept_for_version(plan, "filter-choices-used", read)
