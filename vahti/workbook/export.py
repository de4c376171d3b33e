"""The plan as a workbook (:mod:`vahti.workbook.sheets`): every sheet for a plan admin,
which the import takes back unchanged; the public actions and indicators for everyone.
A fixed number of queries whatever the plan's size."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Prefetch

from vahti.actions.models import (
    Action,
)
from vahti.core import spreadsheets
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
from vahti.workbook.exports import actions, fields
from vahti.workbook.exports.cells import category_key, join, translated, tree_order
from vahti.workbook.sheets import ORDER, PUBLIC_SHEETS, column_names, columns

WIDTH = {"text": 24, "html": 40, "list": 20, "date": 12, "bool": 8, "int": 8, "float": 12}


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
            "other_languages": join(plan.other_languages),
            "time_zone": plan.time_zone,
            **translated(plan, "name", "short_name"),
        }

    def _lists(self):
        plan = self.plan
        empty = dict.fromkeys(column_names("lists"))

        def row(kind, item, **extra):
            return {
                **empty,
                "kind": kind,
                "identifier": item.identifier,
                "order": item.order,
                **translated(item, "name"),
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
            for category in tree_order(items):
                yield {
                    "type": category.type.identifier,
                    "identifier": category.identifier,
                    "parent": category.parent.identifier if category.parent else None,
                    "order": category.order,
                    **translated(category, "name", "lead"),
                    "color": category.color or None,
                }

    def _organisations(self):
        organizations = list(
            Organization.objects.filter(plan=self.plan)
            .select_related("parent")
            .order_by("order", "pk")
        )
        for org in tree_order(organizations):
            yield {
                "identifier": org.identifier,
                "parent": org.parent.identifier if org.parent else None,
                "order": org.order,
                **translated(org, "name", "abbreviation"),
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
                **translated(person, "title"),
            }

    def _fields(self):
        return fields.field_rows(self.plan, public=self.public)

    def _field_options(self):
        return fields.option_rows(self.plan, public=self.public)

    def _field_values(self):
        return fields.value_rows(self.actions, self.plan, public=self.public)

    def _actions(self):
        return actions.action_rows(self.actions, plan=self.plan, public=self.public)

    def _tasks(self):
        return actions.task_rows(self.actions)

    def _history(self):
        return actions.history_rows(self.actions, self.plan)

    def _news(self):
        return actions.news_rows(self.actions)

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
                **translated(indicator, "name", "description", "unit", "quantity"),
                "level": indicator.level,
                "time_resolution": indicator.time_resolution,
                "desired_direction": indicator.desired_direction or None,
                "minimum_value": indicator.minimum_value,
                "maximum_value": indicator.maximum_value,
                "decimals": indicator.decimals,
                "organisation": indicator.organization.identifier
                if indicator.organization
                else None,
                "categories": join(category_key(c) for c in indicator.categories.all()),
                **translated(indicator, "data_source"),
                "data_source_url": indicator.data_source_url or None,
                "licence": indicator.licence or None,
                "actions": join(links),
                "emission_goal": indicator.is_emission_goal,
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
