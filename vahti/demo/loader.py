"""Load the demo plans (``vahti.demo.sources``) through the same services the editing side
and the importer use. Loading is an upsert by identifier: running it again changes
nothing, and running it after the content changed updates only what changed. A plan whose
content leaves its lists to the defaults is created by ``plan_create``, like a city's.

Relative dates in the content ("today+30") are resolved against the day of loading in
the plan's time zone, so the demo always has tasks that are late, due soon and so on.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from vahti.actions.models import Action
from vahti.actions.services import action_create, action_update, content_would_change
from vahti.content.models import ContentPage
from vahti.content.services import add_page, plan_pages
from vahti.core.i18n import column_name, language_codes
from vahti.core.richtext import sanitize_html
from vahti.core.services import upsert
from vahti.demo.hosts import register_demo_hosts
from vahti.demo.loader_indicators import IndicatorLoading
from vahti.demo.sources import DEMO_PLANS, DemoSource
from vahti.orgs.models import Organization, Person
from vahti.plans import changes
from vahti.plans.models import (
    ActionImpact,
    ActionImplementationPhase,
    ActionSchedule,
    ActionStatus,
    Category,
    CategoryType,
    Plan,
)
from vahti.plans.setup import plan_create
from vahti.search import services as search

_RELATIVE = re.compile(r"^today([+-]\d+)$")


@dataclass
class LoadReport:
    plan: str = ""
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0

    def count(self, kind: str, changed: bool, created: bool) -> None:
        if created:
            self.created[kind] = self.created.get(kind, 0) + 1
        elif changed:
            self.updated[kind] = self.updated.get(kind, 0) + 1
        else:
            self.unchanged += 1

    @property
    def changed_anything(self) -> bool:
        return bool(self.created or self.updated)

    def __str__(self) -> str:
        if not self.changed_anything:
            return f"Demo plan {self.plan} is up to date ({self.unchanged} objects unchanged)."
        parts = [f"created {n} {kind}" for kind, n in sorted(self.created.items())]
        parts += [f"updated {n} {kind}" for kind, n in sorted(self.updated.items())]
        return (
            f"Demo plan {self.plan} loaded: " + ", ".join(parts) + f"; {self.unchanged} unchanged."
        )


@dataclass
class DemoReport:
    """What loading every demo plan did: one report per plan."""

    plans: list[LoadReport]

    @property
    def changed_anything(self) -> bool:
        return any(report.changed_anything for report in self.plans)

    def __str__(self) -> str:
        return "\n".join(map(str, self.plans))


class DemoLoader(IndicatorLoading):
    def __init__(self, source: DemoSource, today: datetime.date | None = None):
        self.source = source
        self.tz = ZoneInfo(source.PLAN["time_zone"])
        self.today = today or timezone.localdate(timezone=self.tz)
        self.report = LoadReport(plan=source.identifier)

    # Values ----------------------------------------------------------------------------

    def date(self, value: str | None) -> datetime.date | None:
        if not value:
            return None
        relative = _RELATIVE.match(value)
        if relative:
            return self.today + datetime.timedelta(days=int(relative.group(1)))
        return datetime.date.fromisoformat(value)

    def moment(self, value: str) -> datetime.datetime:
        relative = _RELATIVE.match(value)
        if relative:
            day = self.today + datetime.timedelta(days=int(relative.group(1)))
            return datetime.datetime.combine(day, datetime.time(9, 0), tzinfo=self.tz)
        return datetime.datetime.fromisoformat(value).replace(tzinfo=self.tz)

    @staticmethod
    def texts(name: str, translations: dict | None) -> dict[str, str]:
        """{"fi": "…"} → {"name_fi": "…", "name_sv": "", "name_en": ""}."""
        translations = translations or {}
        return {column_name(name, code): translations.get(code, "") for code in language_codes()}

    def _upsert(self, kind, model, lookup, values):
        existed = model.objects.filter(**lookup).exists()
        instance, changed = upsert(model, lookup, values)
        self.report.count(kind, changed, created=not existed)
        return instance

    # Loading ---------------------------------------------------------------------------

    @transaction.atomic
    def load(self) -> LoadReport:
        with search.deferred(), changes.batched():
            report = self._load()
            plan = Plan.objects.get(identifier=self.source.identifier)
            self._pages(plan)
        search.rebuild_plan(plan)
        return report

    def _pages(self, plan: Plan) -> None:
        """The footer's content pages, published through Wagtail like an editor's."""
        root = plan_pages(plan)
        for item in self.source.PAGES:
            fields = {
                **self.texts("heading", item["heading"]),
                **self.texts("lead", item["lead"]),
                **{
                    key: sanitize_html(value)
                    for key, value in self.texts("body", item["body"]).items()
                },
                "show_in_menus": True,
            }
            page = ContentPage.objects.filter(plan=plan, slug=item["slug"]).first()
            if page is None:
                add_page(root, slug=item["slug"], **fields)
                self.report.count("content pages", True, created=True)
                continue
            changed = any(getattr(page, key) != value for key, value in fields.items())
            if changed:
                for key, value in fields.items():
                    setattr(page, key, value)
                page.save_revision().publish()
            self.report.count("content pages", changed, created=False)

    def _load(self) -> LoadReport:
        content = self.source
        plan = self._plan(content.PLAN, with_defaults=content.STATUSES is None)
        statuses = self._list(
            "statuses", ActionStatus, plan, content.STATUSES, ("is_completed", "color", "sentiment")
        )
        phases = self._list("phases", ActionImplementationPhase, plan, content.PHASES, ("color",))
        impacts = self._list("impacts", ActionImpact, plan, content.IMPACTS, ("is_estimate",))
        schedules = self._existing(ActionSchedule, plan)
        for order, item in enumerate(content.SCHEDULES or ()):
            schedules[item["identifier"]] = self._upsert(
                "schedules",
                ActionSchedule,
                {"plan": plan, "identifier": item["identifier"]},
                {
                    **self.texts("name", item["name"]),
                    "order": order,
                    "begins_at": self.date(item.get("begins_at")),
                    "ends_at": self.date(item.get("ends_at")),
                },
            )
        types = self._list(
            "category types", CategoryType, plan, content.CATEGORY_TYPES, ("is_primary",)
        )
        categories = {}
        for order, item in enumerate(content.CATEGORIES):
            categories[item["identifier"]] = self._upsert(
                "categories",
                Category,
                {"type": types[item["type"]], "identifier": item["identifier"]},
                {
                    "plan": plan,
                    "order": order,
                    "parent": categories[item["parent"]] if item.get("parent") else None,
                    **self.texts("name", item["name"]),
                    **self.texts("lead", item.get("lead")),
                    "color": item.get("color", ""),
                },
            )
        organizations = {}
        for order, item in enumerate(content.ORGANIZATIONS):
            organizations[item["identifier"]] = self._upsert(
                "organisations",
                Organization,
                {"plan": plan, "identifier": item["identifier"]},
                {
                    "order": order,
                    "parent": organizations[item["parent"]] if item.get("parent") else None,
                    **self.texts("name", item["name"]),
                    **self.texts("abbreviation", item.get("abbreviation")),
                },
            )
        people = {}
        for item in content.PEOPLE:
            people[item["key"]] = self._upsert(
                "people",
                Person,
                {"plan": plan, "identifier": item["key"]},
                {
                    "first_name": item["first_name"],
                    "last_name": item["last_name"],
                    **self.texts("title", item.get("title")),
                    "organization": organizations[item["organization"]]
                    if item.get("organization")
                    else None,
                    "email": item.get("email", ""),
                },
            )
        refs = {
            "statuses": statuses,
            "phases": phases,
            "impacts": impacts,
            "schedules": schedules,
            "categories": categories,
            "organizations": organizations,
            "people": people,
        }
        # First every action on its own, then the links between actions, which need the
        # other end to exist.
        for item in content.ACTIONS:
            self._action(plan, item, self._action_data(item, refs))
        for item in content.ACTIONS:
            links = {}
            if item.get("related_actions"):
                links["related_actions"] = [
                    Action.objects.get(plan=plan, identifier=identifier)
                    for identifier in item["related_actions"]
                ]
            if item.get("merged_with"):
                links["merged_with"] = Action.objects.get(plan=plan, identifier=item["merged_with"])
            if links:
                self._action(plan, item, links)
        self._indicators(plan, refs)
        return self.report

    def _plan(self, source: dict, *, with_defaults: bool) -> Plan:
        """The plan with its names and introduction in every language. A new plan whose
        lists are the defaults is created by ``plan_create``, as a city's would be."""
        existed = Plan.objects.filter(identifier=source["identifier"]).exists()
        if with_defaults and not existed:
            plan_create(
                source["identifier"],
                source["name"][source["primary_language"]],
                primary_language=source["primary_language"],
                other_languages=source["other_languages"],
                time_zone=source["time_zone"],
            )
        plan, changed = upsert(
            Plan,
            {"identifier": source["identifier"]},
            {
                **self.texts("name", source["name"]),
                **self.texts("short_name", source.get("short_name")),
                **self.texts("intro", source.get("intro")),
                "primary_language": source["primary_language"],
                "other_languages": source["other_languages"],
                "time_zone": source["time_zone"],
            },
        )
        self.report.count("plans", changed, created=not existed)
        return plan

    @staticmethod
    def _existing(model, plan: Plan) -> dict:
        return {item.identifier: item for item in model.objects.filter(plan=plan)}

    def _list(self, kind, model, plan, items, extra_fields):
        """The plan's list ``items`` in this order; None keeps the list the plan has."""
        if items is None:
            return self._existing(model, plan)
        found = {}
        for order, item in enumerate(items):
            values = {**self.texts("name", item["name"]), "order": order}
            values.update({name: item[name] for name in extra_fields if name in item})
            found[item["identifier"]] = self._upsert(
                kind, model, {"plan": plan, "identifier": item["identifier"]}, values
            )
        return found

    def _action_data(self, item: dict, refs: dict) -> dict:
        data = {"identifier": item["identifier"]}
        for name in (
            "name",
            "lead",
            "description",
            "official_name",
            "official_description",
            "official_description_source",
        ):
            data.update(self.texts(name, item.get(name)))
        data.update(
            status=refs["statuses"].get(item.get("status")),
            implementation_phase=refs["phases"].get(item.get("implementation_phase")),
            impact=refs["impacts"].get(item.get("impact")),
            categories=[refs["categories"][c] for c in item.get("categories", [])],
            schedules=[refs["schedules"][s] for s in item.get("schedules", [])],
            start_date=self.date(item.get("start_date")),
            end_date=self.date(item.get("end_date")),
            schedule_continuous=item.get("schedule_continuous", False),
            visibility=item.get("visibility", Action.Visibility.PUBLIC),
            internal_notes=item.get("internal_notes", ""),
            responsible_parties=[
                (refs["organizations"][org], role)
                for org, role in item.get("responsible_parties", [])
            ],
            contact_persons=[
                (refs["people"][key], role) for key, role in item.get("contact_persons", [])
            ],
            tasks=[
                {
                    **self.texts("name", task["name"]),
                    **self.texts("comment", task.get("comment")),
                    "state": task["state"],
                    "due_at": self.date(task["due_at"]),
                    "completed_at": self.date(task.get("completed_at")),
                }
                for task in item.get("tasks", [])
            ],
            news_posts=[
                {
                    **self.texts("title", post["title"]),
                    **self.texts("body", post.get("body")),
                    "published_on": self.date(post["published_on"]),
                    "author": refs["people"][post["author"]] if post.get("author") else None,
                }
                for post in item.get("news_posts", [])
            ],
        )
        return data

    def _action(self, plan: Plan, item: dict, data: dict) -> None:
        publish = item.get("published", True)
        updated_at = self.moment(item["updated_at"]) if item.get("updated_at") else None
        existing = Action.objects.filter(plan=plan, identifier=item["identifier"]).first()
        if existing is None:
            history = item.get("history", []) if publish else []
            action = None
            # Earlier publications first, each with its own date, so that the action's
            # timeline and the plan's progress on past days have something to show.
            for step in history:
                progress = {
                    "status": ActionStatus.objects.get(plan=plan, identifier=step["status"])
                }
                when = self.moment(step["date"])
                if action is None:
                    action = action_create(plan=plan, updated_at=when, **{**data, **progress})
                else:
                    action_update(action, updated_at=when, **progress)
            if action is None:
                action_create(plan=plan, publish=publish, updated_at=updated_at, **data)
            else:
                action_update(action, updated_at=updated_at, **data)
            self.report.count("actions", True, created=True)
            return
        stale_date = publish and updated_at is not None and existing.updated_at != updated_at
        if content_would_change(existing, **data) or stale_date or existing.live != publish:
            action_update(existing, publish=publish, updated_at=updated_at, **data)
            self.report.count("actions", True, created=False)
        else:
            self.report.count("actions", False, created=False)


def load_demo(
    today: datetime.date | None = None, sources: tuple[DemoSource, ...] = DEMO_PLANS
) -> DemoReport:
    """Load every demo plan (or those of ``sources``) and give them their host names."""
    reports = [DemoLoader(source, today=today).load() for source in sources]
    added = register_demo_hosts()
    if added:
        reports[-1].created["host names"] = added
    return DemoReport(reports)
