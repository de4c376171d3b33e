"""``make bench``: server time and SQL queries of the public pages, cached and not.

For the demo plan and generated plans of 150, 1,500 and 15,000 actions (``BENCH_SIZES``;
each with an indicator of 10,000 daily values) it requests each page type many times
through Django's full request handling (middleware, views, templates; no network) and
prints, per page type: the median and 95th percentile of the time spent rendering it
(the page cache off) and the SQL queries that takes; the same served from the page
cache, as an anonymous visitor gets it; the same HTML served as a static file by the
same server (WhiteNoise, in the same middleware chain), which is the practical limit;
the ratio of the cached page to the static file; and the size of the HTML. Then each
page's weight as transferred (HTML, scripts and style sheets, gzip-compressed), then the
sections in ``SECTIONS`` (the import, the reminders, search indexing, ...), and last a summary: each
figure per plan size with its growth from the smallest plan to the largest, and the
budget lines. The output format is kept stable so that runs can be compared line by
line. The database is ``var/bench.sqlite3``, rebuilt on every run, or the one
``BENCH_DATABASE_URL`` names (a database of its own: the bench writes plans into it).
``DATABASE_URL`` is ignored so that a bench never writes into the real database.

Each section is a function ``(plans) -> bool`` (``plans``: ``(label, plan)`` pairs, the
demo first, then ``generated-<size>``) that prints its table, notes its figures for the
summary (``perf.common.note``) and returns whether its budgets hold.
"""

from __future__ import annotations

import os
import sys

from perf import admin, documents, indexing, jobs, public
from perf.common import (
    REQUESTS_PER_PAGE,
    SIZES,
    budget,
    cached_and_static,
    configure,
    measure,
    note,
    page_weight,
    print_head,
    print_summary,
    static_copy,
)

ROW = "{:<16} {:>7}  {:<15} {:>8} {:>8} {:>7} {:>8} {:>8} {:>7} {:>8} {:>7} {:>8}"
# Rendering a page of the largest plan takes long: fewer requests there.
FEW_REQUESTS_ABOVE = 5000
FEW_REQUESTS = 12
# The most a cached page may take, as a multiple of the same HTML as a static file.
CACHED_BUDGET = 2.0
# Values of the generated plans' daily indicator, whose page is measured.
INDICATOR_VALUES = int(os.environ.get("BENCH_INDICATOR_VALUES", "10000"))
WEIGHT_ROW = "{:<16} {:<15} {:>8} {:>8} {:>8} {:>8}"
# The heaviest indicator page, compressed, with what it loads: at most 400 KB.
WEIGHT_BUDGET = 400 * 1000
# The sections after the public pages, in the order they run.
SECTIONS = [
    public.bench_public,
    admin.bench_admin,
    documents.bench_documents,
    jobs.bench_import,
    jobs.bench_reminders,
    indexing.bench_indexing,
]
# Public pages whose uncached time and size go into the summary.
SUMMARISED = ("front page", "action list", "dashboard", "action page", "indicator page", "search")


def make_plans():
    """The demo plan and the generated plans, each with its daily indicator's page."""
    from django.core.management import call_command

    from vahti.demo.generate import generate_plan
    from vahti.demo.generate_indicators import generate_indicators
    from vahti.demo.loader import load_demo
    from vahti.plans.models import Plan

    call_command("migrate", verbosity=0)
    load_demo()
    demo = Plan.objects.get(identifier="hnh2035")
    plans = [("demo", demo)]
    indicator_pages = {demo.pk: "/indicators/ghg-total/"}
    for size in SIZES:
        generated = generate_plan(f"bench{size}", size)
        daily = generate_indicators(generated, values=INDICATOR_VALUES)
        indicator_pages[generated.pk] = daily.get_absolute_url()
        plans.append((f"generated-{size}", generated))
    return plans, indicator_pages


def page_addresses(plan, indicator_page: str) -> tuple[str, int, dict[str, list[str]]]:
    """The plan's bench host, its number of public actions and its page types' URLs."""
    from vahti.actions.models import Action
    from vahti.plans.models import Category, PlanDomain
    from vahti.plans.selectors import primary_category_type

    host = f"{plan.identifier}.bench.invalid"
    PlanDomain.objects.get_or_create(plan=plan, hostname=host)
    public = Action.objects.filter(plan=plan).public()
    identifiers = list(public.order_by("?").values_list("identifier", flat=True)[:50])
    theme = (
        Category.objects.filter(type=primary_category_type(plan), parent=None)
        .order_by("order", "pk")
        .first()
    )
    filtered = f"?category={theme.identifier}&status=late" if theme else "?status=late"
    return (
        host,
        public.count(),
        {
            "front page": ["/"],
            "action list": ["/actions/"],
            "filtered list": [f"/actions/{filtered}"],
            "dashboard": ["/actions/?view=dashboard"],
            "dashboard sort": [f"/actions/{filtered}&view=dashboard&sort=organization"],
            "over time": ["/actions/?view=history&on=2025-06-30"],
            "action page": [f"/actions/{identifier}/" for identifier in identifiers],
            "indicator list": ["/indicators/"],
            "indicator page": [indicator_page],
            "insight": ["/insight/"],
            # A word in every generated action's name, and identifiers (a few matches).
            "search": ["/search/?q=päästöjen"],
            "search few": [f"/search/?q={identifier}" for identifier in identifiers],
            "api actions": ["/api/v1/actions/"],
            "api actions 500": ["/api/v1/actions/?page_size=500"],
            "api filtered": [f"/api/v1/actions/{filtered}"],
            "api action": [f"/api/v1/actions/{identifier}/" for identifier in identifiers],
            "api indicators": ["/api/v1/indicators/"],
        },
    )


