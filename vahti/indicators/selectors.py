"""Every read of indicators for the public face. Each function issues a fixed number of
queries whatever the number of indicators or values; tests assert the counts."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import F, Max, OuterRef, Prefetch, Q, QuerySet, Subquery, Window
from django.db.models.functions import RowNumber

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
from vahti.indicators.trajectory import (
    MIN_POINTS,
    TREND_YEARS,
    Assessment,
    Point,
    assess,
    share_of_way_to_goal,
)
from vahti.plans.changes import kept_for_version
from vahti.plans.models import Category, Plan

# How far back the small charts on the action page and the list reach.
SMALL_CHART_YEARS = 10


def public_indicators(plan: Plan) -> QuerySet[Indicator]:
    return Indicator.objects.for_plan(plan).public()


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def recent_series(
    indicator_ids: Sequence[int], years: int, latest: dict[int, datetime.date] | None = None
) -> dict[int, list[Point]]:
    """Each indicator's own values (not their breakdown) of the last ``years`` years
    before its latest value, at least its latest ``MIN_POINTS``, oldest first.
    Two queries, three when a series is too sparse for its window; one fewer when the
    caller knows each one's ``latest`` date (``latest_date``)."""
    if not indicator_ids:
        return {}
    totals = IndicatorValue.objects.totals().filter(indicator_id__in=indicator_ids)
    if latest is None:
        latest = dict(
            totals.values("indicator_id")
            .annotate(latest=Max("date"))
            .values_list("indicator_id", "latest")
        )
    latest = {pk: day for pk, day in latest.items() if day is not None}
    if not latest:
        return {}
    window = Q()
    for indicator_id, day in latest.items():
        window |= Q(indicator_id=indicator_id, date__gte=_years_before(day, years))
    series: dict[int, list[Point]] = {}
    for indicator_id, day, value in (
        totals.filter(window).order_by("date").values_list("indicator_id", "date", "value")
    ):
        series.setdefault(indicator_id, []).append(Point(day, value))
    sparse = [pk for pk in latest if len(series.get(pk, ())) < MIN_POINTS]
    if sparse:
        last = (
            totals.filter(indicator_id__in=sparse)
            .annotate(
                position=Window(
                    RowNumber(), partition_by=[F("indicator_id")], order_by=F("date").desc()
                )
            )
            .filter(position__lte=MIN_POINTS)
            .values_list("indicator_id", "date", "value")
        )
        refilled: dict[int, list[Point]] = {}
        for indicator_id, day, value in last:
            refilled.setdefault(indicator_id, []).append(Point(day, value))
        for indicator_id, points in refilled.items():
            series[indicator_id] = sorted(points, key=lambda p: p.date)
    return series


def goals_by_indicator(indicator_ids: Iterable[int]) -> dict[int, list[IndicatorGoal]]:
    """The goals of each indicator, scenario-less ones (the plan's own) first. 1 query."""
    found: dict[int, list[IndicatorGoal]] = {}
    for goal in IndicatorGoal.objects.filter(indicator_id__in=list(indicator_ids)).select_related(
        "scenario"
    ):
        found.setdefault(goal.indicator_id, []).append(goal)
    return found


def plan_indicator_goals(plan) -> dict[int, list[IndicatorGoal]]:
    """The goals of each of the plan's indicators, kept per data version: every action
    page with indicators reads them without a query."""
    return kept_for_version(
        plan,
        "indicator-goals",
        lambda: goals_by_indicator(
            Indicator.objects.filter(plan_id=plan.pk).values_list("pk", flat=True)
        ),
    )


def plan_goals(goals: Sequence[IndicatorGoal]) -> list[Point]:
    """The goals progress is assessed against: those without a scenario; where every goal
    belongs to a scenario, those of the first scenario."""
    own = [g for g in goals if g.scenario_id is None]
    if not own and goals:
        first = min(goals, key=lambda g: (g.scenario.order, g.scenario_id)).scenario_id
        own = [g for g in goals if g.scenario_id == first]
    return sorted((Point(g.date, g.value) for g in own), key=lambda p: p.date)


@dataclass
class IndicatorSummary:
    """An indicator with what a row of the list (or the action page) shows of it."""

    indicator: Indicator
    series: list[Point]
    goals: list[IndicatorGoal]
    assessment: Assessment

    @property
    def latest(self) -> Point | None:
        return self.series[-1] if self.series else None


def summaries(
    indicators: Sequence[Indicator],
    years: int = TREND_YEARS,
    latest: dict[int, datetime.date] | None = None,
    goals: dict[int, list[IndicatorGoal]] | None = None,
) -> list[IndicatorSummary]:
    ids = [indicator.pk for indicator in indicators]
    series = recent_series(ids, years, latest)
    if goals is None:
        goals = goals_by_indicator(ids)
    found = []
    for indicator in indicators:
        points = series.get(indicator.pk, [])
        own_goals = goals.get(indicator.pk, [])
        found.append(
            IndicatorSummary(
                indicator=indicator,
                series=points,
                goals=own_goals,
                assessment=assess(points, plan_goals(own_goals), indicator.desired_direction),
            )
        )
    return found


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


def indicators_for_data(indicators: QuerySet[Indicator], *, values: bool) -> QuerySet[Indicator]:
    """``indicators`` (public ones) with their goals, links to actions (public or not:
    check ``link.action``) and to public indicators, and with ``values`` all their
    values: the API, the plan document and the downloads. Six queries (seven with
    values) for any number of indicators."""
    prefetches = [
        Prefetch("categories", queryset=Category.objects.select_related("type")),
        Prefetch("goals", queryset=IndicatorGoal.objects.select_related("scenario")),
        # Every link: whether the action is public is for the caller to check (as a
        # condition here, SQLite's planner walks every action of every plan).
        Prefetch(
            "action_links",
            queryset=ActionIndicator.objects.select_related("action").order_by("sort_order", "pk"),
        ),
        Prefetch(
            "effect_links",
            queryset=IndicatorRelation.objects.filter(
                effect_indicator__visibility=Indicator.Visibility.PUBLIC
            )
            .select_related("effect_indicator")
            .order_by("sort_order", "pk"),
        ),
    ]
    if values:
        prefetches.append(
            Prefetch(
                "values",
                queryset=IndicatorValue.objects.select_related("category__dimension").order_by(
                    "date", "category__dimension__order", "category__order", "pk"
                ),
            )
        )
    return indicators.select_related("organization").prefetch_related(*prefetches)


def latest_values(indicator_ids: Sequence[int]) -> dict[int, IndicatorValue]:
    """Each indicator's latest own value (not a breakdown). One query."""
    if not indicator_ids:
        return {}
    rows = (
        IndicatorValue.objects.totals()
        .filter(indicator_id__in=indicator_ids)
        .annotate(
            rank=Window(RowNumber(), partition_by=[F("indicator_id")], order_by=F("date").desc())
        )
        .filter(rank=1)
    )
    return {row.indicator_id: row for row in rows}
