"""Feeds: the plan's updates as Atom (the plan's and each action's), and the open tasks'
due dates as iCalendar (the plan's, or one organisation's with its units)."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from vahti.actions import updates
from vahti.actions.lateness import is_finished
from vahti.actions.models import Action, ResponsibleParty, Task
from vahti.actions.overviews import category_actions
from vahti.actions.selectors import plan_today, public_actions
from vahti.core.i18n import TranslatedStr
from vahti.core.richtext import sanitize_html
from vahti.core.trees import descendants
from vahti.orgs.models import Organization
from vahti.plans.models import Category
from vahti.site.feed_languages import LanguageAtomFeed, worded
from vahti.site.views import request_plan


class PlanUpdatesFeed(Feed):
    """Status changes, completed tasks and news posts of the plan's public actions."""

    feed_type = LanguageAtomFeed  # marks the texts in another language than the feed's

    def get_object(self, request, identifier: str | None = None):
        self.request = request
        plan = request_plan(request)
        action = None
        if identifier is not None:
            # Public and not merged (a merged action's news lives on in the other one).
            action = public_actions(plan).identified_by(identifier).first()
            if action is None:
                raise Http404("No such action in this plan.")
        return plan, action

    def title_pieces(self, obj):
        """The feed's title as pieces in their languages (see feed_languages)."""
        plan, action = obj
        if action is not None:
            return worded("%(action)s – %(plan)s", action=_named(action), plan=plan.name)
        return worded(_("Updates of %(plan)s"), plan=plan.name)

    def title(self, obj):
        return "".join(text for text, _lang in self.title_pieces(obj))

    def feed_extra_kwargs(self, obj):
        return {"title_pieces": self.title_pieces(obj)}

    def link(self, obj):
        _plan, action = obj
        return action.get_absolute_url() if action else reverse("site:front-page")

    def subtitle(self, obj):
        return _("Status changes, completed tasks and news of the plan's actions.")

    def items(self, obj):
        plan, action = obj
        actions = Action.objects.filter(pk=action.pk) if action else public_actions(plan)
        return updates.plan_updates(plan, actions=actions)

    def item_title_pieces(self, item: updates.Update):
        """The entry's title as pieces in their languages (see feed_languages)."""
        subject = item.subject
        if item.kind == "status":
            return worded(
                _("%(action)s: %(status)s"),
                action=_named(item.action),
                status=subject.status.name,
            )
        if item.kind == "task":
            return worded(_("Task completed: %(task)s"), task=subject.name)
        return worded("%(title)s", title=subject.title)

    def item_title(self, item: updates.Update):
        return "".join(text for text, _lang in self.item_title_pieces(item))

    def item_extra_kwargs(self, item: updates.Update):
        return {
            "title_pieces": self.item_title_pieces(item),
            "summary_lang": getattr(self._summary_source(item), "lang", None),
        }

    def _summary_source(self, item: updates.Update):
        """The text the summary shows (see item_description), which knows its language."""
        subject = item.subject
        if item.kind == "news":
            return subject.body
        if item.kind == "task" and subject.comment:
            return subject.comment
        return item.action.name

    def item_description(self, item: updates.Update):
        """The entry's ``summary``, which Atom declares HTML: rich text is sanitised,
        plain names are escaped (a reader would otherwise run them as markup)."""
        subject = item.subject
        if item.kind == "news":
            return sanitize_html(str(subject.body))
        if item.kind == "task" and subject.comment:
            return sanitize_html(str(subject.comment))
        return escape(f"{item.action.identifier} {item.action.name}")

    def item_link(self, item: updates.Update):
        url = item.action.get_absolute_url()
        anchors = {"task": f"#task-{item.subject.pk}", "news": "#section-news"}
        return url + anchors.get(item.kind, "#section-history")

    def item_guid(self, item: updates.Update):
        return f"{self.request.build_absolute_uri(item.action.get_absolute_url())}#{item.key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: updates.Update):
        return item.at

    def item_updateddate(self, item: updates.Update):
        return item.at


