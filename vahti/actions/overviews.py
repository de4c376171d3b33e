"""Pages that gather actions under one heading: a category (a theme with its sub-themes)
and an organisation (with its units). Each reads its tree once and its actions as
cards, so the number of queries does not depend on the plan's size."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from vahti.actions.filters import ActionFilters, filtered_actions
from vahti.actions.models import Action, ResponsibleParty
from vahti.actions.selectors import ActionCard, StatusCount, action_cards, public_actions
from vahti.core.trees import descendants
from vahti.orgs.models import Organization
from vahti.plans.models import Category, CategoryType, Plan


def status_summary(cards: list[ActionCard]) -> list[StatusCount]:
    """How many of the cards are in each status, in the plan's order; those without a
    status last. No queries: the cards carry their status."""
    counts = Counter(card.status.pk if card.status else None for card in cards)
    statuses = sorted(
        {card.status.pk: card.status for card in cards if card.status}.values(),
        key=lambda status: (status.order, status.pk),
    )
    summary = [StatusCount(status, counts[status.pk]) for status in statuses]
    if counts[None]:
        summary.append(StatusCount(None, counts[None]))
    return summary


@dataclass(frozen=True)
class Branch:
    """A category or organisation below the one shown, with how many public actions it
    and the ones below it hold."""

    item: Category | Organization
    action_count: int


def _path_to(item, by_pk: dict) -> list:
    path, seen = [], set()
    parent_id = item.parent_id
    while parent_id is not None and parent_id in by_pk and parent_id not in seen:
        seen.add(parent_id)
        path.insert(0, by_pk[parent_id])
        parent_id = by_pk[parent_id].parent_id
    return path


def _branches(children: list, links: list[tuple[int, int]], parent_of: dict) -> list[Branch]:
    """Children with the number of distinct actions linked to them or below them;
    ``links`` are (item id, action id) pairs."""
    rows = list(parent_of.items())
    per_child = {}
    for child in children:
        below = descendants(rows, [child.pk])
        per_child[child.pk] = len({action for item, action in links if item in below})
    return [Branch(child, per_child[child.pk]) for child in children]


@dataclass(frozen=True)
class CategoryOverview:
    category: Category
    type: CategoryType
    ancestors: list[Category]
    children: list[Branch]
    actions: list[ActionCard]
    statuses: list[StatusCount]


def category_actions(plan: Plan, category: Category):
    """The public actions in ``category`` or in a category below it."""
    rows = Category.objects.filter(type_id=category.type_id).values_list("pk", "parent_id")
    below = descendants(list(rows), [category.pk])
    return public_actions(plan).filter(
        pk__in=Action.categories.through.objects.filter(category_id__in=below).values("action_id")
    )


def category_overview(plan: Plan, type_identifier: str, identifier: str) -> CategoryOverview:
    """A category of the plan with everything its page shows: the way up, the
    categories right below it, and the public actions in it or below it. Raises
    ``Category.DoesNotExist``. 9 queries."""
    category_type = CategoryType.objects.get(plan=plan, identifier=type_identifier)
    categories = list(Category.objects.filter(type=category_type).order_by("order", "pk"))
    by_pk = {c.pk: c for c in categories}
    category = next((c for c in categories if c.identifier == identifier), None)
    if category is None:
        raise Category.DoesNotExist(identifier)
    for item in categories:
        item.type = category_type
    parent_of = {c.pk: c.parent_id for c in categories}
    below = descendants(list(parent_of.items()), [category.pk])
    public = public_actions(plan)
    links = list(
        Action.categories.through.objects.filter(
            action__in=public, category_id__in=below
        ).values_list("category_id", "action_id")
    )
    children = [c for c in categories if c.parent_id == category.pk]
    cards = action_cards(
        plan,
        public.filter(
            pk__in=Action.categories.through.objects.filter(category_id__in=below).values(
                "action_id"
            )
        ),
    )
    return CategoryOverview(
        category=category,
        type=category_type,
        ancestors=_path_to(category, by_pk),
        children=_branches(children, links, parent_of),
        actions=cards,
        statuses=status_summary(cards),
    )


@dataclass(frozen=True)
class OrganizationOverview:
    organization: Organization
    ancestors: list[Organization]
    units: list[Branch]
    primary: list[ActionCard]  # the organisation or a unit below it is primarily responsible
    collaborating: list[ActionCard]  # … collaborates, without primary responsibility
    statuses: list[StatusCount]  # of the primary ones


def organization_overview(plan: Plan, identifier: str) -> OrganizationOverview:
    """An organisation of the plan with its way up, its units and the public actions it
    (or a unit below it) is responsible for. Raises ``Organization.DoesNotExist``.
    11 queries."""
    organizations = list(Organization.objects.filter(plan=plan).order_by("order", "pk"))
    by_pk = {o.pk: o for o in organizations}
    organization = next((o for o in organizations if o.identifier == identifier), None)
    if organization is None:
        raise Organization.DoesNotExist(identifier)
    parent_of = {o.pk: o.parent_id for o in organizations}
    primary = filtered_actions(plan, ActionFilters(organization=organization, primary_only=True))
    everything = filtered_actions(plan, ActionFilters(organization=organization))
    primary_cards = action_cards(plan, primary)
    collaborating = action_cards(plan, everything.exclude(pk__in=primary.values("pk")))
    links = list(
        ResponsibleParty.objects.filter(
            action__in=public_actions(plan),
            organization_id__in=descendants(list(parent_of.items()), [organization.pk]),
        ).values_list("organization_id", "action_id")
    )
    units = [o for o in organizations if o.parent_id == organization.pk]
    return OrganizationOverview(
        organization=organization,
        ancestors=_path_to(organization, by_pk),
        units=_branches(units, links, parent_of),
        primary=primary_cards,
        collaborating=collaborating,
        statuses=status_summary(primary_cards),
    )
