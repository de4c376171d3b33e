"""``make bench``: server time and SQL queries of the public pages, cached and not.

For the demo plan and generated plans of 150, 1,500 and 15,000 actions (``BENCH_SIZES``;
each with an indicator of 10,000 daily values) it requests each page type many times
through Django's full request handling (middleware, views, templates; no network) and
prints, per page type: the median and 95th percentile of the time spent rendering it
(the page cache off) and the SQL queries that takes; the same served from the page
cache, as an anonymous visitor gets it; the same HTML served as a static file by the
same server (WhiteNoise, in the same middleware chain), which is the practical limit;
the ratio of the cached page to the static file; and the size of the HTML. Then each
page's weight as transferred (HTML, scripts and style sheets, gzip-compressed), the
import and the reminders. The output format is kept stable so that runs can be compared
line by line. The database is ``var/bench.sqlite3``, rebuilt on every run, or the one
``BENCH_DATABASE_URL`` names (a database of its own: the bench writes plans into it).
``DATABASE_URL`` is ignored so that a bench never writes into the real database.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUESTS_PER_PAGE = int(os.environ.get("BENCH_REQUESTS", "60"))
ROW = "{:<16} {:>7}  {:<15} {:>8} {:>8} {:>7} {:>8} {:>8} {:>7} {:>8} {:>7} {:>8}"
SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "150,1500,15000").split(",") if n]
# Rendering a page of the largest plan takes long: fewer requests there.
FEW_REQUESTS_ABOVE = 5000
FEW_REQUESTS = 12
# The most a cached page may take, as a multiple of the same HTML as a static file.
CACHED_BUDGET = 2.0
STATIC_DIR = "bench-pages"
# Values of the generated plans' daily indicator, whose page is measured.
INDICATOR_VALUES = int(os.environ.get("BENCH_INDICATOR_VALUES", "10000"))
WEIGHT_ROW = "{:<16} {:<15} {:>8} {:>8} {:>8} {:>8}"
# The heaviest indicator page, compressed, with what it loads: at most 400 KB.
WEIGHT_BUDGET = 400 * 1000
# Issue 22: an import of 1,500 actions in under 60 s with at most 20 queries per action,
# and the first reminder round of 15,000 actions in under 20 s.
IMPORT_BUDGET_ACTIONS = 1500
IMPORT_BUDGET_SECONDS = 60.0
IMPORT_BUDGET_QUERIES = 20
REMINDER_BUDGET_ACTIONS = 15000
REMINDER_BUDGET_SECONDS = 20.0


def configure() -> None:
    (ROOT / "var").mkdir(exist_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vahti.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-0123456789abcdef")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECURE_COOKIES", "false")
    os.environ["ALLOWED_HOSTS"] = ".bench.invalid"
    db = ROOT / "var" / "bench.sqlite3"
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{db}")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    # Templates name static files as they are; WhiteNoise serves them and STATIC_ROOT.
    os.environ["STATIC_MANIFEST"] = "false"
    # One process: its own memory is a cache all of it shares.
    os.environ.setdefault("PAGE_CACHE_SECONDS", "86400")
    os.environ["API_RATE_LIMIT"] = "100000000"  # one client asks for everything
    if "BENCH_DATABASE_URL" not in os.environ and db.exists():
        db.unlink()
    import django

    django.setup()
    from django.conf import settings

    # Every page of every plan stays in the local cache (its default keeps 300).
    if settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
        settings.CACHES["default"].setdefault("OPTIONS", {})["MAX_ENTRIES"] = 1_000_000


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure(
    client,
    urls: list[str],
    host: str,
    requests: int = REQUESTS_PER_PAGE,
    warmup: int = 3,
    expect: str | None = None,
) -> tuple[float, float, int, int]:
    """Median and p95 ms, the queries of one more request, and its size. ``expect``:
    what ``X-Vahti-Cache`` must say (a cached page must really come from the cache)."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    # Warm up: templates compiled, caches filled, as on a running server.
    for url in urls[: max(warmup, len(urls) if expect == "hit" else 0)]:
        client.get(url, HTTP_HOST=host)
    times = []
    for index in range(requests):
        url = urls[index % len(urls)]
        start = time.perf_counter()
        response = client.get(url, HTTP_HOST=host)
        if response.streaming:  # a static file: read it, as a server sends it
            b"".join(response.streaming_content)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        if expect and response.get("X-Vahti-Cache") != expect:
            raise SystemExit(f"{url}: X-Vahti-Cache {response.get('X-Vahti-Cache')}, not {expect}")
    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(urls[0], HTTP_HOST=host)
        size = len(b"".join(response.streaming_content) if response.streaming else response.content)
    return statistics.median(times), percentile(times, 0.95), len(captured), size


