from django.utils.functional import SimpleLazyObject

from vahti.content.selectors import footer_pages
from vahti.plans.selectors import footer_links


def footer(request):
    """The plan's pages and links in the footer, read only by a page that shows them."""
    plan = getattr(request, "plan", None)
    return {
        "footer_pages": SimpleLazyObject(lambda: footer_pages(plan)),
        "footer_links": SimpleLazyObject(lambda: footer_links(plan)),
    }
