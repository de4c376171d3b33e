"""Which reminders are due in a plan today, and to whom: read with a fixed number of
queries whatever the plan's size (everything as plain rows), decided by the plain
functions of :mod:`vahti.notifications.schedule`.

Recipients: an action's contact persons (those with an email address); if it has none,
the admins of the organisations responsible for it (the nearest organisation up the tree
that has admins); if none, the plan admins. An indicator's reminders go to its contact
persons, else to the plan admins.
"""

from __future__ import annotations

import datetime
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Max
from wagtail.users.models import UserProfile

from vahti.access.models import Role
from vahti.actions.attention import MIN_PLANNED_TASKS, with_attention_counts
from vahti.actions.models import Action, ContactPerson, ResponsibleParty, Task
from vahti.feedback.models import Feedback
from vahti.indicators.models import Indicator, IndicatorContactPerson
from vahti.notifications import schedule
from vahti.notifications.models import DEFAULTS, Delivery, Kind, ReminderPreference, ReminderRule
from vahti.orgs.models import Organization
from vahti.plans.models import Plan

# Unprocessed feedback of the last this many days is forwarded (older feedback was there
# before reminders were, or waited while the kind was off).
FEEDBACK_WINDOW = 30
# Values saved this many days before their due date (or later) answer the reminder.
VALUES_ANSWER_WINDOW = 30


@dataclass(frozen=True)
class Recipient:
    key: str  # "person:12" or "user:3"
    name: str
    email: str
    person_id: int | None = None
    user_id: int | None = None


@dataclass
class Planned:
    kind: str
    recipient: Recipient
    subject: str
    occasion: str
    action_id: int | None = None
    indicator_id: int | None = None
    details: dict = field(default_factory=dict)
    language: str = ""
    digest: bool = False


@dataclass(frozen=True)
class Timing:
    enabled: bool
    days: tuple[int, ...]
    repeat: int


def timings(plan: Plan) -> dict[str, Timing]:
    own = {rule.kind: rule for rule in ReminderRule.objects.filter(plan=plan)}
    found = {}
    for kind in Kind:
        rule = own.get(kind.value)
        if rule is None:
            found[kind.value] = Timing(
                True, tuple(DEFAULTS[kind]["days"]), DEFAULTS[kind]["repeat"]
            )
        else:
            found[kind.value] = Timing(rule.enabled, tuple(rule.days), rule.repeat)
    return found


def _texts(row: dict, name: str, languages: list[str]) -> dict[str, str]:
    return {code: row[f"{name}_{code}"] for code in languages if row.get(f"{name}_{code}")}


def _task_subject(action_id: int, name: str, due: datetime.date) -> str:
    digest = hashlib.sha256(f"{name}\n{due.isoformat()}".encode()).hexdigest()[:16]
    return f"task:{action_id}:{digest}"


