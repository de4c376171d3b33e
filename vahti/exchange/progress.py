"""An import applied from the admin runs beside the request, and its page shows where
it stands.

A workbook of thousands of actions takes longer than a request may hold a worker, and
the plan admin should see it move: :func:`start` runs the import in a thread of its own
(one transaction: nothing is kept unless all of it is), storing its progress in the
shared cache after each sheet and every few rows; the progress page reads it and,
while the import runs, refreshes itself (``<meta http-equiv="refresh">``: no script).
An import whose progress stops moving (its process ended) is reported as stopped: its
transaction was never committed, so the plan is as it was.
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.cache import cache
from django.db import connection

from vahti.plans.models import Plan
from vahti.workbook import reader
from vahti.workbook.importer import import_workbook

logger = logging.getLogger("vahti.exchange")

KEPT = 60 * 60 * 6  # seconds the outcome stays readable
STOPPED_AFTER = 5 * 60  # seconds without progress after which an import has stopped
# Tests run the import in the request's own thread (their database is a transaction).
IN_BACKGROUND = True


def _key(token: str) -> str:
    return f"vahti-import-progress:{token}"


def start(token: str, *, user, plan: Plan, name: str, content: bytes, on_applied) -> None:
    """Begin applying the checked workbook; ``on_applied(report)`` runs (in the same
    transaction's aftermath) when it was applied, to log it."""
    state = {"user": user.pk, "plan": plan.pk, "name": name, "state": "running",
             "sheet": "", "done": 0, "total": 0, "moved_at": time.time()}  # fmt: skip
    cache.set(_key(token), state, KEPT)
    arguments = (token, state, user, plan, name, content, on_applied)
    if IN_BACKGROUND:
        threading.Thread(target=_run, args=arguments, daemon=True).start()
    else:
        _run(*arguments)


def _run(token, state, user, plan, name, content, on_applied) -> None:
    last = [0.0]

    def progress(sheet: str, done: int, total: int) -> None:
        now = time.time()
        if sheet != state["sheet"] or done == total or now - last[0] >= 1:
            last[0] = now
            state.update(sheet=sheet, done=done, total=total, moved_at=now)
            cache.set(_key(token), state, KEPT)

    try:
        report = import_workbook(reader.read(name, content), plan=plan, user=user,
                                 progress=progress)  # fmt: skip
        if report.applied:
            on_applied(report)
        state.update(
            state="done" if report.applied else "failed",
            counts=[(sheet, c.created, c.updated, c.unchanged) for sheet, c in report.rows],
            problems=[(p.sheet, p.row, p.column, p.message) for p in report.problems],
        )
    except Exception:
        logger.exception("The import of %s into %s failed", name, plan)
        state.update(state="failed", counts=[], problems=[])
    finally:
        cache.set(_key(token), state, KEPT)
        if IN_BACKGROUND:
            connection.close()


def state_of(token: str, user) -> dict | None:
    """The import's progress, for the user who started it only; ``state`` "stopped"
    when it has not moved for a while and is not done."""
    state = cache.get(_key(token))
    if not state or state["user"] != user.pk:
        return None
    if state["state"] == "running" and time.time() - state["moved_at"] > STOPPED_AFTER:
        return {**state, "state": "stopped"}
    return state
