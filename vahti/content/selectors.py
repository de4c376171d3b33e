from __future__ import annotations

from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef, QuerySet
from django.db.models.lookups import StartsWith
from wagtail.models import PageViewRestriction

from vahti.content.models import ContentPage
from vahti.plans.models import Plan


def public_pages(plan: Plan) -> QuerySet[ContentPage]:
    """The plan's published pages that anyone may read: live, and with no Wagtail view
    restriction on the page or above it (Wagtail's ``public()`` does the same in two
    queries; this is one)."""
    outer_path = ExpressionWrapper(OuterRef("path"), output_field=CharField())
    restricted = PageViewRestriction.objects.filter(StartsWith(outer_path, F("page__path")))
    return ContentPage.objects.filter(plan=plan).live().exclude(Exists(restricted))


def footer_pages(plan: Plan | None) -> list[ContentPage]:
    if plan is None:
        return []
    pages = public_pages(plan).filter(show_in_menus=True).order_by("path")
    return list(pages.only("slug", "title", *ContentPage.heading.columns()))


def page_for_site(plan: Plan, slug: str) -> ContentPage:
    """The page at ``/pages/<slug>/``; should two pages share a slug (made before the
    check in ``ContentPage.clean``), the first in the tree."""
    page = public_pages(plan).filter(slug=slug).order_by("path").first()
    if page is None:
        raise ContentPage.DoesNotExist(slug)
    return page
