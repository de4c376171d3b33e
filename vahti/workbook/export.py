"""The plan as a workbook (:mod:`vahti.workbook.sheets`): every sheet for a plan admin,
which the import takes back unchanged; the public actions and indicators for everyone.
A fixed number of queries whatever the plan's size."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Prefetch

from vahti.actions.models import (
    Action,
    ContactPerson,
    NewsPost,
    ProgressChange,
    ResponsibleParty,
    Task,
)
from vahti.core import spreadsheets
from vahti.core.i18n import language_codes
from vahti.indicators.models import (
    ActionIndicator,
    Dimension,
    DimensionCategory,
    Indicator,
    IndicatorGoal,
    IndicatorValue,
    Scenario,
)
from vahti.orgs.models import Organization, Person
from vahti.plans.models import (
    ActionImpact,
    ActionImplementationPhase,
    ActionSchedule,
    ActionStatus,
    Category,
    CategoryType,
    Plan,
)
from vahti.workbook.sheets import ORDER, PUBLIC_SHEETS, column_names, columns

WIDTH = {"text": 24, "html": 40, "list": 20, "date": 12, "bool": 8, "int": 8, "float": 12}


def _texts(obj, name: str) -> list:
    return [getattr(obj, f"{name}_{code}") or None for code in language_codes()]


def _join(items) -> str | None:
    text = ", ".join(items)
    return text or None


def _tree_order(items: list) -> list:
    """Parents before their children, siblings in their order."""
    children: dict = {}
    for item in items:
        children.setdefault(item.parent_id, []).append(item)
    known = {item.pk for item in items}
    ordered = []

    def walk(parent_id):
        for item in children.get(parent_id, []):
            ordered.append(item)
            walk(item.pk)

    walk(None)
    for parent_id in children:  # parents outside the list (should not happen)
        if parent_id is not None and parent_id not in known:
            walk(parent_id)
    return ordered


def category_key(category: Category) -> str:
    return f"{category.type.identifier}/{category.identifier}"


class Export:
    def __init__(self, plan: Plan, *, public: bool):
        self.plan = plan
        self.public = public
        self.actions = Action.objects.filter(plan=plan, live=True)
        if public:
            self.actions = self.actions.public()
        self.indicators = Indicator.objects.filter(plan=plan)
        if public:
            self.indicators = self.indicators.public()

    def sheet_names(self) -> list[str]:
        return list(PUBLIC_SHEETS if self.public else ORDER)

    def rows(self, sheet: str) -> Iterator[list]:
        yield column_names(sheet, public=self.public)
        for row in getattr(self, f"_{sheet}")():
            yield [row[name] for name in column_names(sheet, public=self.public)]

    def workbook(self) -> bytes:
        sheets = []
        for sheet in self.sheet_names():
            widths = [WIDTH.get(column.kind, 14) for column in columns(sheet, public=self.public)]
            sheets.append((sheet, self.rows(sheet), widths))
        return spreadsheets.xlsx_bytes(sheets)

    def csv(self, sheet: str) -> str:
        return spreadsheets.csv_text(self.rows(sheet))

    # One generator of dicts per sheet, keyed by column name.

    def _plan(self):
        plan = self.plan
        yield {
            "identifier": plan.identifier,
            "primary_language": plan.primary_language,
            "other_languages": _join(plan.other_languages),
            "time_zone": plan.time_zone,
            **self._translated(plan, "name", "short_name"),
        }

    def _translated(self, obj, *names) -> dict:
        found = {}
        for name in names:
            for code, value in zip(language_codes(), _texts(obj, name), strict=True):
                found[f"{name}_{code}"] = value
        return found

    def _lists(self):
        plan = self.plan
        empty = dict.fromkeys(column_names("lists"))

        def row(kind, item, **extra):
            return {
                **empty,
                "kind": kind,
                "identifier": item.identifier,
                "order": item.order,
                **self._translated(item, "name"),
                **extra,
            }

        for status in ActionStatus.objects.filter(plan=plan).order_by("order", "pk"):
            yield row(
                "status",
                status,
                color=status.color,
                is_completed=status.is_completed,
                sentiment=status.sentiment,
            )
        for phase in ActionImplementationPhase.objects.filter(plan=plan).order_by("order", "pk"):
            yield row("phase", phase, color=phase.color or None)
        for impact in ActionImpact.objects.filter(plan=plan).order_by("order", "pk"):
            yield row("impact", impact, is_estimate=impact.is_estimate)
        for schedule in ActionSchedule.objects.filter(plan=plan).order_by("order", "pk"):
            yield row("schedule", schedule, begins_at=schedule.begins_at, ends_at=schedule.ends_at)
        for category_type in CategoryType.objects.filter(plan=plan).order_by("order", "pk"):
            yield row("category_type", category_type, is_primary=category_type.is_primary)
        for dimension in Dimension.objects.filter(plan=plan).order_by("order", "pk"):
            yield row("dimension", dimension)
        for part in (
            DimensionCategory.objects.filter(plan=plan)
            .select_related("dimension")
            .order_by("dimension__order", "dimension__pk", "order", "pk")
        ):
            yield row(
                "dimension_category",
                part,
                parent=part.dimension.identifier,
                color=part.color or None,
            )
        for scenario in Scenario.objects.filter(plan=plan).order_by("order", "pk"):
            yield row("scenario", scenario)

    def _categories(self):
        categories = list(
            Category.objects.filter(plan=self.plan)
            .select_related("type", "parent")
            .order_by("type__order", "type__pk", "order", "pk")
        )
        by_type: dict = {}
        for category in categories:
            by_type.setdefault(category.type_id, []).append(category)
        for items in by_type.values():
            for category in _tree_order(items):
                yield {
                    "type": category.type.identifier,
                    "identifier": category.identifier,
                    "parent": category.parent.identifier if category.parent else None,
                    "order": category.order,
                    **self._translated(category, "name", "lead"),
                    "color": category.color or None,
                }

    def _organisations(self):
        organizations = list(
            Organization.objects.filter(plan=self.plan)
            .select_related("parent")
            .order_by("order", "pk")
        )
        for org in _tree_order(organizations):
            yield {
                "identifier": org.identifier,
                "parent": org.parent.identifier if org.parent else None,
                "order": org.order,
                **self._translated(org, "name", "abbreviation"),
            }

    def _people(self):
        for person in (
            Person.objects.filter(plan=self.plan)
            .select_related("organization")
            .order_by("identifier")
        ):
            yield {
                "identifier": person.identifier,
                "first_name": person.first_name,
                "last_name": person.last_name,
                "organisation": person.organization.identifier if person.organization else None,
                "email": person.email or None,
                **self._translated(person, "title"),
            }

    def _actions(self):
        actions = (
            self.actions.in_natural_order()
            .select_related("status", "implementation_phase", "impact")
            .prefetch_related(
                Prefetch("schedules", queryset=ActionSchedule.objects.order_by("order", "pk")),
                Prefetch(
                    "categories",
                    queryset=Category.objects.select_related("type").order_by(
                        "type__order", "type__pk", "order", "pk"
                    ),
                ),
                Prefetch(
                    "responsible_parties",
                    queryset=ResponsibleParty.objects.select_related("organization").order_by(
                        "sort_order", "pk"
                    ),
                ),
                Prefetch(
                    "contact_persons",
                    queryset=ContactPerson.objects.select_related("person").order_by(
                        "sort_order", "pk"
                    ),
                ),
                Prefetch(
                    "related_actions",
                    queryset=Action.objects.only("id", "identifier", "sort_key").order_by(
                        "sort_key", "pk"
                    ),
                ),
            )
        )
        shown = set(self.actions.values_list("pk", flat=True)) if self.public else None
        for action in actions:
            parties = list(action.responsible_parties.all())
            people = {role: [] for role in ContactPerson.Role.values}
            for contact in action.contact_persons.all():
                people[contact.role].append(contact.person.identifier)
            related = [
                other.identifier
                for other in action.related_actions.all()
                if shown is None or other.pk in shown
            ]
            yield {
                "identifier": action.identifier,
                **self._translated(
                    action,
                    "name",
                    "lead",
                    "description",
                    "official_name",
                    "official_description",
                    "official_description_source",
                ),
                "status": action.status.identifier if action.status else None,
                "phase": action.implementation_phase.identifier
                if action.implementation_phase
                else None,
                "impact": action.impact.identifier if action.impact else None,
                "schedules": _join(s.identifier for s in action.schedules.all()),
                "start_date": action.start_date,
                "end_date": action.end_date,
                "continuous": action.schedule_continuous,
                "categories": _join(category_key(c) for c in action.categories.all()),
                "primary_organisation": next(
                    (p.organization.identifier for p in parties if p.role == "primary"), None
                ),
                "collaborating_organisations": _join(
                    p.organization.identifier for p in parties if p.role != "primary"
                ),
                "contact_persons": _join(people["contact"]),
                "editors": _join(people["editor"]),
                "moderators": _join(people["moderator"]),
                "related_actions": _join(related),
                "visibility": action.visibility,
                "internal_notes": action.internal_notes or None,
                "updated_at": self._day(action.updated_at),
            }

    def _tasks(self):
        tasks = (
            Task.objects.filter(action__in=self.actions)
            .select_related("action")
            .order_by("action__sort_key", "action__pk", "sort_order", "pk")
        )
        for task in tasks:
            yield {
                "action": task.action.identifier,
                **self._translated(task, "name"),
                "state": task.state,
                "due_at": task.due_at,
                "completed_at": task.completed_at,
                **self._translated(task, "comment"),
            }

    def _day(self, moment):
        """The plan's local day of a moment: what the import reads back as that day."""
        return moment.astimezone(self.plan.tzinfo).date() if moment else None

    def _history(self):
        """Each action's public status and phase changes, oldest first (its timeline)."""
        rows = (
            ProgressChange.objects.filter(action__in=self.actions, is_public=True)
            .select_related("action", "status", "implementation_phase")
            .order_by("action__sort_key", "action__pk", "changed_at", "pk")
        )
        previous = None
        for row in rows:
            state = (row.action_id, row.status_id, row.implementation_phase_id)
            if state == previous:
                continue  # hidden and shown again: no change to show
            previous = state
            yield {
                "action": row.action.identifier,
                "date": self._day(row.changed_at),
                "status": row.status.identifier if row.status else None,
                "phase": row.implementation_phase.identifier if row.implementation_phase else None,
            }

    def _news(self):
        posts = (
            NewsPost.objects.filter(action__in=self.actions)
            .select_related("action", "author")
            .order_by("action__sort_key", "action__pk", "published_on", "pk")
        )
        for post in posts:
            yield {
                "action": post.action.identifier,
                "published_on": post.published_on,
                **self._translated(post, "title", "body"),
                "author": post.author.identifier if post.author else None,
            }

    def _indicators(self):
        shown = set(self.actions.values_list("pk", flat=True))
        indicators = (
            self.indicators.order_by("sort_key", "pk")
            .select_related("organization")
            .prefetch_related(
                Prefetch(
                    "categories",
                    queryset=Category.objects.select_related("type").order_by(
                        "type__order", "type__pk", "order", "pk"
                    ),
                ),
                Prefetch(
                    "action_links",
                    queryset=ActionIndicator.objects.select_related("action").order_by(
                        "sort_order", "pk"
                    ),
                ),
            )
        )
        for indicator in indicators:
            links = []
            for link in indicator.action_links.all():
                if link.action_id in shown:
                    links.append(
                        f"{link.action.identifier}:{link.effect}"
                        + (":progress" if link.indicates_progress else "")
                    )
            yield {
                "identifier": indicator.identifier,
                **self._translated(indicator, "name", "description", "unit", "quantity"),
                "level": indicator.level,
                "time_resolution": indicator.time_resolution,
                "desired_direction": indicator.desired_direction or None,
                "minimum_value": indicator.minimum_value,
                "maximum_value": indicator.maximum_value,
                "decimals": indicator.decimals,
                "organisation": indicator.organization.identifier
                if indicator.organization
                else None,
                "categories": _join(category_key(c) for c in indicator.categories.all()),
                **self._translated(indicator, "data_source"),
                "data_source_url": indicator.data_source_url or None,
                "licence": indicator.licence or None,
                "actions": _join(links),
                "visibility": indicator.visibility,
            }

    def _goals(self):
        goals = (
            IndicatorGoal.objects.filter(indicator__in=self.indicators)
            .select_related("indicator", "scenario")
            .order_by("indicator__sort_key", "indicator__pk", "scenario__order", "date", "pk")
        )
        for goal in goals:
            yield {
                "indicator": goal.indicator.identifier,
                "date": goal.date,
                "value": goal.value,
                "scenario": goal.scenario.identifier if goal.scenario else None,
            }

    def _values(self):
        values = (
            IndicatorValue.objects.filter(indicator__in=self.indicators)
            .select_related("indicator", "category__dimension")
            .order_by(
                "indicator__sort_key",
                "indicator__pk",
                "date",
                "category__dimension__order",
                "category__order",
                "pk",
            )
        )
        for value in values.iterator(chunk_size=5000):
            category = value.category
            yield {
                "indicator": value.indicator.identifier,
                "date": value.date,
                "dimension": category.dimension.identifier if category else None,
                "category": category.identifier if category else None,
                "value": value.value,
            }
