"""Every read of published actions for the public face. Each function issues a fixed
number of queries whatever the size of the plan; tests assert the counts."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    Prefetch,
    Q,
    QuerySet,
    Value,
)
from django.urls import reverse
from django.utils import timezone
from django.utils.http import quote
from wagtail.images import get_image_model

from vahti.actions.mentions import find_mentioned_identifiers
from vahti.actions.models import Action, ContactPerson, NewsPost, ResponsibleParty, Task
from vahti.actions.page_lists import attach_categories_and_schedules
from vahti.core.i18n import active_language, column_name, language_codes, pick_translation
from vahti.plans.models import (
    ActionImplementationPhase,
    ActionStatus,
    Category,
    Plan,
)
from vahti.plans.selectors import primary_category_type


def public_actions(plan: Plan) -> QuerySet[Action]:
    return Action.objects.for_plan(plan).public()


@dataclass(frozen=True, slots=True)
class ActionCard:
    """One action as the action list shows it. Built from plain rows: a list of thousands
    of actions spends its time in rendering, so the cards carry exactly what the template
    prints, with the language of each text already decided (``*_lang`` is set only when a
    text is a fallback in another language than the page's)."""

    pk: int
    identifier: str
    url: str
    name: str
    name_lang: str | None
    status: ActionStatus | None
    phase: ActionImplementationPhase | None
    category_ids: tuple[int, ...]


def action_cards(plan: Plan, actions: QuerySet[Action] | None = None) -> list[ActionCard]:
    """The plan's public actions (or those of ``actions``, a filtered set of them) in
    natural order, as cards. 4 queries."""
    language, primary = active_language(), plan.primary_language
    statuses = {s.pk: s for s in ActionStatus.objects.filter(plan=plan)}
    phases = {p.pk: p for p in ActionImplementationPhase.objects.filter(plan=plan)}
    actions = (public_actions(plan) if actions is None else actions).in_natural_order()
    links: dict[int, list[int]] = {}
    for action_id, category_id in Action.categories.through.objects.filter(
        action__in=actions
    ).values_list("action_id", "category_id"):
        links.setdefault(action_id, []).append(category_id)
    url_pattern = reverse("site:action-detail", kwargs={"identifier": "IDENTIFIER"})
    name_columns = _columns("name")
    cards = []
    for row in actions.values(
        "id", "identifier", "status_id", "implementation_phase_id", *name_columns
    ):
        name = pick_translation(
            {column.rsplit("_", 1)[1]: row[column] for column in name_columns}, language, primary
        )
        cards.append(
            ActionCard(
                pk=row["id"],
                identifier=row["identifier"],
                url=url_pattern.replace("IDENTIFIER", quote(row["identifier"], safe="")),
                name=name,
                name_lang=name.lang if name.lang != language else None,
                status=statuses.get(row["status_id"]),
                phase=phases.get(row["implementation_phase_id"]),
                category_ids=tuple(links.get(row["id"], ())),
            )
        )
    return cards


def _columns(field_name: str) -> list[str]:
    return [column_name(field_name, code) for code in language_codes()]


# The size contact persons' photos are shown in on the action page.
PHOTO_FILTER = "fill-96x96"


def action_for_site(plan: Plan, identifier: str) -> Action:
    """The published public action with this identifier, with everything its page shows.

    Raises ``Action.DoesNotExist`` for unknown, unpublished and internal actions. A
    merged action is returned too: its page redirects to the action it was merged into.
    """
    action = (
        Action.objects.for_plan(plan)
        .visible_on_site()
        .select_related("status", "implementation_phase", "impact", "merged_with")
        .prefetch_related(
            Prefetch("tasks", queryset=Task.objects.order_by("due_at", "sort_order", "pk")),
            Prefetch(
                "responsible_parties",
                queryset=ResponsibleParty.objects.select_related("organization").order_by(
                    "sort_order", "pk"
                ),
            ),
            Prefetch(
                "contact_persons",
                queryset=ContactPerson.objects.select_related(
                    "person", "person__organization", "person__photo"
                ).order_by("sort_order", "pk"),
            ),
            # The photos come with their people; their thumbnails in one more query
            # (as ``prefetch_renditions`` would, where Wagtail looks for them).
            Prefetch(
                "contact_persons__person__photo__renditions",
                queryset=get_image_model()
                .get_rendition_model()
                .objects.filter(filter_spec=PHOTO_FILTER),
                to_attr="prefetched_renditions",
            ),
            Prefetch("news_posts", queryset=NewsPost.objects.select_related("author")),
        )
        .identified_by(identifier)
        .get()
    )
    action.plan = plan  # known already: saves a query wherever the page reads it
    if action.merged_with_id is None:
        attach_categories_and_schedules(action)
        mentioned = mentioned_identifiers(page_texts(action), exclude=action)
        action.site_links = site_links(action, mentioned)
    return action


@dataclass
class Neighbours:
    previous: Action | None
    next: Action | None


def _neighbours(action: Action) -> tuple[QuerySet, QuerySet]:
    """The ids of the previous and the next public action in the plan's natural order,
    each an indexed look-up of one row (``action_plan_sort_key``), as subqueries."""
    siblings = public_actions(action.plan)
    key, pk = action.sort_key, action.pk or 0
    # Identifiers such as "01" and "1" share a sort key; the primary key breaks the tie.
    # The range on the sort key alone is what lets the index start at the action.
    previous = siblings.filter(Q(sort_key__lt=key) | Q(sort_key=key, pk__lt=pk), sort_key__lte=key)
    following = siblings.filter(Q(sort_key__gt=key) | Q(sort_key=key, pk__gt=pk), sort_key__gte=key)
    return (
        previous.order_by("-sort_key", "-pk").values("pk")[:1],
        following.order_by("sort_key", "pk").values("pk")[:1],
    )


def action_neighbours(action: Action) -> Neighbours:
    """The previous and next public action in the plan's natural order. One query."""
    previous, following = _neighbours(action)
    found = Neighbours(previous=None, next=None)
    # Each sliced look-up in a select of its own (a compound's parts cannot be sliced).
    either = (
        Action.objects.filter(pk__in=previous)
        .values("pk")
        .order_by()
        .union(Action.objects.filter(pk__in=following).values("pk").order_by(), all=True)
    )
    others = (
        Action.objects.filter(pk__in=either)
        .only("id", "identifier", "sort_key", "plan_id", *_columns("name"))
        .annotate(is_previous=ExpressionWrapper(Q(pk__in=previous), output_field=BooleanField()))
    )
    for other in others:
        # Placed by the database's order (see site_links), not compared in Python.
        if other.is_previous:
            found.previous = other
        else:
            found.next = other
    return found


@dataclass
class SiteLinks:
    related: list[Action]  # public, both ways (A lists B: both pages show the link)
    merged: list[Action]  # published and public actions merged into this one
    neighbours: Neighbours
    mentions: dict[str, Action] = field(default_factory=dict)  # as ``mentioned_actions``


def site_links(action: Action, mentioned: set[str] = frozenset()) -> SiteLinks:
    """The action's related actions, the actions merged into it, its neighbours and the
    public actions ``mentioned`` (lower-cased identifiers) in its texts, in one query (the
    published action's; a preview reads its draft's related actions with
    ``related_actions``).

    The actions wanted are found as ``pk IN (<one small select> UNION ALL …)``: each
    part an indexed look-up, the actions then read by primary key. (An OR of the parts
    has the databases test every action: PostgreSQL scans the table.)"""
    through = Action.related_actions.through.objects
    related_parts = [
        through.filter(from_action_id=action.pk).values("to_action_id"),
        through.filter(to_action_id=action.pk).values("from_action_id"),
    ]
    related = Q(pk__in=related_parts[0]) | Q(pk__in=related_parts[1])
    previous, following = _neighbours(action)
    parts = [
        *related_parts,
        # Sliced, each in a select of its own: a compound's parts cannot be.
        Action.objects.filter(pk__in=previous).values("pk"),
        Action.objects.filter(pk__in=following).values("pk"),
        Action.objects.filter(merged_with_id=action.pk).values("pk"),
    ]
    is_mentioned = Value(False, output_field=BooleanField())
    if mentioned:
        mention = public_actions(action.plan).identified_by(*mentioned).values("pk")
        parts.append(mention)
        is_mentioned = ExpressionWrapper(Q(pk__in=mention), output_field=BooleanField())
    found = (
        Action.objects.visible_on_site()
        .filter(pk__in=parts[0].union(*[part.order_by() for part in parts[1:]], all=True))
        .exclude(pk=action.pk)
        .annotate(
            is_related=ExpressionWrapper(related, output_field=BooleanField()),
            is_mentioned=is_mentioned,
            # Marked by the database, whose order they are (a collation may order
            # "A.1" and "A1" otherwise than Python): each an uncorrelated one-row look-up.
            is_previous=ExpressionWrapper(Q(pk__in=previous), output_field=BooleanField()),
            is_next=ExpressionWrapper(Q(pk__in=following), output_field=BooleanField()),
        )
        .select_related("status")
        .order_by("sort_key", "pk")
    )
    links = SiteLinks(related=[], merged=[], neighbours=Neighbours(previous=None, next=None))
    for other in found:
        if other.is_previous:
            links.neighbours.previous = other
        if other.is_next:
            links.neighbours.next = other
        if other.is_mentioned:
            links.mentions[other.identifier.lower()] = other
        if other.merged_with_id is None and other.is_related:
            links.related.append(other)
        elif other.merged_with_id == action.pk:
            links.merged.append(other)
    return links


def page_texts(action: Action) -> list:
    """The action page's texts that may mention other actions."""
    texts = [action.description, action.official_description]
    texts += [task.comment for task in action.tasks.all()]
    texts += [post.body for post in action.news_posts.all()]
    return texts


def mentioned_identifiers(texts: list, exclude: Action | None = None) -> set[str]:
    """The lower-cased identifiers of the actions the texts mention."""
    identifiers = set()
    for text in texts:
        identifiers |= find_mentioned_identifiers(text)
    if exclude is not None:
        identifiers.discard(exclude.identifier.lower())
    return identifiers


def mentioned_actions(
    plan: Plan, texts: list[str], exclude: Action | None = None
) -> dict[str, Action]:
    """Public actions mentioned in the texts (“toimenpiteen 128”), by lower-cased identifier.
    One query, for only the identifiers that occur."""
    identifiers = mentioned_identifiers(texts, exclude)
    if not identifiers:
        return {}
    found = (
        public_actions(plan).identified_by(*identifiers).only("id", "identifier", *_columns("name"))
    )
    return {action.identifier.lower(): action for action in found}


@dataclass
class TaskGroups:
    done: list[Task] = field(default_factory=list)
    todo: list[Task] = field(default_factory=list)
    cancelled: list[Task] = field(default_factory=list)


def task_groups(action: Action) -> TaskGroups:
    """“Mitä on tehty?” newest first, “Mitä on tehtävä?” by due date, then the cancelled."""
    groups = TaskGroups()
    for task in action.tasks.all():
        if task.state == Task.State.COMPLETED:
            groups.done.append(task)
        elif task.state == Task.State.CANCELLED:
            groups.cancelled.append(task)
        else:
            groups.todo.append(task)
    # Newest first; tasks done on the same day keep the order the editor gave them.
    groups.done.sort(key=lambda t: (-t.completed_at.toordinal(), t.sort_order, t.pk or 0))
    groups.todo.sort(key=lambda t: (t.due_at, t.sort_order, t.pk or 0))
    groups.cancelled.sort(
        key=lambda t: (-(t.completed_at or t.due_at).toordinal(), t.sort_order, t.pk or 0)
    )
    return groups


def plan_today(plan: Plan) -> datetime.date:
    return timezone.localdate(timezone=plan.tzinfo)


@dataclass
class CategoryGroup:
    category: Category | None
    depth: int
    actions: list[ActionCard]


def grouped_by_primary_category(plan: Plan, actions: list[ActionCard]) -> list[CategoryGroup]:
    """The actions under each category of the plan's primary category type, in tree order;
    an action in two categories is listed under both; actions in none come last. 1 query."""
    category_type = primary_category_type(plan)
    categories = (
        list(Category.objects.filter(type=category_type).order_by("order", "pk"))
        if category_type
        else []
    )
    children: dict[int | None, list[Category]] = {}
    for category in categories:
        children.setdefault(category.parent_id, []).append(category)
    by_category: dict[int, list[Action]] = {}
    uncategorised = []
    ids = {category.pk for category in categories}
    for action in actions:
        own = [pk for pk in action.category_ids if pk in ids]
        for pk in own:
            by_category.setdefault(pk, []).append(action)
        if not own:
            uncategorised.append(action)

    groups: list[CategoryGroup] = []

    def walk(parent_id, depth) -> int:
        """Append the subtree's groups; return how many actions it lists. Categories
        without actions anywhere below them are left out: a heading with nothing under it
        helps nobody."""
        total = 0
        for category in children.get(parent_id, []):
            group = CategoryGroup(category, depth, by_category.get(category.pk, []))
            position = len(groups)
            groups.append(group)
            below = walk(category.pk, depth + 1)
            if not group.actions and not below:
                del groups[position:]
            total += len(group.actions) + below
        return total

    walk(None, 0)
    if uncategorised:
        groups.append(CategoryGroup(None, 0, uncategorised))
    return groups


def related_actions(action: Action) -> list[Action]:
    """Related actions in both directions (A lists B: both pages show the link)."""
    found: dict[int, Action] = {}
    for other in [*action.related_actions.all(), *action.related_from.all()]:
        if other.pk != action.pk:
            found.setdefault(other.pk, other)
    return sorted(found.values(), key=lambda other: (other.sort_key, other.pk))


@dataclass
class StatusCount:
    status: ActionStatus | None
    count: int


def changes_between(older_content: dict, newer_content: dict) -> list[str]:
    """The labels of the fields and child lists (tasks, contact persons, …) that differ
    between two revisions of an action, in the form's order."""
    from vahti.core.revisions import VOLATILE_KEYS, without_volatile_keys

    labels = []
    for model_field in Action._meta.get_fields():
        name = model_field.name
        if name in VOLATILE_KEYS or (name not in older_content and name not in newer_content):
            continue
        older, newer = older_content.get(name), newer_content.get(name)
        if without_volatile_keys(older) != without_volatile_keys(newer):
            if model_field.one_to_many:  # tasks, contact persons, …
                label = model_field.related_model._meta.verbose_name_plural
            else:
                label = model_field.verbose_name
            labels.append(str(label))
    return list(dict.fromkeys(labels))


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
        )
    )
    found = {row["id"]: ActionData(row) for row in rows}
    if not found:
        return []
    ids = list(found)
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
    task_columns = [
        column_name(name, code) for name in ("name", "comment") for code in language_codes()
    ]
    for task in (
        Task.objects.filter(action_id__in=ids)
        .order_by("due_at", "sort_order", "pk")
        .values("action_id", *task_columns, "state", "due_at", "completed_at")
    ):
        found[task["action_id"]].tasks.append(task)
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
    # Related actions both ways, the other end public. Whether it is public is checked
    # here rather than in SQL: given conditions on the other end, SQLite's planner
    # walks every action of every plan instead of the few links of these.
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
    return [found[row["id"]] for row in rows]


def news_for_data(actions: QuerySet[Action]) -> QuerySet[NewsPost]:
    """The news posts of ``actions``, newest first, as their action pages show them."""
    return (
        NewsPost.objects.filter(action__in=actions)
        .select_related("action", "author")
        .order_by("-published_on", "-pk")
    )
