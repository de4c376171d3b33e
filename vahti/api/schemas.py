"""What the API gives, as pydantic models: the OpenAPI document and the plan document's
JSON Schema are generated from these, and every answer is checked against them.

Texts are given in every language the plan is published in that has the text, as
``{"fi": "…", "sv": "…"}``; rich text is sanitised HTML. Other objects are named by
their identifiers, which are stable; database ids are never exposed.
"""

from __future__ import annotations

import datetime

from pydantic import BaseModel, Field, StrictBool, StrictFloat, StrictInt, StrictStr


class Schema(BaseModel):
    """Plain pydantic models: the answers are built as dicts, so ninja's Schema (which
    also reads Django model instances, attribute by attribute) would only slow them."""


Texts = dict[str, str]

TEXTS = "The text in each of the plan's languages that has it, by language code."
HTML = "Sanitised HTML, by language code."


class Problem(Schema):
    detail: str = Field(description="What is wrong, in words.")
    errors: list[ParameterProblem] = Field(
        default_factory=list, description="Each bad parameter or field, when there are any."
    )


class ParameterProblem(Schema):
    parameter: str
    message: str


Problem.model_rebuild()


class Status(Schema):
    identifier: str
    name: Texts = Field(description=TEXTS)
    is_completed: bool
    color: str
    sentiment: str
    order: int


class Phase(Schema):
    identifier: str
    name: Texts = Field(description=TEXTS)
    color: str
    order: int


class Impact(Schema):
    identifier: str
    name: Texts = Field(description=TEXTS)
    is_estimate: bool
    order: int


class Schedule(Schema):
    identifier: str
    name: Texts = Field(description=TEXTS)
    begins_at: datetime.date | None
    ends_at: datetime.date | None
    order: int


class CategoryType(Schema):
    identifier: str
    name: Texts = Field(description=TEXTS)
    is_primary: bool
    order: int


class FieldOption(Schema):
    identifier: str
    name: Texts = Field(description=TEXTS)
    order: int


class ActionFieldDefinition(Schema):
    """One of the plan's own public action fields; actions give their values by its
    identifier."""

    identifier: str
    kind: str = Field(
        description=(
            "text, rich_text, number, date, yes_no, choice, ordered_choice (its options' "
            "order is a scale) or category."
        )
    )
    name: Texts = Field(description=TEXTS)
    help_text: Texts = Field(description=TEXTS)
    unit: Texts = Field(description="A number's unit, e.g. €. " + TEXTS)
    category_type: str | None = Field(
        description="For a category field: the category type it takes its values from."
    )
    order: int
    is_required: bool
    options: list[FieldOption] = Field(description="A choice field's options, in order.")


class Plan(Schema):
    identifier: str
    name: Texts = Field(description=TEXTS)
    short_name: Texts = Field(description=TEXTS)
    intro: Texts = Field(description=HTML)
    primary_language: str
    languages: list[str] = Field(description="The plan's languages, primary first.")
    time_zone: str
    url: str = Field(description="The plan's public site.")
    data_changed_at: datetime.datetime = Field(
        description="When anything in the plan's data last changed."
    )
    statuses: list[Status]
    implementation_phases: list[Phase]
    impacts: list[Impact]
    schedules: list[Schedule]
    category_types: list[CategoryType]
    fields: list[ActionFieldDefinition] = Field(
        description="The plan's own public action fields, in their order."
    )


class Category(Schema):
    type: str = Field(description="The category type's identifier.")
    identifier: str
    name: Texts = Field(description=TEXTS)
    lead: Texts = Field(description=TEXTS)
    color: str
    parent: str | None = Field(description="The parent category's identifier (same type).")
    order: int


class CategoryRef(Schema):
    type: str
    identifier: str


class Organization(Schema):
    identifier: str
    name: Texts = Field(description=TEXTS)
    abbreviation: Texts = Field(description=TEXTS)
    parent: str | None = Field(description="The parent organisation's identifier.")
    order: int


