"""A plan's ``sitemap.xml``: its public pages, each in every language of the plan with
the others as ``hreflang`` alternates. Internal and draft actions, internal
indicators and restricted or draft pages are never listed. A fixed number of queries
whatever the plan's size."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from django.urls import reverse
from django.utils import translation

from vahti.actions.selectors import public_actions
from vahti.content.selectors import public_pages
from vahti.indicators.models import Indicator
from vahti.orgs.models import Organization
from vahti.plans.models import Category, Plan

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def public_addresses(plan: Plan) -> list[tuple[str, dict]]:
    """(URL name, kwargs) of each public page of the plan."""
    pages: list[tuple[str, dict]] = [
        ("site:front-page", {}),
        ("site:action-list", {}),
        ("site:indicator-list", {}),
        ("site:insight", {}),
        ("site:estimates", {}),
        ("site:data", {}),
    ]
    for identifier in (
        public_actions(plan).order_by("sort_key", "pk").values_list("identifier", flat=True)
    ):
        pages.append(("site:action-detail", {"identifier": identifier}))
    categories = Category.objects.filter(plan=plan).order_by("type__order", "order", "pk")
    for type_identifier, identifier in categories.values_list("type__identifier", "identifier"):
        pages.append(
            ("site:category-detail", {"type_identifier": type_identifier, "identifier": identifier})
        )
    organizations = Organization.objects.filter(plan=plan).order_by("pk")
    for identifier in organizations.values_list("identifier", flat=True):
        pages.append(("site:organization-detail", {"identifier": identifier}))
    indicators = Indicator.objects.for_plan(plan).public().order_by("pk")
    for identifier in indicators.values_list("identifier", flat=True):
        pages.append(("site:indicator-detail", {"identifier": identifier}))
    for slug in public_pages(plan).order_by("path").values_list("slug", flat=True):
        pages.append(("site:content-page", {"slug": slug}))
    return pages


def render(plan: Plan, base: str) -> str:
    """The sitemap with absolute addresses on ``base`` (scheme and host)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">',
    ]
    languages = plan.languages
    for name, kwargs in public_addresses(plan):
        addresses = {}
        for code in languages:
            with translation.override(code):
                addresses[code] = base + reverse(name, kwargs=kwargs)
        for code in languages:
            lines.append(f"<url><loc>{_escape(addresses[code])}</loc>")
            if len(languages) > 1:
                lines += [
                    f'<xhtml:link rel="alternate" hreflang="{other}" '
                    f"href={quoteattr(addresses[other])}/>"
                    for other in languages
                ]
            lines.append("</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
