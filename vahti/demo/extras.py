"""What a demo plan has beyond its workbook, kept in its ``extras.json``: the plan's
introduction, the footer's content pages, draft actions (an imported action is
published), the actions merged into others, and the indicators' contact persons, due
dates for new values and causal links. Each is written through the services the editing
side uses, after the workbook is imported; running it again changes nothing.

Translated texts are dicts ``{"fi": ..., "sv": ..., "en": ...}``; dates are "YYYY-MM-DD"
or relative to the day of loading, "today+N" / "today-N".
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

from vahti.actions.models import Action
from vahti.actions.services import action_create, action_update, content_would_change
from vahti.content.models import ContentPage
from vahti.content.services import add_page, plan_pages
from vahti.core.i18n import column_name, language_codes
from vahti.core.richtext import sanitize_html
from vahti.core.services import upsert
from vahti.demo.covenant import load_covenant
from vahti.demo.reports import load_reports
from vahti.indicators.services import indicator_upsert
from vahti.orgs.models import Organization, Person
from vahti.plans.models import (
    ActionImpact,
    ActionImplementationPhase,
    ActionSchedule,
    ActionStatus,
    Category,
    Plan,
)

_RELATIVE = re.compile(r"^today([+-]\d+)$")


def resolve(value, today: datetime.date):
    """A relative date ("today-3") as the day it stands for (2025-12-31); any other
    value as it is."""
    relative = _RELATIVE.match(value) if isinstance(value, str) else None
    if relative is None:
        return value
    return (today + datetime.timedelta(days=int(relative.group(1)))).isoformat()


def texts(name: str, translations: dict | None) -> dict[str, str]:
    """{"fi": "…"} → {"name_fi": "…", "name_sv": "", "name_en": ""}."""
    translations = translations or {}
    return {column_name(name, code): translations.get(code, "") for code in language_codes()}


class Extras:
    def __init__(self, plan: Plan, today: datetime.date, report):
        self.plan = plan
        self.today = today
        self.report = report

    def date(self, value: str | None) -> datetime.date | None:
        return datetime.date.fromisoformat(resolve(value, self.today)) if value else None

    def load(self, path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        _plan, changed = upsert(Plan, {"pk": self.plan.pk}, texts("intro", data.get("intro")))
        self.report.count("plans", changed, created=False, number=int(changed))
        for item in data.get("drafts", []):
            self.draft(item)
        for identifier, into in data.get("merged", {}).items():
            self.merged(identifier, into)
        self.indicators(data.get("indicators", {}), data.get("relations", []))
        self.pages(data.get("pages", []))
        load_covenant(self.plan, path.with_name("covenant.json"))
        load_reports(self, data.get("reports", []))

    def draft(self, item: dict) -> None:
        """An action never published: the public site does not show it yet."""
        data = self._draft_data(item)
        existing = Action.objects.filter(plan=self.plan, identifier=item["identifier"]).first()
        if existing is None:
            action_create(plan=self.plan, publish=False, **data)
            self.report.count("actions", True, created=True)
            return
        changed = content_would_change(existing, **data) or existing.live
        if changed:
            action_update(existing, publish=False, **data)
        self.report.count("actions", changed, created=False)

    def _draft_data(self, item: dict) -> dict:
        plan = self.plan

        def find(model, identifier):
            return model.objects.get(plan=plan, identifier=identifier) if identifier else None

        data = {"identifier": item["identifier"]}
        for name in ("name", "lead", "description", "official_name", "official_description"):
            data.update(texts(name, item.get(name)))
        data.update(texts("official_description_source", item.get("official_description_source")))
        return {
            **data,
            "status": find(ActionStatus, item.get("status")),
            "implementation_phase": find(
                ActionImplementationPhase, item.get("implementation_phase")
            ),
            "impact": find(ActionImpact, item.get("impact")),
            "categories": [find(Category, c) for c in item.get("categories", [])],
            "schedules": [find(ActionSchedule, s) for s in item.get("schedules", [])],
            "start_date": self.date(item.get("start_date")),
            "end_date": self.date(item.get("end_date")),
            "schedule_continuous": item.get("schedule_continuous", False),
            "visibility": item.get("visibility", Action.Visibility.PUBLIC),
            "internal_notes": item.get("internal_notes", ""),
            "responsible_parties": [
                (find(Organization, org), role) for org, role in item.get("responsible_parties", [])
            ],
            "contact_persons": [
                (find(Person, key), role) for key, role in item.get("contact_persons", [])
            ],
            "tasks": [
                {
                    **texts("name", task["name"]),
                    **texts("comment", task.get("comment")),
                    "state": task["state"],
                    "due_at": self.date(task["due_at"]),
                    "completed_at": self.date(task.get("completed_at")),
                }
                for task in item.get("tasks", [])
            ],
        }

    def merged(self, identifier: str, into: str) -> None:
        """The action ``identifier`` merged into ``into``, dated as it was last updated."""
        action = Action.objects.get(plan=self.plan, identifier=identifier)
        other = Action.objects.get(plan=self.plan, identifier=into)
        changed = action.merged_with_id != other.pk
        if changed:
            action_update(action, updated_at=action.updated_at, merged_with=other)
        self.report.count("actions", changed, created=False)

    def indicators(self, more: dict, relations: list) -> None:
        """The indicators' contact persons, due dates and links to other indicators."""
        effects: dict[str, list] = {}
        for cause, effect, how, confidence in relations:
            effects.setdefault(cause, []).append((effect, how, confidence))
        people = {p.identifier: p for p in Person.objects.filter(plan=self.plan)}
        indicators = {i.identifier: i for i in self.plan.indicators.all()}
        for identifier in dict.fromkeys([*more, *effects]):
            indicator = indicators[identifier]
            item = more.get(identifier, {})
            _indicator, changed = indicator_upsert(
                self.plan,
                identifier,
                categories=list(indicator.categories.all()),
                goals=[(g.date, g.value, g.scenario) for g in indicator.goals.all()],
                contact_persons=[people[key] for key in item.get("contact_persons", [])],
                action_links=[
                    (link.action, link.effect, link.indicates_progress)
                    for link in indicator.action_links.all()
                ],
                effect_links=[
                    (indicators[effect], how, confidence)
                    for effect, how, confidence in effects.get(identifier, [])
                ],
                updated_values_due_at=self.date(item.get("updated_values_due_at")),
            )
            if item.get("emission_goal") and not _indicator.is_emission_goal:
                # The actions' estimated cuts are compared with this goal (/estimates/).
                _indicator.is_emission_goal = True
                _indicator.full_clean()
                _indicator.save(update_fields=["is_emission_goal"])
                changed = True
            self.report.count("indicators", changed, created=False, number=int(changed))

    def pages(self, items: list) -> None:
        """The footer's content pages, published through Wagtail like an editor's."""
        root = plan_pages(self.plan)
        for item in items:
            fields = {
                **texts("heading", item["heading"]),
                **texts("lead", item["lead"]),
                **{key: sanitize_html(value) for key, value in texts("body", item["body"]).items()},
                "show_in_menus": True,
            }
            page = ContentPage.objects.filter(plan=self.plan, slug=item["slug"]).first()
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
