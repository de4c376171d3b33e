"""One page of the public action list: the filtered actions grouped by theme, a page of
them at a time, so that the page weighs the same at 150 actions as at 15,000.

The grouping is decided from ids only (the actions' order and their themes, narrow
queries), and only the actions on the page are read as cards. A page holds ``PAGE_SIZE``
places in the grouped list: an action under two themes takes two. Themes run on from
one page to the next; a page that starts inside a theme repeats the headings above it.

The unfiltered list's grouping (which action is at which place, where each theme starts,
the count) spans the whole plan, so it is kept per data version
(``vahti.plans.changes.kept_for_version``): while the plan stays the same a page reads
only its own cards, whatever the size of the plan. A filtered list is grouped anew.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from vahti.actions.models import Action
from vahti.actions.selectors import CategoryGroup, action_cards, grouped_by_primary_category
from vahti.plans.changes import kept_for_version
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


@dataclass(frozen=True)
class _Grouping:
    """The grouped list by ids: its groups (heading, depth, first place) and the action
    of each place, compact enough to keep per data version for the unfiltered list."""

    groups: list[tuple[Category | None, int, int]]
    pks: array  # the action at each place, group after group
    action_count: int

    @property
    def starts(self) -> list[int]:
        return [start for _category, _depth, start in self.groups]


def _grouping(plan: Plan, actions: QuerySet[Action]) -> _Grouping:
    """3 queries: the actions' themes, the plan's primary category type and its
    categories."""
    listed = _listed(actions)
    groups, pks = [], array("q")
    for group in grouped_by_primary_category(plan, listed):
        groups.append((group.category, group.depth, len(pks)))
        pks.extend(item.pk for item in group.actions)
    return _Grouping(groups, pks, len(listed))


class _Places:
    """The list's places as (group index, action id), read a page's slice at a time."""

    def __init__(self, grouping: _Grouping):
        self.grouping = grouping
        self.starts = grouping.starts

    def __len__(self) -> int:
        return len(self.grouping.pks)

    def __getitem__(self, part: slice) -> list[tuple[int, int]]:
        first, stop, _step = part.indices(len(self))
        index = bisect_right(self.starts, first) - 1
        places = []
        for place in range(first, stop):
            while index + 1 < len(self.starts) and self.starts[index + 1] <= place:
                index += 1
            places.append((index, self.grouping.pks[place]))
        return places


def _theme_starts(grouping: _Grouping, page_size: int) -> list[ThemeStart]:
    return [
        ThemeStart(category, start // page_size + 1)
        for category, depth, start in grouping.groups
        if depth == 0
    ]


def _page_groups(grouping: _Grouping, places: list[tuple[int, int]], cards: dict):
    """The groups the page's places fall in, with their cards, and the headings above
    the first of them (their actions were on earlier pages)."""
    if not places:
        return []
    groups = grouping.groups
    first, last = places[0][0], places[-1][0]
    shown: dict[int, list] = {}
    for index, pk in places:
        shown.setdefault(index, []).append(cards[pk])
    above, depth = [], groups[first][1]
    for index in range(first - 1, -1, -1):
        if groups[index][1] < depth:
            above.append(CategoryGroup(groups[index][0], groups[index][1], []))
            depth = groups[index][1]
    return above[::-1] + [
        CategoryGroup(groups[index][0], groups[index][1], shown.get(index, []))
        for index in range(first, last + 1)
    ]


def action_list_page(
    plan: Plan,
    actions: QuerySet[Action],
    page_number,
    page_size: int = PAGE_SIZE,
    *,
    whole_plan: bool = False,
) -> ActionListPage:
    """Page ``page_number`` (any value: a page that is not there gives the nearest) of
    ``actions``, public actions of ``plan``, grouped by theme. 8 queries. ``whole_plan``:
    ``actions`` are all the plan's public ones, whose grouping is kept per data version
    (3 queries fewer while the plan's data stays the same)."""
    if whole_plan:
        grouping = kept_for_version(plan, "action-list-grouping", lambda: _grouping(plan, actions))
    else:
        grouping = _grouping(plan, actions)
    page = Paginator(_Places(grouping), page_size).get_page(page_number)
    on_page = list(page.object_list)
    # The ids come from ``actions``: the page's cards need no filter again. No id is 0:
    # an empty list would skip the queries, and the count would follow the filters.
    shown = Action.objects.filter(pk__in={pk for _index, pk in on_page} or [0])
    cards = {card.pk: card for card in action_cards(plan, shown)}
    return ActionListPage(
        page=page,
        groups=_page_groups(grouping, on_page, cards),
        action_count=grouping.action_count,
        themes=_theme_starts(grouping, page_size),
    )