class Responsibility(Schema):
    organization: str = Field(description="The organisation's identifier.")
    role: str = Field(description="primary or collaborator.")


class ContactPerson(Schema):
    first_name: str
    last_name: str
    title: Texts = Field(description=TEXTS)
    organization: str | None = Field(description="The person's organisation's identifier.")
    role: str = Field(description="contact, editor or moderator.")


class Task(Schema):
    name: Texts = Field(description=TEXTS)
    state: str = Field(description="not_started, in_progress, completed or cancelled.")
    due_at: datetime.date
    completed_at: datetime.date | None = Field(description="When it was completed (or cancelled).")
    comment: Texts = Field(description=HTML)


class LateReason(Schema):
    kind: str = Field(description="task (an open task is past its due date) or not_updated.")
    date: datetime.date = Field(
        description="The late task's due date, or the day the action was last updated."
    )
    task: Texts | None = Field(description="The late task's name (" + TEXTS + ")")
    text: Texts = Field(description="The reason in words, in each of the plan's languages.")


class Lateness(Schema):
    is_late: bool
    reasons: list[LateReason] = Field(description="Why it is late, late tasks first.")


class ChoiceValue(Schema):
    identifier: str = Field(description="The option's (or category's) identifier.")
    name: Texts = Field(description=TEXTS)


FieldValue = StrictBool | StrictInt | StrictFloat | datetime.date | ChoiceValue | Texts


class Estimates(Schema):
    """Estimates, never measurements: what the action is expected to achieve a year."""

    emission_reduction: StrictInt | StrictFloat | None = Field(
        description="Estimated yearly emission reduction, t CO₂e/a."
    )
    energy_savings: StrictInt | StrictFloat | None = Field(
        description="Estimated yearly energy savings, MWh/a."
    )
    renewable_production: StrictInt | StrictFloat | None = Field(
        description="Estimated yearly renewable energy production, MWh/a."
    )
    year: int | None = Field(description="The year the estimates refer to.")
    method: Texts = Field(description="How they were made or where they come from. " + TEXTS)


class Action(Schema):
    identifier: str
    url: str = Field(description="The action's public page.")
    name: Texts = Field(description=TEXTS)
    lead: Texts = Field(description=TEXTS)
    description: Texts = Field(description=HTML)
    official_name: Texts = Field(description=TEXTS)
    official_description: Texts = Field(description=HTML)
    official_description_source: Texts = Field(description=TEXTS)
    status: str | None = Field(description="The status's identifier (see the plan).")
    implementation_phase: str | None
    impact: str | None
    schedules: list[str] = Field(description="Identifiers of the plan's timeframes.")
    start_date: datetime.date | None
    end_date: datetime.date | None
    schedule_continuous: bool
    categories: list[CategoryRef]
    responsible_organizations: list[Responsibility]
    contact_persons: list[ContactPerson]
    tasks: list[Task]
    related_actions: list[str] = Field(description="Identifiers of related public actions.")
    updated_at: datetime.datetime = Field(
        description="When a change to the action was last published."
    )
    late: Lateness | None = Field(
        description=(
            "Whether the action is late by its tasks' due dates and the plan's update "
            "limit, whatever its status says; null when the plan does not derive lateness."
        )
    )
    fields: dict[str, FieldValue] = Field(
        description=(
            "The action's values of the plan's public fields, by field identifier: a "
            "number, a date (ISO), true or false (yes/no), {identifier, name} (a choice or "
            "a category), or the text by language code (text; rich text as sanitised HTML)."
        )
    )
    estimates: Estimates | None = Field(
        description="The action's estimated yearly effects; null when it has none."
    )


class NewsPost(Schema):
    action: str = Field(description="The action's identifier.")
    title: Texts = Field(description=TEXTS)
    published_on: datetime.date
    author: str | None = Field(description="The author's name.")
    body: Texts = Field(description=HTML)


