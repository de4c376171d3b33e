"""The bench's section for what grew with the plan in issue 22: the indicator page's HTML
(a long series summarised), the plan document (built once per data version, batch by
batch: its build time and the memory it takes) and the uncached action page's queries.
"""

from __future__ import annotations

import time
import tracemalloc

from perf.common import FIGURES, budget, note, print_head

# The indicator page of 10,000 daily values, at most (issue 22; it was 1.39 MB).
INDICATOR_HTML_BUDGET_KB = 150
# Building the plan document: memory held at its peak, whatever the plan's size (the
# whole document was 40 MB of text and more of objects at 15,000 actions) ...
DOCUMENT_MEMORY_BUDGET_MB = 50
# ... and its time, per 1,000 actions (a plan of 15,000 within a few seconds' budget).
DOCUMENT_MS_PER_1000_ACTIONS = 1000
# Queries of an uncached action page, at most, at any plan size.
ACTION_PAGE_QUERY_BUDGET = 12
ACTION_PAGES = 20  # action pages counted per plan
ROW = "{:<16} {:>7} {:>10} {:>10} {:>12} {:>14}"


def _document_build(plan) -> tuple[float, float, int]:
    """ms to write the plan's document, the memory allocated at its peak (MB), bytes."""
    from django.test import RequestFactory

    from vahti.api import data, document

    request = RequestFactory().get("/", HTTP_HOST=f"{plan.identifier}.bench.invalid")
    ctx = data.Context(plan, data.site_address(plan, request))

    class Counting:
        written = 0

        def write(self, text: str) -> None:
            self.written += len(text.encode())

    # Timed on its own: tracing the memory slows Python down several times.
    out = Counting()
    start = time.perf_counter()
    document.write_document(ctx, out)
    elapsed = (time.perf_counter() - start) * 1000
    tracemalloc.start()
    document.write_document(ctx, Counting())
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak / 1e6, out.written


def _action_page_queries(plan) -> tuple[int, str]:
    """The most queries an uncached action page of the plan issues, and on which."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from vahti.actions.models import Action

    host = f"{plan.identifier}.bench.invalid"
    identifiers = list(
        Action.objects.filter(plan=plan).public().order_by("sort_key")
        .values_list("identifier", flat=True)[:ACTION_PAGES]
    )  # fmt: skip
    client, most, where = Client(), 0, ""
    with override_settings(PAGE_CACHE_SECONDS=0):
        for identifier in identifiers:
            url = f"/actions/{identifier}/"
            client.get(url, HTTP_HOST=host)  # thumbnails, once
            with CaptureQueriesContext(connection) as captured:
                client.get(url, HTTP_HOST=host)
            if len(captured) > most:
                most, where = len(captured), url
    return most, where


def bench_documents(plans) -> bool:
    from vahti.actions.models import Action

    print_head(
        ROW.format("plan", "actions", "doc ms", "doc peak MB", "doc bytes", "action page q"),
        "",
        "plan document built batch by batch; uncached action pages' queries",
    )
    within = True
    for label, plan in plans:
        count = Action.objects.filter(plan=plan).public().count()
        elapsed, peak, written = _document_build(plan)
        queries, where = _action_page_queries(plan)
        print(ROW.format(label, count, f"{elapsed:.0f}", f"{peak:.1f}", written, queries))
        if label.startswith("generated"):
            size = int(label.rsplit("-", 1)[1])
            note("document build", size, elapsed, "ms")
            note("document build, peak memory", size, peak, "MB")
            note("action page, most queries", size, queries, "q")
        within &= budget(
            f"{label}: document built in {elapsed:.0f} ms, at most "
            f"{DOCUMENT_MS_PER_1000_ACTIONS} ms per 1,000 actions",
            elapsed <= DOCUMENT_MS_PER_1000_ACTIONS * max(1, count / 1000),
        )
        within &= budget(
            f"{label}: document's peak memory {peak:.1f} MB, at most "
            f"{DOCUMENT_MEMORY_BUDGET_MB} MB",
            peak <= DOCUMENT_MEMORY_BUDGET_MB,
        )
        within &= budget(
            f"{label}: uncached action page at most {queries} queries ({where}), at most "
            f"{ACTION_PAGE_QUERY_BUDGET}",
            queries <= ACTION_PAGE_QUERY_BUDGET,
        )
    for size, (value, _unit) in sorted(FIGURES.get("indicator page, HTML", {}).items()):
        within &= budget(
            f"indicator page of {size:,} actions' plan {value:.0f} KB of HTML, at most "
            f"{INDICATOR_HTML_BUDGET_KB} KB",
            value <= INDICATOR_HTML_BUDGET_KB,
        )
    return within
