from django.utils.functional import SimpleLazyObject

from vahti.content.selectors import footer_pages


def footer(request):
    """The plan's pages linked from the footer, read only by a page that shows them."""
    plan = getattr(request, "plan", None)
    return {"footer_pages": SimpleLazyObject(lambda: footer_pages(plan))}
