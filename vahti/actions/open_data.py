"""Published actions as the open data gives them: the API, the plan document and the
downloads. Read as plain rows, without building model instances, in a fixed number of
queries for any number of actions; tests assert the counts."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from vahti.actions.models import (
    Action,
    ActionFieldValue,
    ContactPerson,
    NewsPost,
    ResponsibleParty,
    Task,
)
from vahti.core.i18n import column_name, language_codes

ESTIMATE_COLUMNS = (
    "emission_reduction_estimate",
    "energy_savings_estimate",
    "renewable_production_estimate",
    "estimate_year",
)
TEXT_FIELDS = (
    "name",
    "lead",
    "description",
    "official_name",
    "official_description",
    "official_description_source",
)


@dataclass
class ActionData:
    """One public action as the open data gives it: plain values, the texts by column
    (``name_fi`` …), the related things by identifier."""

    row: dict
    categories: list[tuple[str, str]] = field(default_factory=list)  # (type, identifier)
    schedules: list[str] = field(default_factory=list)
    tasks: list[dict] = field(default_factory=list)
    parties: list[tuple[str, str]] = field(default_factory=list)  # (organisation, role)
    contacts: list[dict] = field(default_factory=list)
    related: dict[int, tuple[str, str]] = field(default_factory=dict)  # pk: (sort key, id)
    field_values: list[dict] = field(default_factory=list)  # rows of its public fields


def actions_for_data(actions: QuerySet[Action]) -> list[ActionData]:
    """``actions`` (public ones, perhaps a page of them) with everything the open data
    gives of each: the API, the plan document. Read as plain rows, without building
    model instances, in eight queries for any number of actions."""
    text_columns = [column_name(name, code) for name in TEXT_FIELDS for code in language_codes()]
    rows = list(
        actions.values(
            "id",
            "identifier",
            *text_columns,
            "status__identifier",
            "status__is_completed",
            "implementation_phase__identifier",
            "impact__identifier",
            "start_date",
            "end_date",
            "schedule_continuous",
            "updated_at",
            *ESTIMATE_COLUMNS,
            *[column_name("estimate_method", code) for code in language_codes()],
        )
    )
    found = {row["id"]: ActionData(row) for row in rows}
    if not found:
        return []
    ids = list(found)
    _add_categories_and_schedules(found, ids)
    _add_tasks(found, ids)
    _add_people(found, ids)
    _add_related(found, ids)
    _add_field_values(found, ids)
    return [found[row["id"]] for row in rows]


def _add_field_values(found: dict[int, ActionData], ids: list[int]) -> None:
    """Each action's values of the plan's public fields, in the fields' order, as rows
    (``field__identifier``, ``field__kind``, the value's columns). 1 query."""
    texts = [
        column_name(prefix, code)
        for prefix in ("text", "rich_text", "option__name", "category__name")
        for code in language_codes()
    ]
    values = (
        ActionFieldValue.objects.filter(action_id__in=ids, field__is_public=True)
        .order_by("field__order", "field_id")
        .values(
            "action_id",
            "field__identifier",
            "field__kind",
            "number",
            "date",
            "yes_no",
            "option__identifier",
            "category__identifier",
            *texts,
        )
    )
    for value in values:
        found[value["action_id"]].field_values.append(value)


def _add_categories_and_schedules(found: dict[int, ActionData], ids: list[int]) -> None:
    """Each action's categories and timeframes by identifier, in their order. 2 queries."""
    links = Action.categories.through.objects.filter(action_id__in=ids).order_by(
        "category__type__order", "category__type_id", "category__order", "category_id"
    )
    for action_id, type_identifier, identifier in links.values_list(
        "action_id", "category__type__identifier", "category__identifier"
    ):
        found[action_id].categories.append((type_identifier, identifier))
    timeframes = Action.schedules.through.objects.filter(action_id__in=ids).order_by(
        "actionschedule__order", "actionschedule_id"
    )
    for action_id, identifier in timeframes.values_list("action_id", "actionschedule__identifier"):
        found[action_id].schedules.append(identifier)


def _add_tasks(found: dict[int, ActionData], ids: list[int]) -> None:
    """Each action's tasks by due date. 1 query."""
    task_columns = [
        column_name(name, code) for name in ("name", "comment") for code in language_codes()
    ]
    for task in (
        Task.objects.filter(action_id__in=ids)
        .order_by("due_at", "sort_order", "pk")
        .values("action_id", *task_columns, "state", "due_at", "completed_at")
    ):
        found[task["action_id"]].tasks.append(task)


def _add_people(found: dict[int, ActionData], ids: list[int]) -> None:
    """Each action's responsible parties and contact persons, in the editor's order.
    2 queries."""
    for action_id, organization, role in (
        ResponsibleParty.objects.filter(action_id__in=ids)
        .order_by("sort_order", "pk")
        .values_list("action_id", "organization__identifier", "role")
    ):
        found[action_id].parties.append((organization, role))
    title_columns = [f"person__{column_name('title', code)}" for code in language_codes()]
    for contact in (
        ContactPerson.objects.filter(action_id__in=ids)
        .order_by("sort_order", "pk")
        .values(
            "action_id",
            "role",
            "person__first_name",
            "person__last_name",
            "person__organization__identifier",
            *title_columns,
        )
    ):
        found[contact["action_id"]].contacts.append(contact)


def _add_related(found: dict[int, ActionData], ids: list[int]) -> None:
    """Related actions both ways, the other end public. 2 queries."""
    # Whether the other end is public is checked here rather than in SQL: given
    # conditions on the other end, SQLite's planner walks every action of every plan
    # instead of the few links of these.
    related = Action.related_actions.through.objects
    for own_side, other_side in (("from_action", "to_action"), ("to_action", "from_action")):
        for own, other, sort_key, identifier, live, visibility, merged in related.filter(
            **{f"{own_side}_id__in": ids}
        ).values_list(
            f"{own_side}_id",
            f"{other_side}_id",
            f"{other_side}__sort_key",
            f"{other_side}__identifier",
            f"{other_side}__live",
            f"{other_side}__visibility",
            f"{other_side}__merged_with_id",
        ):
            if live and visibility == Action.Visibility.PUBLIC and merged is None:
                found[own].related[other] = (sort_key, identifier)


def news_for_data(actions: QuerySet[Action]) -> QuerySet[NewsPost]:
    """The news posts of ``actions``, newest first, as their action pages show them."""
    return (
        NewsPost.objects.filter(action__in=actions)
        .select_related("action", "author")
        .order_by("-published_on", "-pk")
    )