def cached_and_static(
    client, urls: list[str], static_url: str, host: str, requests: int = REQUESTS_PER_PAGE * 2
) -> tuple[tuple[float, float, int], float]:
    """The page from the page cache and its static copy, asked for in turn (so that the
    machine's ups and downs fall on both alike): the cached page's median, p95 and
    queries, and the static file's median."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for url in [*urls, static_url]:
        client.get(url, HTTP_HOST=host)
    cached, static = [], []
    for index in range(requests):
        url = urls[index % len(urls)]
        start = time.perf_counter()
        response = client.get(url, HTTP_HOST=host)
        cached.append((time.perf_counter() - start) * 1000)
        if response.get("X-Vahti-Cache") != "hit":
            raise SystemExit(f"{url} did not come from the page cache")
        start = time.perf_counter()
        response = client.get(static_url, HTTP_HOST=host)
        b"".join(response.streaming_content)
        static.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as captured:
        client.get(urls[0], HTTP_HOST=host)
    return (
        statistics.median(cached),
        percentile(cached, 0.95),
        len(captured),
    ), statistics.median(static)


def static_copy(client, url: str, host: str) -> str:
    """Write the page's HTML into STATIC_ROOT, to be served as a file; its address."""
    from django.conf import settings

    name = f"{host}-{abs(hash(url))}.html"
    folder = Path(settings.STATIC_ROOT) / STATIC_DIR
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(client.get(url, HTTP_HOST=host).content)
    return f"{settings.STATIC_URL}{STATIC_DIR}/{name}"


def main() -> int:
    configure()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, override_settings

    from vahti.actions.models import Action
    from vahti.demo.generate import generate_indicators, generate_plan
    from vahti.demo.loader import load_demo
    from vahti.plans.models import Category, Plan, PlanDomain
    from vahti.plans.selectors import primary_category_type

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
    client = Client()
    weights = []
    rows = []
    static_pages = {}
    print(
        f"Vahti bench · {connection.vendor} · Python {platform.python_version()} · "
        f"{REQUESTS_PER_PAGE} requests per page ({FEW_REQUESTS} uncached above "
        f"{FEW_REQUESTS_ABOVE} actions) · times in ms, server side · cache "
        f"{settings.CACHES['default']['BACKEND'].rsplit('.', 1)[1]}"
    )
    for label, plan in plans:
        host = f"{plan.identifier}.bench.invalid"
        PlanDomain.objects.get_or_create(plan=plan, hostname=host)
        public = Action.objects.filter(plan=plan).public()
        count = public.count()
        identifiers = list(public.order_by("?").values_list("identifier", flat=True)[:50])
        theme = (
            Category.objects.filter(type=primary_category_type(plan), parent=None)
            .order_by("order", "pk")
            .first()
        )
        filtered = f"?category={theme.identifier}&status=late" if theme else "?status=late"
        pages = {
            "front page": ["/"],
            "action list": ["/actions/"],
            "filtered list": [f"/actions/{filtered}"],
            "dashboard": ["/actions/?view=dashboard"],
            "dashboard sort": [f"/actions/{filtered}&view=dashboard&sort=organization"],
            "over time": ["/actions/?view=history&on=2025-06-30"],
            "action page": [f"/actions/{identifier}/" for identifier in identifiers],
            "indicator list": ["/indicators/"],
            "indicator page": [indicator_pages[plan.pk]],
            "insight": ["/insight/"],
            # A word in every generated action's name, and identifiers (a few matches).
            "search": ["/search/?q=päästöjen"],
            "search few": [f"/search/?q={identifier}" for identifier in identifiers],
            "api actions": ["/api/v1/actions/"],
            "api actions 500": ["/api/v1/actions/?page_size=500"],
            "api filtered": [f"/api/v1/actions/{filtered}"],
            "api action": [f"/api/v1/actions/{identifier}/" for identifier in identifiers],
            "api indicators": ["/api/v1/indicators/"],
        }
        uncached_requests = REQUESTS_PER_PAGE if count <= FEW_REQUESTS_ABOVE else FEW_REQUESTS
        for page, urls in pages.items():
            with override_settings(PAGE_CACHE_SECONDS=0):
                uncached = measure(client, urls, host, requests=uncached_requests)
            if urls[0].startswith("/api/"):
                rows.append((label, count, page, uncached, None))
                continue
            static_pages[(label, page)] = static_copy(client, urls[0], host)
            rows.append((label, count, page, uncached, (urls, host)))
            weights.append((label, page, page_weight(client, urls[0], host)))
        # The whole plan in one document: large, so asked for a few times only.
        document = [f"/api/v1/plans/{plan.identifier}/document.json"]
        rows.append(
            (label, count, "api document", measure(client, document, host, 3, warmup=1), None)
        )
    # The static copies are served by a new server (client), whose WhiteNoise finds them.
    server = Client()
    header = ROW.format(
        "plan", "actions", "page", "median", "p95", "queries", "cached", "c p95", "c q",
        "static", "ratio", "bytes",
    )  # fmt: skip
    print(" " * 34 + "rendered (no page cache)  from the page cache   static file")
    print(header)
    print("-" * len(header))
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
    import_within = bench_import(plans)
    reminders_within = bench_reminders(plans)
    print()
    print("page weight, gzip -6, bytes (html + the scripts and styles it loads)")
    header = WEIGHT_ROW.format("plan", "page", "html", "js", "css", "total")
    print(header)
    print("-" * len(header))
    for label, page, (html, js, css) in weights:
        print(WEIGHT_ROW.format(label, page, html, js, css, html + js + css))
    # The indicator page with the most values has a budget (issue 4): say whether it holds.
    heaviest = max(sum(w) for label, page, w in weights if page == "indicator page")
    verdict = "within" if heaviest <= WEIGHT_BUDGET else "OVER"
    print()
    print(f"budget: indicator page {heaviest} B of {WEIGHT_BUDGET} B, {verdict}")
    cached_verdict = "within" if worst <= CACHED_BUDGET else "OVER"
    print(
        f"budget: slowest cached page {worst:.2f}× the static file, at most "
        f"{CACHED_BUDGET:.0f}×, {cached_verdict}"
    )
    within = heaviest <= WEIGHT_BUDGET and worst <= CACHED_BUDGET
    return 0 if within and import_within and reminders_within else 1


