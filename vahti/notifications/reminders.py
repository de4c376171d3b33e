"""The reminder rows: storing the reminders due and reading the pending ones as emails.

``plan_reminders`` stores what :func:`~vahti.notifications.planning.due_reminders`
finds as pending rows; a reminder already stored (pending or sent) is not stored
again (a unique constraint, so two workers planning at once cannot both add it).
``pending_emails`` gathers each recipient's pending reminders into the emails to send
now (the weekly digest once a week).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.db import connections, router
from django.db.models import F, Q
from django.utils import timezone

from vahti.core.i18n import language_codes
from vahti.core.inserts import values_insert
from vahti.notifications.emails import local_today
from vahti.notifications.handoff import Email
from vahti.notifications.models import Reminder
from vahti.notifications.planning import FEEDBACK_WINDOW, Planned, due_reminders, timings
from vahti.plans.models import Plan

DIGEST_WEEKDAY = 0  # Monday, in the plan's time zone


def known_for(plan: Plan) -> datetime.timedelta:
    """How far back a reminder due today can have been stored: an occasion stays the
    latest until the next one comes, at most the longest gap of the plan's timings
    apart. Older rows are not read (the unique key keeps them out all the same)."""
    gaps = [31, FEEDBACK_WINDOW + 1]
    for timing in timings(plan).values():
        gaps += [timing.repeat + 1, *(d + 1 for d in timing.days)]
    return datetime.timedelta(days=max(gaps))


def plan_reminders(plan: Plan, now: datetime.datetime) -> tuple[int, int]:
    """Store the reminders due in ``plan`` now; those stored before (pending, sent or
    failed) are left as they are. Returns (due, new)."""
    planned = due_reminders(plan, local_today(plan, now))
    _drop_resolved(plan, planned)
    if not planned:
        return 0, 0
    known = set(
        Reminder.objects.filter(plan=plan, created_at__gte=now - known_for(plan)).values_list(
            "recipient", "kind", "subject", "occasion"
        )
    )
    # Stored recipient by recipient: an email's rows then lie side by side in the table,
    # and its claim and "sent" mark write a page or two, not a page per reminder (in a
    # large plan a person's reminders are about actions far apart).
    rows = [
        item
        for item in sorted(planned, key=lambda item: (item.recipient.key, item.digest))
        if (item.recipient.key, item.kind, item.subject[:200], item.occasion[:100]) not in known
    ]
    # Another worker may store the same rows at the same moment: the unique key keeps one.
    # Tens of thousands in a large plan's first round: one statement for all.
    values_insert(Reminder, ROW_FIELDS, _rows(plan, rows), ignore_conflicts=True)
    return len(planned), len(rows)


def _drop_resolved(plan: Plan, planned: list[Planned]) -> None:
    """Waiting reminders about what no longer needs it (the task was done, the values
    entered, the feedback processed, the kind turned off) are not sent: a digest
    waits up to a week and must not report what was settled meanwhile."""
    current = {(p.recipient.key, p.kind, p.subject[:200]) for p in planned}
    waiting = Reminder.objects.filter(plan=plan, state=Reminder.State.PENDING).values_list(
        "pk", "recipient", "kind", "subject"
    )
    settled = [pk for pk, *key in waiting if tuple(key) not in current]
    if settled:
        Reminder.objects.filter(pk__in=settled, state=Reminder.State.PENDING).update(
            state=Reminder.State.DROPPED, details={}
        )


ROW_FIELDS = [
    "plan", "kind", "recipient", "person", "user", "name", "email", "language", "action",
    "indicator", "subject", "occasion", "details", "digest", "state", "created_at",
    "message_id", "attempts", "last_error",
]  # fmt: skip


def _rows(plan: Plan, planned: list[Planned]) -> Iterator[tuple]:
    """The reminders as the values of ``ROW_FIELDS``, ready for the database (not as
    model instances: a large plan's first round stores tens of thousands)."""
    connection = connections[router.db_for_write(Reminder)]
    details = Reminder._meta.get_field("details")
    created_at = Reminder._meta.get_field("created_at").get_db_prep_save(timezone.now(), connection)
    for item in planned:
        recipient = item.recipient
        yield (
            plan.pk, item.kind, recipient.key, recipient.person_id, recipient.user_id,
            recipient.name[:200], recipient.email, item.language, item.action_id,
            item.indicator_id, item.subject[:200], item.occasion[:100],
            details.get_db_prep_save(item.details, connection), item.digest,
            Reminder.State.PENDING.value, created_at, "", 0, "",
        )  # fmt: skip


def pending_emails(plan: Plan, now: datetime.datetime) -> list[Email]:
    """The emails to send now: per recipient, their pending reminders as they come in
    one, and their digest reminders in another on the digest day (or when the oldest
    has waited a week). One query."""
    shown = _shown_columns()
    names = ["pk", *EMAIL_COLUMNS, *shown]
    rows = (
        Reminder.objects.filter(plan=plan, state=Reminder.State.PENDING)
        .exclude(retry_at__gt=now)
        # Of the action and indicator only what an email shows, and of the row what
        # grouping, rendering and sending read, as plain values: a round reads every
        # pending reminder of the plan, tens of thousands in a large one.
        .annotate(**shown)
        .order_by("recipient", "action__sort_key", "indicator__sort_key", "kind", "pk")
        .values_list(*names)
    )
    today = local_today(plan, now)
    groups: dict[tuple[str, bool], Email] = {}
    for values in rows:
        row = Waiting(plan, dict(zip(names, values, strict=True)))
        key = (row.recipient, row.digest)
        email = groups.get(key)
        if email is None:
            email = groups[key] = Email(
                plan, row.recipient, row.name, row.email, row.language, row.digest
            )
        email.reminders.append(row)
    midnight = datetime.datetime.combine(today, datetime.time(), tzinfo=plan.tzinfo)
    had_digest = set()
    if any(email.digest for email in groups.values()):
        # One that may have gone (outcome unknown) counts too.
        had_digest = set(
            Reminder.objects.filter(
                Q(sent_at__gte=midnight) | Q(handed_at__gte=midnight),
                plan=plan, digest=True, state__in=(Reminder.State.SENT, Reminder.State.UNKNOWN),
            ).values_list("recipient", flat=True)
        )  # fmt: skip
    found = []
    for email in groups.values():
        if email.digest:
            if email.recipient in had_digest:
                continue  # one digest a day at most; the rest wait for the next
            oldest = min(r.created_at for r in email.reminders)
            waited = now - oldest >= datetime.timedelta(days=7)
            if today.weekday() != DIGEST_WEEKDAY and not waited:
                continue
        found.append(email)
    return found


class Waiting:
    """A pending reminder as its email reads it: the ``EMAIL_COLUMNS`` and the shown
    columns of its action or indicator as attributes, and its plan."""

    def __init__(self, plan: Plan, values: dict):
        self.__dict__.update(values)
        self.plan = plan  # the same for all: not joined


# What an email needs of its reminders.
EMAIL_COLUMNS = (
    "plan_id", "recipient", "name", "email", "language", "digest", "kind", "subject",
    "details", "created_at", "action_id", "indicator_id", "attempts",
)  # fmt: skip


def _shown_columns() -> dict:
    """What an email shows of a reminder's action and indicator, read beside it."""
    names = [f"name_{code}" for code in language_codes()]
    return {
        f"shown_{relation}_{name}": F(f"{relation}__{name}")
        for relation in ("action", "indicator")
        for name in ["identifier", *names]
    }
