"""What a host answers for all its plans or for one as a whole: the index of the plans a
shared host serves, ``robots.txt``, each plan's ``sitemap.xml`` and its brand
stylesheet."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.http.request import split_domain_port
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from vahti.core.i18n import primary_language
from vahti.plans.brand import palette
from vahti.plans.models import Plan
from vahti.plans.selectors import host_plans
from vahti.site import sitemap


def _hostname(request) -> str:
    return split_domain_port(request.get_host())[0]


def _absolute(request, prefix: str, path: str) -> str:
    base = f"{request.scheme}://{request.get_host()}"
    return base + (f"/{prefix}" if prefix else "") + path


@require_safe
def plan_index(request):
    """The root of a host that serves plans under path prefixes only: a link to each,
    with its name and introduction in its own language."""
    plans = host_plans(_hostname(request))
    language = plans[0][0].primary_language if plans else translation.get_language()
    entries = [
        {
            "plan": plan,
            "language": plan.primary_language,
            "url": f"/{prefix}/",
            "name": Plan.name.in_language(plan, plan.primary_language),
            "intro": Plan.intro.in_language(plan, plan.primary_language),
        }
        for plan, prefix in plans
    ]
    with translation.override(language), primary_language(language):
        response = render(request, "site/plan_index.html", {"entries": entries})
    # Shows several plans: not kept in the page cache, which keys on one plan's data.
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
def robots_txt(request):
    """Allow everything public; one ``Sitemap:`` line for each plan the host serves."""
    if getattr(request, "plan_prefix", ""):
        raise Http404("robots.txt is at the host's root.")
    served = host_plans(_hostname(request))
    if not served and getattr(request, "plan", None) is not None:
        served = [(request.plan, "")]
    lines = ["User-agent: *", "Disallow: /admin/", "Allow: /", ""]
    lines += [f"Sitemap: {_absolute(request, prefix, '/sitemap.xml')}" for _plan, prefix in served]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def sitemap_xml(request):
    plan = getattr(request, "plan", None)
    if plan is None:
        raise Http404("No plan is published on this site yet.")
    base = f"{request.scheme}://{request.get_host()}"
    body = sitemap.render(plan, base)
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


@require_safe
def brand_css(request):
    """The plan's colours as a stylesheet (the public CSP allows no inline styles).
    Linked with the plan's data version, so it may be kept for long."""
    plan = getattr(request, "plan", None)
    if plan is None:
        raise Http404("No plan is published on this site yet.")
    colours = palette(plan.brand_color)
    css = (
        f":root {{ --brand: {colours.brand}; --brand-dark: {colours.brand_text}; "
        f"--on-brand: {colours.on_brand}; }}\n"
        ".site-header, .site-header a, .button, .search-form button "
        "{ color: var(--on-brand); }\n"
        ".button:hover { color: #fff; }\n"
    )
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    if request.GET.get("v"):
        response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


def brand_css_url(plan) -> str:
    return reverse("brand-css") + f"?v={int(plan.data_changed_at.timestamp())}"
