from django.utils.functional import SimpleLazyObject

from vahti.reports.public import has_completed_reports


def reports(request):
    """Whether the site's footer links the plan's reports: read only by a page that shows
    it, and kept while the plan's data is unchanged."""
    plan = getattr(request, "plan", None)
    if plan is None:
        return {"has_reports": False}
    return {"has_reports": SimpleLazyObject(lambda: has_completed_reports(plan))}
