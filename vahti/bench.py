"""``make bench``: server time and SQL queries of the public pages.

For the demo plan and for a generated plan of 1,500 actions it requests each page type
many times through Django's full request handling (middleware, views, templates; no
network), and prints the median and 95th percentile of the time spent, the number of SQL
queries and the size of the HTML. The output format is kept stable so that runs can be
compared line by line. The database is ``var/bench.sqlite3`` unless ``DATABASE_URL`` is
set; it is rebuilt on every run.
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
ROW = "{:<16} {:>7}  {:<12} {:>8} {:>8} {:>7} {:>8}"
SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "1500").split(",") if n]


def configure() -> None:
    (ROOT / "var").mkdir(exist_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vahti.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-0123456789abcdef")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECURE_COOKIES", "false")
    os.environ["ALLOWED_HOSTS"] = ".bench.invalid"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    db = ROOT / "var" / "bench.sqlite3"
    if os.environ["DATABASE_URL"].startswith("sqlite") and db.exists():
        db.unlink()
    import django

    django.setup()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure(client, urls: list[str], host: str) -> tuple[float, float, int, int]:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    # Warm up: templates compiled, caches filled, as on a running server.
    for url in urls[:3]:
        client.get(url, HTTP_HOST=host)
    times = []
    for index in range(REQUESTS_PER_PAGE):
        url = urls[index % len(urls)]
        start = time.perf_counter()
        response = client.get(url, HTTP_HOST=host)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(urls[0], HTTP_HOST=host)
    return statistics.median(times), percentile(times, 0.95), len(captured), len(response.content)


def main() -> int:
    configure()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from vahti.actions.models import Action
    from vahti.demo.generate import generate_plan
    from vahti.demo.loader import load_demo
    from vahti.plans.models import Plan, PlanDomain

    call_command("migrate", verbosity=0)
    load_demo()
    demo = Plan.objects.get(identifier="hnh2035")
    plans = [("demo", demo)]
    for size in SIZES:
        plans.append((f"generated-{size}", generate_plan(f"bench{size}", size)))
    client = Client()
    print(
        f"Vahti bench · {connection.vendor} · Python {platform.python_version()} · "
        f"{REQUESTS_PER_PAGE} requests per page · times in ms, server side"
    )
    header = ROW.format("plan", "actions", "page", "median", "p95", "queries", "bytes")
    print(header)
    print("-" * len(header))
    for label, plan in plans:
        host = f"{plan.identifier}.bench.invalid"
        PlanDomain.objects.get_or_create(plan=plan, hostname=host)
        public = Action.objects.filter(plan=plan).public()
        count = public.count()
        identifiers = list(public.order_by("?").values_list("identifier", flat=True)[:50])
        pages = {
            "front page": ["/"],
            "action list": ["/actions/"],
            "action page": [f"/actions/{identifier}/" for identifier in identifiers],
        }
        for page, urls in pages.items():
            median, p95, queries, size = measure(client, urls, host)
            print(ROW.format(label, count, page, f"{median:.1f}", f"{p95:.1f}", queries, size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
