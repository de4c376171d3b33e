"""The bench's admin section: the Wagtail admin's pages of each generated plan, as the
installation admin, a plan admin and a contact person see them (issue 22).

Run on its own (``python -m perf.admin``, the same ``BENCH_*`` settings as the bench)
it generates the plans and measures the admin only.
"""

from __future__ import annotations

import statistics
import sys
import time

from perf.common import REQUESTS_PER_PAGE, SIZES, budget, configure, note, print_head

# Issue 22: each admin page at most this many queries, and its time at most this many
# times the smallest plan's at the largest.
QUERY_BUDGET = 60
GROWTH_BUDGET = 1.3
# The admin's pages are slower than the public ones: fewer requests each, but enough
# for a median that a 1.3× budget can be read from (three were not: noise alone missed).
ADMIN_REQUESTS = max(9, REQUESTS_PER_PAGE // 4)
ACTIONS_URL = "/admin/snippets/actions/action/"
# The bench allows hosts under .bench.invalid only (perf.common.configure).
ADMIN_HOST = "admin.bench.invalid"
ROW = "{:<16} {:>7} {:<22} {:<12} {:>8} {:>8} {:>8}"


def admin_users(plan):
    """The installation admin (working in all plans), the plan's admin (working in it)
    and a contact person of its first action (who has only that plan)."""
    from django.contrib.auth import get_user_model

    from vahti.access import scopes
    from vahti.access.models import Role
    from vahti.actions.models import ContactPerson

    users = get_user_model().objects
    superuser, created = users.get_or_create(
        username="bench-installation-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    if created:
        scopes.choose_working_plan(superuser, None)
    plan_admin, _ = users.get_or_create(username=f"bench-admin-{plan.identifier}")
    Role.objects.get_or_create(user=plan_admin, plan=plan, kind=Role.Kind.PLAN_ADMIN)
    contact = ContactPerson.objects.filter(action__plan=plan).order_by("action__sort_key").first()
    person = contact.person
    if person.user_id is None:
        person.user = users.create(username=f"bench-contact-{plan.identifier}")
        person.save(update_fields=["user"])
    return {"installation admin": superuser, "plan admin": plan_admin, "contact": person.user}


def admin_pages(plan) -> list[tuple[str, str, str]]:
    """(page, who, URL) of the admin pages measured on ``plan``."""
    from vahti.actions.models import Action

    action = Action.objects.filter(plan=plan).order_by("sort_key").first()
    return [
        ("edit an action", "plan admin", f"{ACTIONS_URL}edit/{action.pk}/"),
        ("edit, contact", "contact", f"{ACTIONS_URL}edit/{action.pk}/"),
        ("new action", "plan admin", f"{ACTIONS_URL}add/"),
        ("home, installation", "installation admin", "/admin/"),
        ("home, plan admin", "plan admin", "/admin/"),
        ("home, contact", "contact", "/admin/"),
        ("action listing", "plan admin", ACTIONS_URL),
        ("action search", "plan admin", f"{ACTIONS_URL}?q=päästöjen"),
        ("listing, installation", "installation admin", ACTIONS_URL),
        ("people", "plan admin", "/admin/snippets/orgs/person/"),
    ]


def _get(client, url: str) -> float:
    start = time.perf_counter()
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return (time.perf_counter() - start) * 1000


def measure_admin(clients: list, urls: list[str], requests: int) -> list[tuple[float, int, int]]:
    """Each of ``urls`` (one page of each plan, each with its own client) asked in
    turn, ``requests`` rounds, so that a slow spell of the machine falls on every plan
    alike: per URL the median ms, the queries of one more request and its HTML size."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for client, url in zip(clients, urls, strict=True):
        client.get(url)  # warm-up: templates compiled, caches filled
    times: list[list[float]] = [[] for _url in urls]
    for _round in range(requests):
        for index, (client, url) in enumerate(zip(clients, urls, strict=True)):
            times[index].append(_get(client, url))
    results = []
    for client, url, taken in zip(clients, urls, times, strict=True):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        results.append((statistics.median(taken), len(captured), len(response.content)))
    return results


def bench_admin(plans) -> bool:
    """Each admin page of each generated plan: median time, queries and HTML size, and
    the budget lines (the same queries whatever the size, within 1.3× in time)."""
    from django.test import Client

    print_head(
        ROW.format("plan", "actions", "page", "who", "median", "queries", "KB"),
        "",
        f"admin pages ({ADMIN_REQUESTS} requests each, the plans in turn; ms, queries, KB)",
    )
    generated = [(label, plan) for label, plan in plans if label.startswith("generated")]
    sizes = [int(label.rsplit("-", 1)[1]) for label, _plan in generated]
    users = [admin_users(plan) for _label, plan in generated]
    pages = [admin_pages(plan) for _label, plan in generated]
    measured: dict[str, list[tuple[int, float, int]]] = {}
    rows = []
    for number, (page, who, _url) in enumerate(pages[0] if pages else []):
        clients, urls = [], []
        for plan_users, plan_pages in zip(users, pages, strict=True):
            client = Client(HTTP_HOST=ADMIN_HOST)
            client.force_login(plan_users[who])
            clients.append(client)
            urls.append(plan_pages[number][2])
        results = measure_admin(clients, urls, ADMIN_REQUESTS)
        for (label, _plan), size, (median, queries, size_bytes) in zip(
            generated, sizes, results, strict=True
        ):
            measured.setdefault(page, []).append((size, median, queries))
            note(f"admin {page}", size, median, "ms")
            note(f"admin {page}, queries", size, queries, "q")
            note(f"admin {page}, HTML", size, size_bytes / 1000, "KB")
            rows.append((label, size, page, who[:12], f"{median:.1f}", queries, size_bytes // 1000))
    for row in sorted(rows, key=lambda row: row[1]):  # by plan, as before
        print(ROW.format(*row))
    within = True
    for page, figures in measured.items():
        (small, first, _q), (large, last, _ql) = figures[0], figures[-1]
        most = max(queries for _s, _m, queries in figures)
        same = len({queries for _s, _m, queries in figures}) == 1
        ratio = last / first if first else 0.0
        verdict = None if len(figures) < 2 else ratio <= GROWTH_BUDGET and same
        within &= budget(
            f"admin {page}: {ratio:.2f}× from {small} to {large} actions (at most "
            f"{GROWTH_BUDGET}×), queries {'the same' if same else 'growing'}",
            verdict,
        )
        within &= budget(f"admin {page}: {most} queries of {QUERY_BUDGET}", most <= QUERY_BUDGET)
    return within


def main() -> int:
    configure()
    from django.core.management import call_command

    from vahti.demo.generate import generate_plan

    call_command("migrate", verbosity=0)
    plans = [(f"generated-{size}", generate_plan(f"bench{size}", size)) for size in SIZES]
    return 0 if bench_admin(plans) else 1


if __name__ == "__main__":
    sys.exit(main())
