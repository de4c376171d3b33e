"""What the bench's sections share: the Django set-up, timing a page, growth and budget
lines, and the summary table of figures per plan size that ``make bench`` prints last."""

from __future__ import annotations

import os
import statistics
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUESTS_PER_PAGE = int(os.environ.get("BENCH_REQUESTS", "60"))
SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "150,1500,15000").split(",") if n]
STATIC_DIR = "bench-pages"
# The summary: a row (what) → {plan size: (value, unit)}, in the order first noted.
FIGURES: dict[str, dict[int, tuple[float, str]]] = defaultdict(dict)


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
        if address.startswith(settings.STATIC_URL):
            path = finders.find(address.removeprefix(settings.STATIC_URL).split("?")[0])
            body = Path(path).read_bytes()
        else:  # drawn by a view (the plan's brand colours): asked for as a browser would
            body = client.get(address, HTTP_HOST=host).content
        sizes[kind] += len(gzip.compress(body, compresslevel=6))
    return len(gzip.compress(html, compresslevel=6)), sizes["js"], sizes["css"]


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


def note(row: str, size: int, value: float, unit: str) -> None:
    """A figure for the summary table: ``row`` measured on the plan of ``size`` actions."""
    FIGURES[row][size] = (value, unit)


def print_head(header: str, *above: str) -> None:
    """A table's header, underlined, after the lines ``above`` it (an empty one, then its
    title, as a rule)."""
    for line in above:
        print(line)
    print(header)
    print("-" * len(header))


def print_summary() -> None:
    """Each noted figure per plan size, and its growth from the smallest to the largest."""
    sizes = sorted({size for figures in FIGURES.values() for size in figures})
    if not sizes:
        return
    row = "{:<34}" + " {:>14}" * len(sizes) + " {:>8}"
    print_head(
        row.format("what", *(f"{size:,}" for size in sizes), "growth"),
        "",
        "summary: each figure per plan size (actions) and its growth from the smallest",
    )
    for what, figures in FIGURES.items():
        cells = [
            f"{figures[size][0]:.1f} {figures[size][1]}" if size in figures else "-"
            for size in sizes
        ]
        known = [figures[size][0] for size in sizes if size in figures]
        ratio = f"{known[-1] / known[0]:.2f}×" if len(known) > 1 and known[0] else "-"
        print(row.format(what, *cells, ratio))