def growth(label: str, figures: list[tuple[int, float]], unit: str) -> None:
    """The figure at each size and its growth from the smallest to the largest plan."""
    if not figures:
        return
    sizes = " → ".join(f"{value:.1f} {unit} at {size}" for size, value in figures)
    (small, first), (large, last) = figures[0], figures[-1]
    ratio = f"{last / first:.2f}×" if first else "-"
    print(f"growth: {label}: {sizes}; {ratio} from {small} to {large} actions")


def budget(label: str, within: bool | None) -> bool:
    """A budget line; ``None``: the size it is measured at was not run."""
    verdict = "not measured" if within is None else "within" if within else "missed"
    print(f"budget: {label}, {verdict}")
    return within is not False


def bench_import(plans) -> bool:
    """Import each generated plan's workbook (the plan admin's full export) into an empty
    plan: the time, the SQL queries and the process's peak resident memory afterwards
    (its high-water mark: at least what the import needed)."""
    import resource

    from django.db import connection

    from vahti.actions.models import Action
    from vahti.workbook import reader
    from vahti.workbook.export import Export
    from vahti.workbook.importer import import_workbook

    print()
    print("import of a plan's workbook into an empty plan")
    header = "{:<16} {:>7} {:>9} {:>12} {:>12} {:>9}".format(
        "plan", "actions", "seconds", "peak RSS MB", "queries", "file KB"
    )
    print(header)
    print("-" * len(header))
    seconds_per_size, queries_per_action = [], []
    for label, plan in plans:
        # The size; far larger plans take minutes (every action is published
        # through Wagtail, with its revision, history and audit log).
        if not label.startswith("generated") or Action.objects.filter(plan=plan).count() > 1500:
            continue
        content = Export(plan, public=False).workbook()
        sheets = reader.read("plan.xlsx", content)
        number, record = sheets["plan"].rows[0]
        sheets["plan"].rows[0] = (number, {**record, "identifier": f"{plan.identifier}-copy"})
        queries = [0]

        def count(execute, sql, params, many, context, queries=queries):
            queries[0] += 1
            return execute(sql, params, many, context)

        start = time.perf_counter()
        with connection.execute_wrapper(count):
            report = import_workbook(sheets)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
        if not report.applied:
            raise SystemExit(f"the import failed: {report.problems[:5]}")
        created = report.counts["actions"].created
        seconds_per_size.append((created, seconds))
        queries_per_action.append((created, queries[0] / max(created, 1)))
        print(
            "{:<16} {:>7} {:>9.1f} {:>12.0f} {:>12} {:>9}".format(
                label,
                report.counts["actions"].created,
                seconds,
                peak,
                queries[0],
                len(content) // 1024,
            )
        )
    growth("import seconds", seconds_per_size, "s")
    growth("import queries per action", queries_per_action, "q")
    at_size = dict(seconds_per_size).get(IMPORT_BUDGET_ACTIONS)
    most = max((q for _n, q in queries_per_action), default=None)
    return budget(
        f"import of {IMPORT_BUDGET_ACTIONS} actions "
        f"{'-' if at_size is None else f'{at_size:.1f}'} s of {IMPORT_BUDGET_SECONDS:.0f} s, "
        f"{'-' if most is None else f'{most:.1f}'} queries per action of "
        f"{IMPORT_BUDGET_QUERIES}",
        None
        if at_size is None
        else at_size < IMPORT_BUDGET_SECONDS and most <= IMPORT_BUDGET_QUERIES,
    )