class Goal(Schema):
    date: datetime.date
    value: float
    scenario: str | None = Field(description="The scenario's identifier.")


class Value(Schema):
    date: datetime.date = Field(description="The last day of the value's period.")
    value: float
    dimension: str | None = Field(description="For a breakdown: the dimension's identifier.")
    category: str | None = Field(description="For a breakdown: the category's identifier.")


class ActionLink(Schema):
    action: str = Field(description="The action's identifier.")
    effect: str = Field(description="increases or decreases.")
    indicates_progress: bool


class IndicatorLink(Schema):
    indicator: str = Field(description="The affected indicator's identifier.")
    effect: str = Field(description="increases, decreases or part_of.")
    confidence: str


class Indicator(Schema):
    identifier: str
    url: str = Field(description="The indicator's public page.")
    name: Texts = Field(description=TEXTS)
    description: Texts = Field(description=HTML)
    level: str
    unit: Texts = Field(description=TEXTS)
    quantity: Texts = Field(description=TEXTS)
    time_resolution: str = Field(description="year, month or day.")
    desired_direction: str = Field(description="decrease, increase or empty (from the goals).")
    is_emission_goal: bool = Field(description="The plan's emission goal (estimates beside it).")
    minimum_value: float | None
    maximum_value: float | None
    decimals: int
    organization: str | None
    categories: list[CategoryRef]
    data_source: Texts = Field(description=TEXTS)
    data_source_url: str
    licence: str
    goals: list[Goal]
    actions: list[ActionLink]
    effects: list[IndicatorLink]
    latest_value: Value | None = None
    updated_at: datetime.datetime


class IndicatorWithValues(Indicator):
    values: list[Value]


class Page(Schema):
    count: int = Field(description="How many there are in all.")
    next: str | None = Field(description="The next page's address.")
    previous: str | None = Field(description="The previous page's address.")


class ActionPage(Page):
    results: list[Action]


class NewsPage(Page):
    results: list[NewsPost]


class PlanDocument(Schema):
    """The whole public plan in one document."""

    schema_version: str = Field(description="The version of this document's format.")
    plan: Plan
    categories: list[Category]
    organizations: list[Organization]
    actions: list[Action]
    news_posts: list[NewsPost]
    indicators: list[IndicatorWithValues]


# Writes: an indicator's values and goals, posted by a data feed with an API token.

PERIOD = (
    "The period, by the indicator's time resolution: a year (2023), a month (2023-05) or "
    "the period's last day (2023-12-31)."
)


class ValueIn(Schema):
    date: str = Field(max_length=40, description=PERIOD)
    # Strict: JSON true is not the number 1.
    value: StrictFloat | StrictStr = Field(
        description="A number; as text also in the Finnish way (2 630,5)."
    )
    dimension: str = Field(
        "", max_length=100, description="With `category`: the breakdown the value is of."
    )
    category: str = Field("", max_length=100, description="The dimension's category.")


class ValuesIn(Schema):
    values: list[ValueIn] = Field(
        max_length=20_000, description="At most 20,000 a request: post a longer series in parts."
    )
    dry_run: bool = Field(
        False, description="Check and count only: nothing is saved and nothing is logged."
    )


class ValuesSaved(Schema):
    indicator: str
    dry_run: bool
    created: int
    updated: int
    deleted: int
    unchanged: int


class GoalIn(Schema):
    date: str = Field(max_length=40, description=PERIOD)
    value: StrictFloat | StrictStr
    scenario: str | None = Field(
        None, max_length=100, description="A scenario's identifier; none for the plan's goal."
    )


class GoalsIn(Schema):
    goals: list[GoalIn] = Field(max_length=1000)
    dry_run: bool = Field(False, description="Check only: nothing is saved.")


class GoalsSaved(Schema):
    indicator: str
    dry_run: bool
    changed: bool
    goals: int
