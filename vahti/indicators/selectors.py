"""Reads of indicators for the public face: the list and its filters, an indicator's
page, the indicators on an action's page and the insight network. The series of values
and goals are ``series``', the open data's reads ``open_data``'. Each function issues a
fixed number of queries whatever the number of indicators or values; tests assert the
counts."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery

from vahti.actions.models import Action
from vahti.core.i18n import column_name, language_codes
from vahti.core.trees import descendants, with_ancestors
from vahti.indicators import network
from vahti.indicators.models import (
    ActionIndicator,
    DimensionCategory,
    Indicator,
    IndicatorContactPerson,
    IndicatorGoal,
    IndicatorRelation,
    IndicatorValue,
)
from vahti.indicators.series import IndicatorSummary, plan_goals, plan_indicator_goals, summaries
from vahti.indicators.trajectory import (
    Assessment,
    Point,
    assess,
    share_of_way_to_goal,
)
from vahti.plans.models import Category, Plan

# How far back the small charts on the action page and the list reach.
SMALL_CHART_YEARS = 10


def public_indicators(plan: Plan) -> QuerySet[Indicator]:
    return Indicator.objects.for_plan(plan).public()


@dataclass
class IndicatorFilters:
    level: str = ""
    category: Category | None = None
    text: str = ""

    @property
    def active(self) -> bool:
        return bool(self.level or self.category or self.text)


def _text_filter(text: str) -> Q:
    condition = Q(identifier__icontains=text)
    for code in language_codes():
        condition |= Q(**{f"{column_name('name', code)}__icontains": text})
    return condition


def indicator_list(plan: Plan, filters: IndicatorFilters) -> list[IndicatorSummary]:
    """The plan's public indicators that pass the filters, strategic first, with their
    latest value, goal and progress. 4 queries (5 with a sparse series)."""
    indicators = public_indicators(plan).select_related("organization")
    if filters.level:
        indicators = indicators.filter(level=filters.level)
    if filters.category is not None:
        below = category_and_descendants(filters.category)
        indicators = indicators.filter(categories__in=below).distinct()
    if filters.text:
        indicators = indicators.filter(_text_filter(filters.text.strip()))
    order = {level: index for index, level in enumerate(Indicator.Level.values)}
    ordered = sorted(indicators, key=lambda i: (order[i.level], i.sort_key, i.pk))
    return summaries(ordered)


def category_and_descendants(category: Category) -> set[int]:
    """The category and every category below it. 1 query."""
    rows = Category.objects.filter(type_id=category.type_id).values_list("pk", "parent_id")
    return descendants(rows, [category.pk])


def indicator_filter_categories(plan: Plan) -> list[Category]:
    """The categories that have public indicators (or ones below them). 2 queries."""
    used = Indicator.categories.through.objects.filter(
        indicator__plan=plan, indicator__visibility=Indicator.Visibility.PUBLIC
    ).values_list("category_id", flat=True)
    return with_ancestors(list(Category.objects.filter(plan=plan).select_related("type")), used)


def indicator_for_site(plan: Plan, identifier: str) -> Indicator:
    """The public indicator with everything its page shows but its values. Raises
    ``Indicator.DoesNotExist`` for unknown and internal ones."""
    return (
        public_indicators(plan)
        .select_related("organization")
        .prefetch_related(
            "categories",
            Prefetch("goals", queryset=IndicatorGoal.objects.select_related("scenario")),
            Prefetch(
                "contact_persons",
                queryset=IndicatorContactPerson.objects.select_related(
                    "person", "person__organization"
                ).order_by("sort_order", "pk"),
            ),
            Prefetch(
                "action_links",
                queryset=ActionIndicator.objects.filter(action__in=Action.objects.public())
                .select_related("action", "action__status")
                .order_by("action__sort_key", "pk"),
            ),
            Prefetch(
                "effect_links",
                queryset=IndicatorRelation.objects.filter(
                    effect_indicator__visibility=Indicator.Visibility.PUBLIC
                )
                .select_related("effect_indicator")
                .order_by("effect_indicator__sort_key", "pk"),
            ),
            Prefetch(
                "cause_links",
                queryset=IndicatorRelation.objects.filter(
                    cause__visibility=Indicator.Visibility.PUBLIC
                )
                .select_related("cause")
                .order_by("cause__sort_key", "pk"),
            ),
        )
        .identified_by(identifier)
        .get()
    )


@dataclass
class Breakdown:
    """The values of one dimension category, by date."""

    category: DimensionCategory
    values: dict[datetime.date, float] = field(default_factory=dict)


@dataclass
class IndicatorData:
    """All values of an indicator as its page shows them: the chart and the table."""

    totals: list[Point]
    breakdowns: list[Breakdown]
    dates: list[datetime.date]  # every date with a value, total or part
    goals: list[IndicatorGoal]
    assessment: Assessment

    def rows(self):
        """Table rows: (date, total or None, [value of each breakdown or None])."""
        total = {p.date: p.value for p in self.totals}
        for day in self.dates:
            yield day, total.get(day), [b.values.get(day) for b in self.breakdowns]


def indicator_data(indicator: Indicator) -> IndicatorData:
    """Every value of the indicator and its assessment. 2 queries (the goals come with
    ``indicator_for_site``)."""
    totals: list[Point] = []
    parts: dict[int, dict[datetime.date, float]] = {}
    for day, value, category_id in (
        IndicatorValue.objects.filter(indicator=indicator)
        .order_by("date")
        .values_list("date", "value", "category_id")
    ):
        if category_id is None:
            totals.append(Point(day, value))
        else:
            parts.setdefault(category_id, {})[day] = value
    breakdowns = []
    if parts:
        categories = DimensionCategory.objects.filter(pk__in=parts).select_related("dimension")
        for category in sorted(categories, key=lambda c: (c.dimension.order, c.order, c.pk)):
            breakdowns.append(Breakdown(category, parts[category.pk]))
    dates = sorted({p.date for p in totals} | {d for values in parts.values() for d in values})
    # The plan's own goals first, then each scenario's (databases place NULLs apart).
    goals = sorted(
        indicator.goals.all(),
        key=lambda g: (g.scenario_id is not None, g.scenario.order if g.scenario else 0, g.date),
    )
    return IndicatorData(
        totals=totals,
        breakdowns=breakdowns,
        dates=dates,
        goals=goals,
        assessment=assess(totals, plan_goals(goals), indicator.desired_direction),
    )


@dataclass
class ActionIndicatorSummary:
    link: ActionIndicator
    summary: IndicatorSummary
    # Share of the way from the first value to the last goal, for an indicator that
    # measures the action's progress.
    completion: float | None = None


def action_indicators(action: Action) -> list[ActionIndicatorSummary]:
    """The public indicators linked to the action, with recent values for a small chart
    and, where one measures the action, its completion. 3–4 queries."""
    own = IndicatorValue.objects.totals().filter(indicator_id=OuterRef("indicator_id"))
    links = list(
        ActionIndicator.objects.filter(action=action, indicator__visibility="public")
        .select_related("indicator")
        # Each indicator's latest date and first value come with its link (indexed).
        .annotate(
            latest=Subquery(own.order_by("-date").values("date")[:1]),
            baseline=Subquery(own.order_by("date").values("value")[:1]),
        )
        .order_by("-indicates_progress", "indicator__sort_key", "pk")
    )
    if not links:
        return []
    found = summaries(
        [link.indicator for link in links],
        years=SMALL_CHART_YEARS,
        latest={link.indicator_id: link.latest for link in links},
        goals=plan_indicator_goals(action.plan),
    )
    baselines = {
        link.indicator_id: link.baseline
        for link in links
        if link.indicates_progress and link.baseline is not None
    }
    result = []
    for link, summary in zip(links, found, strict=True):
        completion = None
        goals = plan_goals(summary.goals)
        if link.indicates_progress and summary.latest and goals and link.indicator_id in baselines:
            completion = share_of_way_to_goal(
                baselines[link.indicator_id], summary.latest.value, goals[-1].value
            )
        result.append(ActionIndicatorSummary(link, summary, completion))
    return result


def insight_network(plan: Plan) -> network.Network:
    """The plan's public indicators and the public actions linked to them, with their
    causal links. 3 queries."""
    indicators = list(public_indicators(plan).only("id", "identifier", "level", *_name_columns()))
    nodes = [
        network.Node(
            key=f"indicator:{i.pk}",
            kind=i.level,
            label=str(i.name),
            url=i.get_absolute_url(),
            lang=i.name.lang,
            identifier=i.identifier,
        )
        for i in indicators
    ]
    ids = [i.pk for i in indicators]
    edges = [
        network.Edge(f"indicator:{cause}", f"indicator:{effect}", kind, confidence)
        for cause, effect, kind, confidence in IndicatorRelation.objects.filter(
            cause_id__in=ids, effect_indicator_id__in=ids
        ).values_list("cause_id", "effect_indicator_id", "effect", "confidence")
    ]
    links = ActionIndicator.objects.filter(
        indicator_id__in=ids, action__in=Action.objects.for_plan(plan).public()
    ).select_related("action")
    seen_actions = set()
    for link in links:
        action = link.action
        if action.pk not in seen_actions:
            seen_actions.add(action.pk)
            nodes.append(
                network.Node(
                    key=f"action:{action.pk}",
                    kind="action",
                    label=f"{action.identifier} {action.name}",
                    url=action.get_absolute_url(),
                    lang=action.name.lang,
                    identifier=action.identifier,
                )
            )
        edges.append(
            network.Edge(f"action:{action.pk}", f"indicator:{link.indicator_id}", link.effect)
        )
    return network.build(nodes, edges)


def _name_columns() -> list[str]:
    return [column_name("name", code) for code in language_codes()]