REMINDER_ROW = "{:<16} {:>7} {:>6} {:>7} {:>7} {:>7} {:>7} {:>8} {:>7} {:>8.1f} {:>8.1f}"


def bench_reminders(plans) -> bool:
    """One round of reminders over each generated plan (planning and sending, into the
    local memory mailbox), then a second round the same day, which finds everything
    already sent. Planning reads a fixed number of queries; sending costs a few per
    email (each is its own transaction), and a person gets one email however many of
    their actions need attention."""
    from django.core import mail
    from django.db import connection
    from django.test.utils import override_settings
    from django.utils import timezone

    from vahti.actions.models import Action
    from vahti.notifications import services
    from vahti.notifications.models import Reminder

    print()
    print("reminders: one round (plan, then send), and a second round the same day")
    header = "{:<16} {:>7} {:>6} {:>7} {:>7} {:>7} {:>7} {:>8} {:>7} {:>8} {:>8}".format(
        "plan", "actions", "round", "due", "new", "emails", "read q", "insert q", "send q",
        "q/email", "seconds",
    )  # fmt: skip
    print(header)
    print("-" * len(header))
    now = timezone.now()
    first_rounds = []
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        mail.outbox = []
        for label, plan in plans:
            if not label.startswith("generated"):
                continue
            actions = Action.objects.filter(plan=plan).count()
            for round_number in (1, 2):
                counts = {"read": 0, "insert": 0, "send": 0}
                phase = ["plan"]

                def count(execute, sql, params, many, context, counts=counts, phase=phase):
                    if phase[0] == "send":
                        counts["send"] += 1
                    elif sql.lstrip().upper().startswith("INSERT"):
                        counts["insert"] += 1
                    else:
                        counts["read"] += 1
                    return execute(sql, params, many, context)

                start = time.perf_counter()
                with connection.execute_wrapper(count):
                    due, new = services.plan_reminders(plan, now)
                    phase[0] = "send"
                    outcome = services.send_pending(plan, now)
                seconds = time.perf_counter() - start
                per_email = counts["send"] / outcome.emails if outcome.emails else 0
                if round_number == 1:
                    first_rounds.append((actions, seconds))
                print(
                    REMINDER_ROW.format(
                        label, actions, round_number, due, new, outcome.emails, counts["read"],
                        counts["insert"], counts["send"], per_email, seconds,
                    )
                )  # fmt: skip
            Reminder.objects.filter(plan=plan).delete()
            mail.outbox = []
    growth("first reminder round seconds", first_rounds, "s")
    at_size = dict(first_rounds).get(REMINDER_BUDGET_ACTIONS)
    return budget(
        f"first reminder round at {REMINDER_BUDGET_ACTIONS} actions "
        f"{'-' if at_size is None else f'{at_size:.1f}'} s of {REMINDER_BUDGET_SECONDS:.0f} s",
        None if at_size is None else at_size < REMINDER_BUDGET_SECONDS,
    )


def page_weight(client, url: str, host: str) -> tuple[int, int, int]:
    """The compressed size of a page and of the scripts and style sheets it loads."""
    import gzip
    import re

    from django.conf import settings
    from django.contrib.staticfiles import finders

    html = client.get(url, HTTP_HOST=host).content
    sizes = {"js": 0, "css": 0}
    text = html.decode()
    found = [("js", src) for src in re.findall(r'<script[^>]+src="([^"]+)"', text)]
    found += [("css", href) for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', text)]
    for kind, address in found:
        path = finders.find(address.removeprefix(settings.STATIC_URL))
        sizes[kind] += len(gzip.compress(Path(path).read_bytes(), compresslevel=6))
    return len(gzip.compress(html, compresslevel=6)), sizes["js"], sizes["css"]


if __name__ == "__main__":
    sys.exit(main())