def measure_pages(client, plans, indicator_pages):
    """Each page type of each plan rendered without the page cache; the rows to print,
    the page weights, and each page's static copy."""
    from django.test import override_settings

    rows, weights, static_pages = [], [], {}
    for label, plan in plans:
        host, count, pages = page_addresses(plan, indicator_pages[plan.pk])
        uncached_requests = REQUESTS_PER_PAGE if count <= FEW_REQUESTS_ABOVE else FEW_REQUESTS
        for page, urls in pages.items():
            with override_settings(PAGE_CACHE_SECONDS=0):
                uncached = measure(client, urls, host, requests=uncached_requests)
            if label.startswith("generated") and page in SUMMARISED:
                size = int(label.rsplit("-", 1)[1])
                note(f"{page}, uncached", size, uncached[0], "ms")
                note(f"{page}, HTML", size, uncached[3] / 1000, "KB")
            if urls[0].startswith("/api/"):
                rows.append((label, count, page, uncached, None))
                continue
            static_pages[(label, page)] = static_copy(client, urls[0], host)
            rows.append((label, count, page, uncached, (urls, host)))
            weights.append((label, page, page_weight(client, urls[0], host)))
        # The whole plan in one document: large, so asked for a few times only.
        document = [f"/api/v1/plans/{plan.identifier}/document.json"]
        measured = measure(client, document, host, 3, warmup=1)
        if label.startswith("generated"):
            size = int(label.rsplit("-", 1)[1])
            note("api document", size, measured[0], "ms")
            note("api document, bytes", size, measured[3] / 1000, "KB")
        rows.append((label, count, "api document", measured, None))
    return rows, weights, static_pages


def print_pages(rows, static_pages) -> float:
    """The pages' table, with each page from the page cache beside its static file; the
    worst ratio of a cached page to its static file."""
    from django.test import Client

    # The static copies are served by a new server (client), whose WhiteNoise finds them.
    server = Client()
    header = ROW.format(
        "plan", "actions", "page", "median", "p95", "queries", "cached", "c p95", "c q",
        "static", "ratio", "bytes",
    )  # fmt: skip
    print_head(header, " " * 34 + "rendered (no page cache)  from the page cache   static file")
    worst = 0.0
    for label, count, page, uncached, cached in rows:
        median, p95, queries, size = uncached
        if cached is None:  # the API has its own conditional answers, not the page cache
            print(ROW.format(label, count, page, f"{median:.1f}", f"{p95:.1f}", queries, "-", "-",
                             "-", "-", "-", size).rstrip())  # fmt: skip
            continue
        urls, host = cached
        cached, static = cached_and_static(server, urls, static_pages[(label, page)], host)
        ratio = cached[0] / static
        worst = max(worst, ratio)
        print(
            ROW.format(
                label, count, page, f"{median:.1f}", f"{p95:.1f}", queries, f"{cached[0]:.2f}",
                f"{cached[1]:.2f}", cached[2], f"{static:.2f}", f"{ratio:.2f}", size,
            )
        )  # fmt: skip
    return worst


def print_weights(weights) -> int:
    """Each page's compressed weight; the heaviest indicator page's."""
    print_head(
        WEIGHT_ROW.format("plan", "page", "html", "js", "css", "total"),
        "",
        "page weight, gzip -6, bytes (html + the scripts and styles it loads)",
    )
    for label, page, (html, js, css) in weights:
        print(WEIGHT_ROW.format(label, page, html, js, css, html + js + css))
    return max(sum(w) for label, page, w in weights if page == "indicator page")


def main() -> int:
    configure()
    import platform

    from django.conf import settings
    from django.db import connection
    from django.test import Client

    plans, indicator_pages = make_plans()
    print(
        f"Vahti bench · {connection.vendor} · Python {platform.python_version()} · "
        f"{REQUESTS_PER_PAGE} requests per page ({FEW_REQUESTS} uncached above "
        f"{FEW_REQUESTS_ABOVE} actions) · times in ms, server side · cache "
        f"{settings.CACHES['default']['BACKEND'].rsplit('.', 1)[1]}"
    )
    rows, weights, static_pages = measure_pages(Client(), plans, indicator_pages)
    worst = print_pages(rows, static_pages)
    heaviest = print_weights(weights)
    sections = [section(plans) for section in SECTIONS]
    print_summary()
    print()
    # The indicator page with the most values has a budget (issue 4).
    within = budget(f"indicator page {heaviest} B of {WEIGHT_BUDGET} B", heaviest <= WEIGHT_BUDGET)
    within &= budget(
        f"slowest cached page {worst:.2f}× the static file, at most {CACHED_BUDGET:.0f}×",
        worst <= CACHED_BUDGET,
    )
    return 0 if within and all(sections) else 1


if __name__ == "__main__":
    sys.exit(main())
