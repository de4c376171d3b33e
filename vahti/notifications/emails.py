"""The reminder emails: each recipient's reminders grouped by what they are about, as
sentences in the recipient's language, in HTML and plain text, with a direct link to
each action (or indicator) in the admin; and the preview of each kind that the admin's
reminders page shows (:func:`preview`).

A round renders thousands of emails (one per person in a large plan, each listing
dozens of actions): a :class:`Renderer` compiles the templates and works out the links
and dates once per round, and an email costs its templates' work and nothing else (no
query, no URL resolving).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import get_template
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vahti.actions.models import Action
from vahti.core.i18n import active_language, language_codes, pick_translation, primary_language
from vahti.indicators.models import Indicator
from vahti.notifications.handoff import Email
from vahti.notifications.models import Kind, Reminder
from vahti.plans.models import Plan

TEMPLATE = "emails/reminders"
PARTS = ("subject.txt", "body.txt", "body.html")
URL_PLACEHOLDER = 987654321  # an id no row has, replaced in a reversed URL
HEADERS = {"Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All"}


def local_today(plan: Plan, now: datetime.datetime) -> datetime.date:
    return now.astimezone(plan.tzinfo).date()


def render(email: Email) -> EmailMultiAlternatives:
    """The email in the recipient's language (one alone: a round uses a Renderer)."""
    return Renderer()(email)


class Renderer:
    """Renders the emails of a round: templates, links and dates worked out once."""

    def __init__(self):
        self.templates = {part: get_template(f"{TEMPLATE}-{part}") for part in PARTS}
        self.urls: dict[tuple[str, str], str] = {}  # (view, language) → its address
        self.dates: dict[tuple[datetime.date, str], str] = {}

    def url(self, name: str, pk: int | None = None, *, language: str = "") -> str:
        """``reverse(name, args=[pk])`` in the active ``language``, reversed once a round."""
        key = (name, language or translation.get_language() or "")
        if key not in self.urls:
            args = [URL_PLACEHOLDER] if pk is not None else []
            self.urls[key] = settings.BASE_URL + reverse(name, args=args)
        if pk is None:
            return self.urls[key]
        return self.urls[key].replace(str(URL_PLACEHOLDER), str(pk))

    def __call__(self, email: Email) -> EmailMultiAlternatives:
        plan = email.plan
        language = email.language or plan.primary_language
        with translation.override(language), primary_language(plan.primary_language):
            items = self.items(email, language)
            context = {
                "plan": plan,
                "name": email.name,
                "digest": email.digest,
                "groups": items,
                "count": sum(len(g["lines"]) + len(g["feedback"]) for g in items),
                "preferences_url": self.url("wagtailadmin_account", language=language),
                "language": language,
            }
            subject, text, html = (self.templates[part].render(context) for part in PARTS)
            message = EmailMultiAlternatives(
                " ".join(subject.split()), text, to=[email.address], headers=dict(HEADERS)
            )
            message.attach_alternative(html, "text/html")
        return message

    def items(self, email: Email, language: str) -> list[dict]:
        """The reminders grouped by what they are about, in the plan's order, in the
        active ``language``."""
        today = local_today(email.plan, timezone.now())
        groups: dict[tuple, dict] = {}
        for reminder in current(email.reminders):
            if reminder.action_id:
                key = ("action", reminder.action_id)
                if key not in groups:
                    identifier, name = shown(reminder, "action", language)
                    url = self.url(
                        "wagtailsnippets_actions_action:edit", reminder.action_id, language=language
                    )
                    groups[key] = _group(identifier, name, url)
            elif reminder.indicator_id:
                key = ("indicator", reminder.indicator_id)
                if key not in groups:
                    title = shown(reminder, "indicator", language)[1]
                    url = self.url("vahti_indicator_data", reminder.indicator_id, language=language)
                    groups[key] = _group("", title, url)
            else:  # feedback about the plan in general
                key = ("plan", reminder.plan_id)
                if key not in groups:
                    title = _("The plan in general")
                    url = self.url("vahti_feedback", language=language)
                    groups[key] = _group("", title, url)
            group = groups[key]
            if reminder.kind == Kind.FEEDBACK:
                group["feedback"].append(reminder.details)
                group["feedback_url"] = self.url("vahti_feedback", language=language)
                continue
            line = describe(reminder.kind, reminder.details, today, self.dates, language)
            group["lines"].append(line)
        return list(groups.values())


def _group(identifier: str, title: str, url: str) -> dict:
    # Every key the templates read, even empty: a missing one costs the template engine
    # three failed lookups (a third of a large round's rendering).
    return {
        "identifier": identifier, "title": title, "url": url, "lines": [], "feedback": [],
        "feedback_url": "",
    }  # fmt: skip


def shown(reminder: Reminder, relation: str, language: str = "") -> tuple[str, str]:
    """The identifier and name of the reminder's action or indicator, from the values
    the round read with it (else from the row itself)."""
    codes = language_codes()
    if not hasattr(reminder, f"shown_{relation}_name_{codes[0]}"):
        thing = getattr(reminder, relation)
        return getattr(thing, "identifier", ""), thing.name
    texts = {code: getattr(reminder, f"shown_{relation}_name_{code}") for code in codes}
    name = pick_translation(texts, language or active_language(), reminder.plan.primary_language)
    return getattr(reminder, f"shown_{relation}_identifier", ""), name


