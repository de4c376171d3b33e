"""Planning and sending reminders.

``plan_reminders`` stores what :func:`~vahti.notifications.planning.due_reminders`
finds as pending rows; a reminder already stored (pending or sent) is not stored
again (a unique constraint, so two workers planning at once cannot both add it).
``send_pending`` sends each recipient one email with all their pending reminders (the
weekly digest once a week), at most once (:mod:`~vahti.notifications.handoff`: its
rows are claimed before the hand-off, and one cut off midway stays "outcome unknown").
Emails the mail server did not take are retried with a growing delay and logged;
after ``MAX_ATTEMPTS`` the rows are marked failed.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db import connections, router, transaction
from django.db.models import F, Q
from django.utils import timezone, translation

from vahti.core.i18n import language_codes
from vahti.core.inserts import values_insert
from vahti.feedback.services import feedback_purge
from vahti.notifications import handoff
from vahti.notifications.emails import Renderer, describe, local_today, render, shown
from vahti.notifications.handoff import Email
from vahti.notifications.models import Kind, Reminder
from vahti.notifications.planning import Planned, due_reminders
from vahti.plans.models import Plan

logger = logging.getLogger("vahti.reminders")

MAX_ATTEMPTS = 5
RETRY_AFTER = datetime.timedelta(minutes=10)  # doubled after each failure
DIGEST_WEEKDAY = 0  # Monday, in the plan's time zone


def known_for(plan: Plan) -> datetime.timedelta:
    """How far back a reminder due today can have been stored: an occasion stays the
    latest until the next one comes, at most the longest gap of the plan's timings
    apart. Older rows are not read (the unique key keeps them out all the same)."""
    from vahti.notifications.planning import FEEDBACK_WINDOW, timings

    gaps = [31, FEEDBACK_WINDOW + 1]
    for timing in timings(plan).values():
        gaps += [timing.repeat + 1, *(d + 1 for d in timing.days)]
    return datetime.timedelta(days=max(gaps))


def plan_reminders(plan: Plan, now: datetime.datetime) -> int:
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
        for email in pending_emails(plan, now) if emails is None else emails:
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
            total.due += plan_reminders(plan, now)[0]
            for email in pending_emails(plan, now):
                total.emails += 1
                for reminder in email.reminders:
                    total.reminders += 1
                    if out:
                        out(dry_run_line(reminder))
            transaction.set_rollback(True)
        return
    total.due += plan_reminders(plan, now)[0]
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


@transaction.atomic
def preferences_save(user, choices: dict[str, str]) -> None:
    """How ``user`` wants each kind of reminder: ``{kind: delivery}``."""
    from vahti.notifications.models import Delivery, ReminderPreference

    for kind, delivery in choices.items():
        if kind not in Kind.values or delivery not in Delivery.values:
            raise ValueError(f"Unknown reminder kind or delivery: {kind!r}, {delivery!r}")
        if delivery == Delivery.IMMEDIATE:
            ReminderPreference.objects.filter(user=user, kind=kind).delete()
        else:
            ReminderPreference.objects.update_or_create(
                user=user, kind=kind, defaults={"delivery": delivery}
            )


def preferences_of(user) -> dict[str, str]:
    from vahti.notifications.models import Delivery, ReminderPreference

    chosen = dict(ReminderPreference.objects.filter(user=user).values_list("kind", "delivery"))
    return {kind: chosen.get(kind, Delivery.IMMEDIATE) for kind in Kind.values}


@transaction.atomic
def rules_save(plan: Plan, rules: dict[str, dict], *, user=None) -> None:
    """The plan's timing of each kind: ``{kind: {"enabled", "days", "repeat"}}``. Every
    rule is checked first (``ValidationError`` naming the kind); then all are saved."""
    from django.core.exceptions import ValidationError
    from wagtail.log_actions import log

    from vahti.notifications.models import ReminderRule

    existing = {rule.kind: rule for rule in ReminderRule.objects.filter(plan=plan)}
    built, errors = [], {}
    for kind, values in rules.items():
        rule = existing.get(kind) or ReminderRule(plan=plan, kind=kind)
        rule.enabled = values["enabled"]
        rule.days = list(values.get("days", []))
        rule.repeat = values.get("repeat", 0)
        try:
            rule.full_clean(exclude=["plan"], validate_unique=False)
        except ValidationError as error:
            for field_name, messages in error.message_dict.items():
                errors[f"{kind}.{field_name}"] = messages
        built.append(rule)
    if errors:
        raise ValidationError(errors)
    for rule in built:
        rule.save()
    log(plan, "vahti.reminders.rules", user=user, data={
        r.kind: {"enabled": r.enabled, "days": r.days, "repeat": r.repeat} for r in built
    })  # fmt: skip


SAMPLES = {
    Kind.TASK_DUE: lambda today: {"task": {"fi": "Esimerkkitehtävä", "sv": "Exempeluppgift",
                                           "en": "An example task"},
                                  "due": (today + datetime.timedelta(days=7)).isoformat()},
    Kind.TASK_LATE: lambda today: {"task": {"fi": "Esimerkkitehtävä", "sv": "Exempeluppgift",
                                            "en": "An example task"},
                                   "due": (today - datetime.timedelta(days=7)).isoformat()},
    Kind.ACTION_STALE: lambda today: {
        "updated": (today - datetime.timedelta(days=200)).isoformat()
    },
    Kind.FEW_TASKS: lambda today: {"planned": 1, "minimum": 3},
    Kind.VALUES_DUE: lambda today: {"due": (today + datetime.timedelta(days=14)).isoformat()},
    Kind.VALUES_LATE: lambda today: {"due": (today - datetime.timedelta(days=7)).isoformat()},
    Kind.FEEDBACK: lambda today: {"message": "Pyöräteitä pitäisi aurata aiemmin aamulla.",
                                  "name": "Asukas", "email": "asukas@example.invalid",
                                  "received": today.isoformat()},
}  # fmt: skip


def preview(plan: Plan, kind: str, *, user, language: str, digest: bool = False):
    """The email a reminder of ``kind`` would be, about the plan's first action (or
    indicator), addressed to ``user``: nothing is stored or sent."""
    from vahti.actions.models import Action
    from vahti.indicators.models import Indicator

    today = local_today(plan, timezone.now())
    about = {}
    if kind in (Kind.VALUES_DUE, Kind.VALUES_LATE):
        indicator = Indicator.objects.filter(plan=plan).order_by("sort_key", "pk").first()
        if indicator is None:
            return None
        about = {"indicator": indicator, "indicator_id": indicator.pk}
    else:
        action = Action.objects.filter(plan=plan).in_natural_order().first()
        if action is None:
            return None
        about = {"action": action, "action_id": action.pk}
    name = user.get_full_name() or user.get_username()
    reminder = Reminder(
        plan=plan, kind=kind, subject="preview", occasion="preview",
        details=SAMPLES[kind](today), created_at=timezone.now(), **about,
    )  # fmt: skip
    email = Email(plan, f"user:{user.pk}", name, user.email or "preview@example.invalid",
                  language, digest, [reminder])  # fmt: skip
    return render(email)
