"""The bench's jobs: a plan's workbook imported into an empty plan, and the reminders."""

from __future__ import annotations

import os
import time
from unittest import mock

from perf.common import budget, growth, note

# Issue 22: an import of 1,500 actions in under 60 s with at most 20 queries per action,
# and the first reminder round of 15,000 actions in under 20 s.
IMPORT_BUDGET_ACTIONS = 1500
IMPORT_BUDGET_SECONDS = 60.0
IMPORT_BUDGET_QUERIES = 20
REMINDER_BUDGET_ACTIONS = 15000
REMINDER_BUDGET_SECONDS = 20.0
# Plans above this size are not imported (BENCH_IMPORT_MAX; the largest takes minutes).
IMPORT_MAX = int(os.environ.get("BENCH_IMPORT_MAX", "15000"))

IMPORT_ROW = "{:<16} {:>7} {:>9.1f} {:>12.0f} {:>12} {:>9}"
REMINDER_ROW = "{:<16} {:>7} {:>6} {:>7} {:>7} {:>7} {:>7} {:>8} {:>7} {:>8.1f} {:>8.1f}"


def bench_import(plans) -> bool:
    """Import each generated plan's workbook (the plan admin's full export) into an empty
    plan: the time, the SQL queries and the process's peak resident memory afterwards
    (its high-water mark: at least what the import needed)."""
    import resource

    from vahti.actions.models import Action

    print()
    print("import of a plan's workbook into an empty plan")
    header = "{:<16} {:>7} {:>9} {:>12} {:>12} {:>9}".format(
        "plan", "actions", "seconds", "peak RSS MB", "queries", "file KB"
    )
    print(header)
    print("-" * len(header))
    seconds_per_size, queries_per_action = [], []
    for label, plan in plans:
        # Every action is published with its revision, history and audit log: the largest
        # plans take minutes.
        if (
            not label.startswith("generated")
            or Action.objects.filter(plan=plan).count() > IMPORT_MAX
        ):
            continue
        report, seconds, queries, size = _import_copy(plan)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
        created = report.counts["actions"].created
        seconds_per_size.append((created, seconds))
        queries_per_action.append((created, queries / max(created, 1)))
        note("import", created, seconds, "s")
        note("import, queries per action", created, queries / max(created, 1), "q")
        print(IMPORT_ROW.format(label, created, seconds, peak, queries, size // 1024))
    growth("import seconds", seconds_per_size, "s")
    growth("import queries per action", queries_per_action, "q")
    return _import_budget(seconds_per_size, queries_per_action)


def _import_copy(plan):
    """Import the plan's full export as a new plan: the report, the seconds and SQL
    queries it took, and the workbook's size in bytes."""
    from django.db import connection

    from vahti.workbook import reader
    from vahti.workbook.export import Export
    from vahti.workbook.importer import import_workbook

    content = Export(plan, public=False).workbook()
    # The reader refuses a workbook of more than a million XML tags (an upload is
    # read within its request; a plan of 15,000 actions has some 1.5 million, and
    # its admin is told to import the sheets one by one). The bench times the import
    # itself, so it reads the whole workbook with that limit lifted.
    with mock.patch.object(reader, "MAX_TAGS", 100_000_000):
        sheets = reader.read("plan.xlsx", content)
    number, record = sheets["plan"].rows[0]
    sheets["plan"].rows[0] = (number, {**record, "identifier": f"{plan.identifier}-copy"})
    queries = [0]

    def count(execute, sql, params, many, context):
        queries[0] += 1
        return execute(sql, params, many, context)

    start = time.perf_counter()
    with connection.execute_wrapper(count):
        report = import_workbook(sheets)
    seconds = time.perf_counter() - start
    if not report.applied:
        raise SystemExit(f"the import failed: {report.problems[:5]}")
    return report, seconds, queries[0], len(content)


def _import_budget(seconds_per_size: list, queries_per_action: list) -> bool:
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


def bench_reminders(plans) -> bool:
    """One round of reminders over each generated plan (planning and sending, into the
    local memory mailbox), then a second round the same day, which finds everything
    already sent. Planning reads a fixed number of queries; sending costs a few per
    email (each is its own transaction), and a person gets one email however many of
    their actions need attention."""
    from django.core import mail
    from django.test.utils import override_settings
    from django.utils import timezone

    from vahti.actions.models import Action
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
                due, new, outcome, counts, seconds = _reminder_round(plan, now)
                per_email = counts["send"] / outcome.emails if outcome.emails else 0
                if round_number == 1:
                    first_rounds.append((actions, seconds))
                    note("first reminder round", actions, seconds, "s")
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


def _reminder_round(plan, now):
    """Plan the plan's reminders, then send them: how many were due and new, what was
    sent, the SQL queries by kind (reads and inserts while planning, all while
    sending) and the seconds it took."""
    from django.db import connection

    from vahti.notifications import reminders, services

    counts = {"read": 0, "insert": 0, "send": 0}
    phase = ["plan"]

    def count(execute, sql, params, many, context):
        if phase[0] == "send":
            counts["send"] += 1
        elif sql.lstrip().upper().startswith("INSERT"):
            counts["insert"] += 1
        else:
            counts["read"] += 1
        return execute(sql, params, many, context)

    start = time.perf_counter()
    with connection.execute_wrapper(count):
        due, new = reminders.plan_reminders(plan, now)
        phase[0] = "send"
        outcome = services.send_pending(plan, now)
    return due, new, outcome, counts, time.perf_counter() - start
