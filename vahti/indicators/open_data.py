"""Public indicators as the open data gives them: the API, the plan document and the
downloads. A fixed number of queries for any number of indicators; tests assert the
counts."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import F, Prefetch, QuerySet, Window
from django.db.models.functions import RowNumber

from vahti.indicators.models import (
    ActionIndicator,
    Indicator,
    IndicatorGoal,
    IndicatorRelation,
    IndicatorValue,
)
from vahti.plans.models import Category


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
