"""One page of the public action list: the filtered actions grouped by theme, a page of
them at a time, so that the page weighs the same at 150 actions as at 15,000.

The grouping is decided from ids only (the actions' order and their themes, two narrow
queries), and only the actions on the page are read as cards. A page holds ``PAGE_SIZE``
places in the grouped list: an action under two themes takes two. Themes run on from
one page to the next; a page that starts inside a theme repeats the headings above it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from vahti.actions.models import Action
from vahti.actions.selectors import CategoryGroup, action_cards, grouped_by_primary_category
from vahti.plans.models import Category, Plan

PAGE_SIZE = 100


@dataclass(frozen=True, slots=True)
class _Listed:
    """An action as far as grouping needs it."""

    pk: int
    category_ids: tuple[int, ...]


@dataclass(frozen=True)
class ThemeStart:
    """A top-level theme of the whole list and the page it starts on."""

    category: Category | None  # None: the actions without a theme
    page: int


@dataclass(frozen=True)
class ActionListPage:
    page: Page  # of (group index, action id) places, for the page links
    groups: list[CategoryGroup]  # this page's, with their cards
    action_count: int  # every filtered action, on any page
    themes: list[ThemeStart]


def _listed(actions: QuerySet[Action]) -> list[_Listed]:
    """``actions`` in natural order with their categories: 1 query (a row per action and
    category, joined)."""
    listed: dict[int, list[int]] = {}
    for pk, category_id in actions.in_natural_order().values_list("pk", "categories"):
        themes = listed.setdefault(pk, [])
        if category_id is not None:
            themes.append(category_id)
    return [_Listed(pk, tuple(themes)) for pk, themes in listed.items()]


def _theme_starts(groups: list[CategoryGroup], page_size: int) -> list[ThemeStart]:
    starts, places = [], 0
    for group in groups:
        if group.depth == 0:
            starts.append(ThemeStart(group.category, places // page_size + 1))
        places += len(group.actions)
    return starts


def _page_groups(groups: list[CategoryGroup], places: list[tuple[int, int]], cards: dict):
    """The groups the page's places fall in, with their cards, and the headings above
    the first of them (their actions were on earlier pages)."""
    if not places:
        return []
    first, last = places[0][0], places[-1][0]
    shown: dict[int, list] = {}
    for index, pk in places:
        shown.setdefault(index, []).append(cards[pk])
    above, depth = [], groups[first].depth
    for index in range(first - 1, -1, -1):
        if groups[index].depth < depth:
            above.append(CategoryGroup(groups[index].category, groups[index].depth, []))
            depth = groups[index].depth
    return above[::-1] + [
        CategoryGroup(groups[index].category, groups[index].depth, shown.get(index, []))
        for index in range(first, last + 1)
    ]


def action_list_page(
    plan: Plan, actions: QuerySet[Action], page_number, page_size: int = PAGE_SIZE
) -> ActionListPage:
    """Page ``page_number`` (any value: a page that is not there gives the nearest) of
    ``actions``, public actions of ``plan``, grouped by theme. 8 queries."""
    listed = _listed(actions)
    groups = grouped_by_primary_category(plan, listed)
    places = [(index, item.pk) for index, group in enumerate(groups) for item in group.actions]
    page = Paginator(places, page_size).get_page(page_number)
    on_page = list(page.object_list)
    # The ids come from ``actions``: the page's cards need no filter again. No id is 0:
    # an empty list would skip the queries, and the count would follow the filters.
    shown = Action.objects.filter(pk__in={pk for _index, pk in on_page} or [0])
    cards = {card.pk: card for card in action_cards(plan, shown)}
    return ActionListPage(
        page=page,
        groups=_page_groups(groups, on_page, cards),
        action_count=len(listed),
        themes=_theme_starts(groups, page_size),
    )
