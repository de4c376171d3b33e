"""The links between the pages of a list or a table: plain links (they work without
JavaScript) to the previous and next page and to pages by number, the rest of the
address kept, so that the filters and the sorting stay."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page
from django.http import QueryDict

from vahti.site.dashboard import page_url


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: pages left out between the others
    url: str
    current: bool


@dataclass(frozen=True)
class PageLinks:
    previous: str | None
    next: str | None
    pages: list[PageLink]


def without_empty(query: QueryDict) -> QueryDict:
    """The query without empty values: a filter form sends every field, and the links
    are what people share."""
    kept = QueryDict(mutable=True)
    for key in query:
        for value in query.getlist(key):
            if value.strip():
                kept.appendlist(key, value)
    return kept


def page_links(path: str, query: QueryDict, page: Page) -> PageLinks:
    """Links to the pages around ``page``, the first and the last (the others elided)."""
    query = without_empty(query)
    numbers = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return PageLinks(
        previous=page_url(path, query, page.previous_page_number())
        if page.has_previous()
        else None,
        next=page_url(path, query, page.next_page_number()) if page.has_next() else None,
        pages=[
            PageLink(number, page_url(path, query, number), number == page.number)
            if isinstance(number, int)
            else PageLink(None, "", False)
            for number in numbers
        ],
    )


@dataclass(frozen=True)
class ThemeLink:
    category: object  # a Category, or None for the actions without a theme
    url: str


def theme_links(path: str, query: QueryDict, themes, current: int) -> list[ThemeLink]:
    """A link to where each top-level theme starts (``vahti.actions.listing.ThemeStart``):
    on this page its heading, on another that page at its heading."""
    query = without_empty(query)
    links = []
    for theme in themes:
        anchor = f"category-{theme.category.identifier}" if theme.category else "uncategorised"
        here = "" if theme.page == current else page_url(path, query, theme.page)
        links.append(ThemeLink(theme.category, f"{here}#{anchor}"))
    return links