def _named(action) -> TranslatedStr:
    """ "126 Päästöraportti": the identifier, in no language, goes with the name's."""
    return TranslatedStr(f"{action.identifier} {action.name}", action.name.lang)


def _escape(text: str) -> str:
    """A TEXT value of RFC 5545: backslash, semicolon, comma and newlines escaped."""
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space."""
    encoded, parts = line.encode(), []
    while len(encoded) > 75:
        cut = 75 if not parts else 74
        while cut and (encoded[cut] & 0xC0) == 0x80:  # not inside a UTF-8 character
            cut -= 1
        parts.append(encoded[:cut].decode())
        encoded = encoded[cut:]
    parts.append(encoded.decode())
    return "\r\n ".join(parts)


@require_safe
def task_calendar(request):
    """The open tasks of the plan's public actions with their due dates, or those of
    ``?organization=`` (and its units) as a responsible party."""
    plan = request_plan(request)
    actions, name = _calendar_actions(request, plan)
    tasks = (
        Task.objects.filter(action__in=actions, state__in=Task.OPEN_STATES)
        .select_related("action", "action__status")
        .order_by("due_at", "pk")
    )
    today = plan_today(plan)
    calendar_name = _("Tasks of %(name)s") % {"name": name}
    stamp = timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    host = request.get_host().split(":")[0]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Vahti//Tasks//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(calendar_name)}",
    ]
    for task in tasks:
        task.action.plan = plan
        lines += _task_event(request, task, today, stamp, host)
    lines.append("END:VCALENDAR")
    body = "".join(f"{_fold(line)}\r\n" for line in lines)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="tasks.ics"'
    return response


def _calendar_actions(request, plan):
    """The public actions whose tasks the calendar holds, and the calendar's name."""
    actions = public_actions(plan)
    identifier = request.GET.get("organization", "").strip()
    if not identifier:
        return actions, str(plan.name)
    organization = Organization.objects.filter(plan=plan, identifier=identifier).first()
    if organization is None:
        raise Http404("No such organisation in this plan.")
    rows = Organization.objects.filter(plan=plan).values_list("pk", "parent_id")
    below = descendants(rows, [organization.pk])
    actions = actions.filter(
        pk__in=ResponsibleParty.objects.filter(organization_id__in=below).values("action_id")
    )
    return actions, f"{organization.name} – {plan.name}"


def _task_event(request, task: Task, today: datetime.date, stamp: str, host: str) -> list[str]:
    """A task as the lines of its calendar event."""
    action = task.action
    url = request.build_absolute_uri(action.get_absolute_url()) + f"#task-{task.pk}"
    # As the action page says: a task of a completed or cancelled action is not
    # late any more, nothing is expected of it.
    status = action.status
    late = task.is_late_on(today) and not (
        status is not None and is_finished(status.identifier, status.is_completed)
    )
    summary = f"{task.name} ({action.identifier})"
    if late:
        summary = _("Late: %(task)s") % {"task": summary}
    return [
        "BEGIN:VEVENT",
        f"UID:task-{task.pk}@{host}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{task.due_at:%Y%m%d}",
        f"DTEND;VALUE=DATE:{task.due_at + datetime.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(f'{action.identifier} {action.name}')}\\n{_escape(url)}",
        f"URL:{url}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


class CategoryUpdatesFeed(PlanUpdatesFeed):
    """The updates of the public actions in a category or in one below it."""

    def get_object(self, request, type_identifier: str, identifier: str):
        self.request = request
        plan = request_plan(request)
        category = (
            Category.objects.filter(
                type__plan=plan, type__identifier=type_identifier, identifier=identifier
            )
            .select_related("type")
            .first()
        )
        if category is None:
            raise Http404("No such category in this plan.")
        return plan, category

    def title_pieces(self, obj):
        plan, category = obj
        return worded("%(category)s – %(plan)s", category=category.name, plan=plan.name)

    def link(self, obj):
        _plan, category = obj
        return reverse("site:category-detail", args=[category.type.identifier, category.identifier])

    def items(self, obj):
        plan, category = obj
        return updates.plan_updates(plan, actions=category_actions(plan, category))
