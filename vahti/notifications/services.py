"""A round of reminders: plan and send every plan's reminders, and purge what is kept
no longer.

``send_pending`` sends each recipient one email with all their pending reminders (the
weekly digest once a week), at most once (:mod:`~vahti.notifications.handoff`: its
rows are claimed before the hand-off, and one cut off midway stays "outcome unknown").
Emails the mail server did not take are retried with a growing delay and logged;
after ``MAX_ATTEMPTS`` the rows are marked failed.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation

from vahti.feedback.services import feedback_purge
from vahti.notifications import handoff, reminders
from vahti.notifications.emails import Renderer, describe, local_today, shown
from vahti.notifications.handoff import Email
from vahti.notifications.models import Kind, Reminder
from vahti.plans.models import Plan

logger = logging.getLogger("vahti.reminders")

MAX_ATTEMPTS = 5
RETRY_AFTER = datetime.timedelta(minutes=10)  # doubled after each failure


@dataclass
class Outcome:
    due: int = 0
    emails: int = 0
    reminders: int = 0
    failed: int = 0
    unknown: int = 0  # emails whose hand-off was cut off: not sent again
    feedback_deleted: int = 0


def send_pending(
    plan: Plan, now: datetime.datetime, *, emails: list[Email] | None = None,
    on_sent: Callable[[Email], None] | None = None,
) -> Outcome:  # fmt: skip
    """Send the emails due in ``plan`` now, each at most once."""
    outcome = Outcome()
    with handoff.Sender(now, Renderer()) as sender:
        for email in reminders.pending_emails(plan, now) if emails is None else emails:
            try:
                if not sender.hand_over(email):
                    continue  # another worker sent them
            except handoff.OutcomeUnknown:
                outcome.unknown += 1
                continue
            except Exception as error:  # not handed over (or not recorded): retried later
                outcome.failed += 1
                _failed(email, now, error)
                continue
            outcome.emails += 1
            outcome.reminders += len(email.reminders)
            if on_sent:
                on_sent(email)
    return outcome


def _failed(email: Email, now: datetime.datetime, error: Exception) -> None:
    rows = Reminder.objects.filter(pk__in=email.ids, state=Reminder.State.PENDING)
    attempts = max((r.attempts for r in email.reminders), default=0) + 1
    if attempts >= MAX_ATTEMPTS:
        rows.update(
            state=Reminder.State.FAILED, attempts=F("attempts") + 1, last_error=str(error)[:2000]
        )
        logger.error(
            "Reminders to %s failed %d times, given up: %s", email.address, attempts, error
        )
        return
    rows.update(
        attempts=F("attempts") + 1,
        last_error=str(error)[:2000],
        retry_at=now + RETRY_AFTER * 2 ** (attempts - 1),
    )
    logger.warning(
        "Reminders to %s failed (attempt %d of %d), retried later: %s",
        email.address, attempts, MAX_ATTEMPTS, error,
    )  # fmt: skip


def run(
    now: datetime.datetime | None = None, *, plans: Iterable[Plan] | None = None,
    dry_run: bool = False, out: Callable[[str], None] | None = None,
) -> Outcome:  # fmt: skip
    """One round: plan and send every plan's reminders, and delete feedback older than
    its plan keeps it. With ``dry_run`` nothing is sent, stored or deleted; ``out`` gets
    a line for each reminder that would be sent."""
    now = now or timezone.now()
    total = Outcome()
    if not dry_run:
        # The same job keeps feedback no longer than each plan says.
        total.feedback_deleted = feedback_purge(now)
        _purge_forwarded_feedback(now)
    for plan in plans if plans is not None else Plan.objects.all():
        try:
            _round(plan, now, total, dry_run=dry_run, out=out)
        except Exception:  # one plan's trouble must not stop the others' reminders
            total.failed += 1
            logger.exception("Reminders of the plan %s failed this round", plan.identifier)
    return total


def _purge_forwarded_feedback(now: datetime.datetime) -> None:
    """Forwarded feedback waiting, failed or of unknown outcome keeps the resident's
    words no longer than the feedback itself is kept (sent ones are emptied when they
    go)."""
    for plan_id, days in Plan.objects.values_list("pk", "feedback_retention_days"):
        Reminder.objects.filter(
            plan_id=plan_id, kind=Kind.FEEDBACK, created_at__lt=now - datetime.timedelta(days=days)
        ).exclude(details={}).update(details={})


def _round(plan: Plan, now, total: Outcome, *, dry_run: bool, out) -> None:
    if dry_run:
        with transaction.atomic():
            total.due += reminders.plan_reminders(plan, now)[0]
            for email in reminders.pending_emails(plan, now):
                total.emails += 1
                for reminder in email.reminders:
                    total.reminders += 1
                    if out:
                        out(dry_run_line(reminder))
            transaction.set_rollback(True)
        return
    total.due += reminders.plan_reminders(plan, now)[0]
    outcome = send_pending(plan, now)
    total.emails += outcome.emails
    total.reminders += outcome.reminders
    total.failed += outcome.failed
    total.unknown += outcome.unknown


def dry_run_line(reminder: Reminder) -> str:
    if reminder.action_id:
        about = f"action {shown(reminder, 'action')[0]}"
    elif reminder.indicator_id:
        about = f"indicator {shown(reminder, 'indicator')[0]}"
    else:
        about = "the plan"
    with translation.override("en"):
        what = describe(reminder.kind, reminder.details, local_today(reminder.plan, timezone.now()))
    way = "digest" if reminder.digest else "now"
    return (
        f"{reminder.plan.identifier}\t{reminder.kind}\t{way}\t{reminder.name} "
        f"<{reminder.email}>\t{about}\t{what}"
    )
