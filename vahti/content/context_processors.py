from django.utils.functional import SimpleLazyObject

from vahti.content.selectors import footer_pages
from vahti.plans.changes import kept_for_version
from vahti.plans.selectors import footer_links


def footer(request):
    """The plan's pages and links in the footer, read only by a page that shows them,
    and kept while the plan's data is unchanged (pages and links move its version)."""
    plan = getattr(request, "plan", None)
    if plan is None:
        return {"footer_pages": [], "footer_links": []}
    return {
        "footer_pages": SimpleLazyObject(
            lambda: kept_for_version(plan, "footer-pages", lambda: footer_pages(plan))
        ),
        "footer_links": SimpleLazyObject(
            lambda: kept_for_version(plan, "footer-links", lambda: footer_links(plan))
        ),
    }