class _People:
    """Who is reminded about what, read once for the plan."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.by_action = self._contacts(
            ContactPerson.objects.filter(action__plan=plan), "action_id"
        )
        self.by_indicator = self._contacts(
            IndicatorContactPerson.objects.filter(indicator__plan=plan), "indicator_id"
        )
        self.responsible: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for action_id, organization_id, role in ResponsibleParty.objects.filter(
            action__plan=plan
        ).values_list("action_id", "organization_id", "role"):
            self.responsible[action_id].append((organization_id, role))
        self.parent = dict(Organization.objects.filter(plan=plan).values_list("pk", "parent_id"))
        self.plan_admins: list[Recipient] = []
        self.organization_admins: dict[int, list[Recipient]] = defaultdict(list)
        for row in Role.objects.filter(
            plan=plan,
            kind__in=[Role.Kind.PLAN_ADMIN, Role.Kind.ORGANIZATION_ADMIN],
            user__is_active=True,
        ).values("kind", "organization_id", "user_id", "user__first_name", "user__last_name",
                 "user__email", "user__username"):  # fmt: skip
            if not row["user__email"]:
                continue
            name = " ".join(filter(None, [row["user__first_name"], row["user__last_name"]]))
            recipient = Recipient(
                f"user:{row['user_id']}", name or row["user__username"], row["user__email"],
                user_id=row["user_id"],
            )  # fmt: skip
            if row["kind"] == Role.Kind.PLAN_ADMIN:
                self.plan_admins.append(recipient)
            else:
                self.organization_admins[row["organization_id"]].append(recipient)

    @classmethod
    def _contacts(cls, contacts, about: str) -> dict[int, list[Recipient]]:
        """The contact persons with an email address, by what they are contacts of."""
        found: dict[int, list[Recipient]] = defaultdict(list)
        for row in contacts.values(
            about, "person_id", "person__first_name", "person__last_name", "person__email",
            "person__user_id",
        ):  # fmt: skip
            if row["person__email"]:
                found[row[about]].append(cls._person(row, "person__"))
        return found

    @staticmethod
    def _person(row: dict, prefix: str) -> Recipient:
        name = f"{row[prefix + 'first_name']} {row[prefix + 'last_name']}".strip()
        return Recipient(
            f"person:{row['person_id']}", name, row[prefix + "email"],
            person_id=row["person_id"], user_id=row[prefix + "user_id"],
        )  # fmt: skip

    def for_action(self, action_id: int) -> list[Recipient]:
        if found := self.by_action.get(action_id):
            return found
        parties = self.responsible.get(action_id, [])
        primary = [org for org, role in parties if role == ResponsibleParty.Role.PRIMARY]
        admins: dict[str, Recipient] = {}
        for organization_id in primary or [org for org, _role in parties]:
            seen = set()
            current = organization_id
            while current is not None and current not in seen:
                seen.add(current)
                if self.organization_admins.get(current):
                    for recipient in self.organization_admins[current]:
                        admins.setdefault(recipient.key, recipient)
                    break
                current = self.parent.get(current)
        return list(admins.values()) or self.plan_admins

    def for_indicator(self, indicator_id: int) -> list[Recipient]:
        return self.by_indicator.get(indicator_id) or self.plan_admins


def due_reminders(plan: Plan, today: datetime.date) -> list[Planned]:
    """Every reminder due in ``plan`` on ``today`` (in the plan's time zone), with its
    recipients and how each wants it (those who want none are left out)."""
    timing = timings(plan)
    if not any(t.enabled for t in timing.values()):
        return []
    due = _Due(plan, today, timing)
    due.actions()
    due.tasks()
    due.indicator_values()
    due.feedback()
    return _with_preferences(plan, due.planned)


class _Due:
    """The reminders due in a plan on a day, gathered kind by kind."""

    def __init__(self, plan: Plan, today: datetime.date, timing: dict[str, Timing]):
        self.plan, self.today, self.timing = plan, today, timing
        self.tz = plan.tzinfo
        self.people = _People(plan)
        self.planned: list[Planned] = []

    def add(self, kind, recipients, subject, occasion, **about) -> None:
        for recipient in recipients:
            self.planned.append(Planned(kind, recipient, subject, occasion, **about))

    def actions(self) -> None:
        """Actions not updated for long, and those with too few tasks planned."""
        plan, today, people = self.plan, self.today, self.people
        stale_timing, few_timing = self.timing[Kind.ACTION_STALE], self.timing[Kind.FEW_TASKS]
        actions = with_attention_counts(
            Action.objects.filter(plan=plan, merged_with__isnull=True).order_by(), today
        ).values("pk", "updated_at", "planned_tasks", "status__is_completed")
        for row in actions.iterator(chunk_size=2000):
            recipients = None
            if stale_timing.enabled:
                updated = row["updated_at"].astimezone(self.tz).date()
                number = schedule.stale(updated, today, plan.stale_after_days, stale_timing.repeat)
                if number is not None:
                    recipients = people.for_action(row["pk"])
                    self.add(
                        Kind.ACTION_STALE, recipients, f"action:{row['pk']}",
                        f"stale:{updated.isoformat()}:{number}", action_id=row["pk"],
                        details={"updated": updated.isoformat(), "days": (today - updated).days},
                    )  # fmt: skip
            # A completed action needs no plan of work.
            if (
                few_timing.enabled
                and row["planned_tasks"] < MIN_PLANNED_TASKS
                and not row["status__is_completed"]
            ):
                recipients = recipients or people.for_action(row["pk"])
                self.add(
                    Kind.FEW_TASKS, recipients, f"action:{row['pk']}",
                    f"few:{schedule.window(today, few_timing.repeat)}" if few_timing.repeat
                    else "few:once", action_id=row["pk"],
                    details={"planned": row["planned_tasks"], "minimum": MIN_PLANNED_TASKS},
                )  # fmt: skip

    def tasks(self) -> None:
        """Open tasks soon due, and late ones."""
        today, languages = self.today, self.plan.languages
        due_timing, late_timing = self.timing[Kind.TASK_DUE], self.timing[Kind.TASK_LATE]
        if not (due_timing.enabled or late_timing.enabled):
            return
        name_columns = [f"name_{code}" for code in languages]
        tasks = Task.objects.filter(
            action__plan=self.plan, action__merged_with__isnull=True, state__in=Task.OPEN_STATES
        ).values("action_id", "due_at", *name_columns)
        for row in tasks.iterator(chunk_size=2000):
            due = row["due_at"]
            names = _texts(row, "name", languages)
            subject = _task_subject(row["action_id"], row[name_columns[0]] or "", due)
            details = {"task": names, "due": due.isoformat()}
            if due_timing.enabled and (days := schedule.before(due, today, due_timing.days)):
                self.add(
                    Kind.TASK_DUE, self.people.for_action(row["action_id"]), subject,
                    f"before:{days}", action_id=row["action_id"],
                    details={**details, "days": (due - today).days},
                )  # fmt: skip
            elif late_timing.enabled and (
                days := schedule.after(due, today, late_timing.days, late_timing.repeat)
            ):
                self.add(
                    Kind.TASK_LATE, self.people.for_action(row["action_id"]), subject,
                    f"after:{days}", action_id=row["action_id"],
                    details={**details, "days": (today - due).days},
                )  # fmt: skip

    def indicator_values(self) -> None:
        """Indicators whose new values are soon due, or late, and not yet saved."""
        today = self.today
        values_due, values_late = self.timing[Kind.VALUES_DUE], self.timing[Kind.VALUES_LATE]
        if not (values_due.enabled or values_late.enabled):
            return
        indicators = (
            Indicator.objects.filter(plan=self.plan, updated_values_due_at__isnull=False)
            .annotate(last_saved=Max("values__updated_at"))
            .values("pk", "updated_values_due_at", "last_saved")
        )
        for row in indicators:
            due = row["updated_values_due_at"]
            answered_from = due - datetime.timedelta(days=VALUES_ANSWER_WINDOW)
            if row["last_saved"] and row["last_saved"].astimezone(self.tz).date() >= answered_from:
                continue
            subject = f"indicator:{row['pk']}:{due.isoformat()}"
            recipients = self.people.for_indicator(row["pk"])
            if values_due.enabled and (days := schedule.before(due, today, values_due.days)):
                self.add(
                    Kind.VALUES_DUE, recipients, subject, f"before:{days}",
                    indicator_id=row["pk"],
                    details={"due": due.isoformat(), "days": (due - today).days},
                )  # fmt: skip
            elif values_late.enabled and (
                days := schedule.after(due, today, values_late.days, values_late.repeat)
            ):
                self.add(
                    Kind.VALUES_LATE, recipients, subject, f"after:{days}",
                    indicator_id=row["pk"],
                    details={"due": due.isoformat(), "days": (today - due).days},
                )  # fmt: skip

    def feedback(self) -> None:
        """Residents' feedback not yet processed, forwarded once."""
        if not self.timing[Kind.FEEDBACK].enabled:
            return
        tz, people = self.tz, self.people
        since = datetime.datetime.combine(
            self.today - datetime.timedelta(days=FEEDBACK_WINDOW), datetime.time(), tzinfo=tz
        )
        for row in (
            Feedback.objects.filter(
                plan=self.plan, processed_at__isnull=True, created_at__gte=since
            )
            .values("pk", "action_id", "message", "name", "email", "created_at")
            .iterator(chunk_size=2000)
        ):
            recipients = people.for_action(row["action_id"]) if row["action_id"] else (
                people.plan_admins
            )  # fmt: skip
            self.add(
                Kind.FEEDBACK, recipients, f"feedback:{row['pk']}", "new",
                action_id=row["action_id"],
                details={"message": row["message"], "name": row["name"], "email": row["email"],
                         "received": row["created_at"].astimezone(tz).date().isoformat()},
            )  # fmt: skip


def _with_preferences(plan: Plan, planned: list[Planned]) -> list[Planned]:
    """Each recipient's language and chosen delivery; those who want none, left out."""
    user_ids = {p.recipient.user_id for p in planned if p.recipient.user_id}
    deliveries = {
        (user_id, kind): delivery
        for user_id, kind, delivery in ReminderPreference.objects.filter(
            user_id__in=user_ids
        ).values_list("user_id", "kind", "delivery")
    } if user_ids else {}  # fmt: skip
    languages = dict(
        UserProfile.objects.filter(user_id__in=user_ids).values_list(
            "user_id", "preferred_language"
        )
    ) if user_ids else {}  # fmt: skip
    known = set(plan.languages)
    kept = []
    for item in planned:
        user_id = item.recipient.user_id
        delivery = deliveries.get((user_id, item.kind), Delivery.IMMEDIATE)
        if delivery == Delivery.OFF:
            continue
        item.digest = delivery == Delivery.DIGEST
        preferred = (languages.get(user_id) or "").split("-")[0]
        item.language = preferred if preferred in known else plan.primary_language
        kept.append(item)
    return kept