def _short_date(due: datetime.date, language: str, dates: dict | None) -> str:
    if dates is None:
        return formats.date_format(due, "SHORT_DATE_FORMAT")
    key = (due, language)
    if key not in dates:
        dates[key] = formats.date_format(due, "SHORT_DATE_FORMAT")
    return dates[key]


def current(reminders: list[Reminder]) -> list[Reminder]:
    """Of reminders of the same kind about the same thing (a digest gathers "due in 7
    days" and later "due tomorrow"), the latest only."""
    latest: dict[tuple, Reminder] = {}
    for reminder in reminders:
        key = (reminder.kind, reminder.subject)
        if key not in latest or (reminder.created_at, reminder.pk) > (
            latest[key].created_at,
            latest[key].pk,
        ):
            latest[key] = reminder
    return [r for r in reminders if latest[(r.kind, r.subject)] is r]


def describe(
    kind: str, details: dict, today: datetime.date, dates: dict | None = None,
    language: str = "",
) -> str:  # fmt: skip
    """One reminder as a sentence, in the active language (``language``, when the caller
    knows it). ``dates``: the dates written out so far, by (date, language), to reuse (a
    round writes the same few thousands of times)."""
    language = language or translation.get_language() or ""
    kind, due, days = _timing(kind, details, today)
    due_text = _short_date(due, language, dates) if due else ""
    if kind in (Kind.TASK_DUE, Kind.TASK_LATE):
        task_name = pick_translation(details.get("task", {}), language.split("-")[0], "fi")
        return _task_sentence(kind, task_name, days, due_text)
    if kind in (Kind.VALUES_DUE, Kind.VALUES_LATE):
        return _values_sentence(kind, days, due_text)
    if kind == Kind.ACTION_STALE:
        return ngettext(
            "The action has not been updated for %(days)d day: check that its progress is current.",
            "The action has not been updated for %(days)d days: "
            "check that its progress is current.",
            days,
        ) % {"days": days}
    if kind == Kind.FEW_TASKS:
        return ngettext(
            "The action has %(planned)d open task due within a year; plan at least %(minimum)d.",
            "The action has %(planned)d open tasks due within a year; plan at least %(minimum)d.",
            details.get("planned", 0),
        ) % {"planned": details.get("planned", 0), "minimum": details.get("minimum", 3)}
    if kind == Kind.FEEDBACK:
        return _("New feedback from a resident: “%(message)s”") % {
            "message": " ".join(details.get("message", "").split())[:300]
        }
    return _("A reminder.")


def _timing(
    kind: str, details: dict, today: datetime.date
) -> tuple[str, datetime.date | None, int]:
    """The reminder's kind, due date and days as the email says them, counted from the
    day it goes out (a digest waits for its day): one due then has become late."""
    due = datetime.date.fromisoformat(details["due"]) if details.get("due") else None
    days = details.get("days", 0)
    if due is not None:
        days = abs((due - today).days)
        if kind == Kind.TASK_DUE and due < today:
            kind = Kind.TASK_LATE
        elif kind == Kind.VALUES_DUE and due < today:
            kind = Kind.VALUES_LATE
    if details.get("updated"):
        days = (today - datetime.date.fromisoformat(details["updated"])).days
    return kind, due, days


def _task_sentence(kind: str, task_name: str, days: int, due_text: str) -> str:
    if kind == Kind.TASK_LATE:
        return ngettext(
            "The task “%(task)s” was due %(due)s, %(days)d day ago: "
            "mark it done or give it a new date.",
            "The task “%(task)s” was due %(due)s, %(days)d days ago: "
            "mark it done or give it a new date.",
            days,
        ) % {"task": task_name, "days": days, "due": due_text}
    if days == 0:
        return _("The task “%(task)s” is due today (%(due)s).") % {
            "task": task_name,
            "due": due_text,
        }
    if days == 1:
        return _("The task “%(task)s” is due tomorrow (%(due)s).") % {
            "task": task_name,
            "due": due_text,
        }
    return ngettext(
        "The task “%(task)s” is due in %(days)d day (%(due)s).",
        "The task “%(task)s” is due in %(days)d days (%(due)s).",
        days,
    ) % {"task": task_name, "days": days, "due": due_text}


def _values_sentence(kind: str, days: int, due_text: str) -> str:
    if kind == Kind.VALUES_LATE:
        return ngettext(
            "New values were due %(due)s, %(days)d day ago.",
            "New values were due %(due)s, %(days)d days ago.",
            days,
        ) % {"days": days, "due": due_text}
    if days == 0:
        return _("New values are due today (%(due)s).") % {"due": due_text}
    if days == 1:
        return _("New values are due tomorrow (%(due)s).") % {"due": due_text}
    return ngettext(
        "New values are due in %(days)d day (%(due)s).",
        "New values are due in %(days)d days (%(due)s).",
        days,
    ) % {"days": days, "due": due_text}


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
