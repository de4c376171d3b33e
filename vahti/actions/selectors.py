"""Reads of published actions for the public lists: the plan's public actions, the
cards the action list shows and their grouping by category, and the plan's today. The
action page's reads are in ``action_page``, the open data's in ``open_data``. Each
function issues a fixed number of queries whatever the size of the plan; tests assert
the counts."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.http import quote

from vahti.actions.models import Action
from vahti.core.i18n import active_language, column_name, language_codes, pick_translation
from vahti.plans.models import (
    ActionImplementationPhase,
    ActionStatus,
    Category,
    Plan,
)
from vahti.plans.selectors import primary_category_type


def public_actions(plan: Plan) -> QuerySet[Action]:
    return Action.objects.for_plan(plan).public()


@dataclass(frozen=True, slots=True)
class ActionCard:
    """One action as the action list shows it. Built from plain rows: a list of thousands
    of actions spends its time in rendering, so the cards carry exactly what the template
    prints, with the language of each text already decided (``*_lang`` is set only when a
    text is a fallback in another language than the page's)."""

    pk: int
    identifier: str
    url: str
    name: str
    name_lang: str | None
    status: ActionStatus | None
    phase: ActionImplementationPhase | None
    category_ids: tuple[int, ...]


def action_cards(plan: Plan, actions: QuerySet[Action] | None = None) -> list[ActionCard]:
    """The plan's public actions (or those of ``actions``, a filtered set of them) in
    natural order, as cards. 4 queries."""
    language, primary = active_language(), plan.primary_language
    statuses = {s.pk: s for s in ActionStatus.objects.filter(plan=plan)}
    phases = {p.pk: p for p in ActionImplementationPhase.objects.filter(plan=plan)}
    actions = (public_actions(plan) if actions is None else actions).in_natural_order()
    links: dict[int, list[int]] = {}
    for action_id, category_id in Action.categories.through.objects.filter(
        action__in=actions
    ).values_list("action_id", "category_id"):
        links.setdefault(action_id, []).append(category_id)
    url_pattern = reverse("site:action-detail", kwargs={"identifier": "IDENTIFIER"})
    name_columns = language_columns("name")
    cards = []
    for row in actions.values(
        "id", "identifier", "status_id", "implementation_phase_id", *name_columns
    ):
        name = pick_translation(
            {column.rsplit("_", 1)[1]: row[column] for column in name_columns}, language, primary
        )
        cards.append(
            ActionCard(
                pk=row["id"],
                identifier=row["identifier"],
                url=url_pattern.replace("IDENTIFIER", quote(row["identifier"], safe="")),
                name=name,
                name_lang=name.lang if name.lang != language else None,
                status=statuses.get(row["status_id"]),
                phase=phases.get(row["implementation_phase_id"]),
                category_ids=tuple(links.get(row["id"], ())),
            )
        )
    return cards


def language_columns(field_name: str) -> list[str]:
    """The field's column in each language: ``name_fi``, ``name_sv`` …"""
    return [column_name(field_name, code) for code in language_codes()]


def plan_today(plan: Plan) -> datetime.date:
    return timezone.localdate(timezone=plan.tzinfo)


@dataclass
class CategoryGroup:
    category: Category | None
    depth: int
    actions: list[ActionCard]


def grouped_by_primary_category(plan: Plan, actions: list[ActionCard]) -> list[CategoryGroup]:
    """The actions under each category of the plan's primary category type, in tree order;
    an action in two categories is listed under both; actions in none come last. 1 query."""
    category_type = primary_category_type(plan)
    categories = (
        list(Category.objects.filter(type=category_type).order_by("order", "pk"))
        if category_type
        else []
    )
    children: dict[int | None, list[Category]] = {}
    for category in categories:
        children.setdefault(category.parent_id, []).append(category)
    by_category: dict[int, list[Action]] = {}
    uncategorised = []
    ids = {category.pk for category in categories}
    for action in actions:
        own = [pk for pk in action.category_ids if pk in ids]
        for pk in own:
            by_category.setdefault(pk, []).append(action)
        if not own:
            uncategorised.append(action)

    groups: list[CategoryGroup] = []

    def walk(parent_id, depth) -> int:
        """Append the subtree's groups; return how many actions it lists. Categories
        without actions anywhere below them are left out: a heading with nothing under it
        helps nobody."""
        total = 0
        for category in children.get(parent_id, []):
            group = CategoryGroup(category, depth, by_category.get(category.pk, []))
            position = len(groups)
            groups.append(group)
            below = walk(category.pk, depth + 1)
            if not group.actions and not below:
                del groups[position:]
            total += len(group.actions) + below
        return total

    walk(None, 0)
    if uncategorised:
        groups.append(CategoryGroup(None, 0, uncategorised))
    return groups


@dataclass
class StatusCount:
    status: ActionStatus | None
    count: int


def changes_between(older_content: dict, newer_content: dict) -> list[str]:
    """The labels of the fields and child lists (tasks, contact persons, …) that differ
    between two revisions of an action, in the form's order."""
    from vahti.core.revisions import VOLATILE_KEYS, without_volatile_keys

    labels = []
    for model_field in Action._meta.get_fields():
        name = model_field.name
        if name in VOLATILE_KEYS or (name not in older_content and name not in newer_content):
            continue
        older, newer = older_content.get(name), newer_content.get(name)
        if without_volatile_keys(older) != without_volatile_keys(newer):
            if model_field.one_to_many:  # tasks, contact persons, …
                label = model_field.related_model._meta.verbose_name_plural
            else:
                label = model_field.verbose_name
            labels.append(str(label))
    return list(dict.fromkeys(labels))
