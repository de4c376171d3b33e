"""Factories for tests. Actions are made through the real service, so tests see actions
exactly as the site and the editors make them (published, with a revision)."""

from __future__ import annotations

import datetime

import factory

from vahti.actions.services import action_create
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


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    identifier = factory.Sequence(lambda n: f"plan{n}")
    name_fi = factory.Sequence(lambda n: f"Suunnitelma {n}")
    name_en = factory.Sequence(lambda n: f"Plan {n}")
    primary_language = "fi"
    other_languages = factory.LazyFunction(lambda: ["sv", "en"])
    time_zone = "Europe/Helsinki"


class ActionStatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionStatus

    plan = factory.SubFactory(PlanFactory)
    identifier = factory.Sequence(lambda n: f"status{n}")
    name_fi = "Ajallaan"
    name_sv = "I tid"
    name_en = "On time"
    sentiment = ActionStatus.Sentiment.POSITIVE


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionImplementationPhase

    plan = factory.SubFactory(PlanFactory)
    identifier = factory.Sequence(lambda n: f"phase{n}")
    name_fi = "Toteutus"
    name_en = "Implementation"


class ImpactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionImpact

    plan = factory.SubFactory(PlanFactory)
    identifier = factory.Sequence(lambda n: f"impact{n}")
    name_fi = "Merkittävä"
    name_en = "Significant"


class ScheduleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionSchedule

    plan = factory.SubFactory(PlanFactory)
    identifier = factory.Sequence(lambda n: f"schedule{n}")
    name_fi = "2020–2022"
    begins_at = datetime.date(2020, 1, 1)
    ends_at = datetime.date(2022, 12, 31)


class CategoryTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CategoryType

    plan = factory.SubFactory(PlanFactory)
    identifier = factory.Sequence(lambda n: f"type{n}")
    name_fi = "Teema"
    is_primary = True


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    type = factory.SubFactory(CategoryTypeFactory)
    plan = factory.SelfAttribute("type.plan")
    identifier = factory.Sequence(lambda n: f"category{n}")
    name_fi = factory.Sequence(lambda n: f"Teema {n}")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    plan = factory.SubFactory(PlanFactory)
    identifier = factory.Sequence(lambda n: f"org{n}")
    name_fi = factory.Sequence(lambda n: f"Osasto {n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    plan = factory.SubFactory(PlanFactory)
    first_name = factory.Sequence(lambda n: f"Etu{n}")
    last_name = factory.Sequence(lambda n: f"Suku{n}")
    title_fi = "asiantuntija"


def make_action(plan: Plan, identifier: str, **data):
    data.setdefault("name_fi", f"Toimenpide {identifier}")
    return action_create(plan=plan, identifier=identifier, **data)


def task(
    name: str,
    state: str = "not_started",
    due: datetime.date | None = None,
    completed: datetime.date | None = None,
    **extra,
) -> dict:
    return {
        "name_fi": name,
        "state": state,
        "due_at": due or datetime.date(2030, 1, 1),
        "completed_at": completed,
        **extra,
    }


def make_indicator(plan: Plan, identifier: str, values=(), goals=(), **data):
    """An indicator made through the services: ``values`` are (year, value) pairs of a
    yearly indicator unless ``time_resolution`` says otherwise; goals likewise."""
    from vahti.indicators import periods
    from vahti.indicators.services import indicator_upsert, indicator_values_save
    from vahti.indicators.value_rows import ValueRow

    data.setdefault("name_fi", f"Mittari {identifier}")
    data.setdefault("unit_fi", "kt")
    resolution = data.setdefault("time_resolution", "year")

    def day(period):
        return periods.parse_period(str(period), resolution)

    indicator, _changed = indicator_upsert(
        plan, identifier, goals=[(day(p), v, *rest) for p, v, *rest in goals], **data
    )
    if values:
        indicator_values_save(indicator, [ValueRow(day(p), float(v)) for p, v in values])
    return indicator
