"""Every read of published actions for the public face. Each function issues a fixed
number of queries whatever the size of the plan; tests assert the counts."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.http import quote

from vahti.actions.mentions import find_mentioned_identifiers
from vahti.actions.models import Action, ContactPerson, NewsPost, ResponsibleParty, Task
from vahti.core.i18n import active_language, column_name, language_codes, pick_translation
from vahti.plans.models import (
    ActionImplementationPhase,
    ActionStatus,
    Category,
    CategoryType,
    Plan,
)


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


def action_cards(plan: Plan) -> list[ActionCard]:
    """All public actions of the plan in natural order, as cards. 4 queries."""
    language, primary = active_language(), plan.primary_language
    statuses = {s.pk: s for s in ActionStatus.objects.filter(plan=plan)}
    phases = {p.pk: p for p in ActionImplementationPhase.objects.filter(plan=plan)}
    actions = public_actions(plan).in_natural_order()
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


def action_for_site(plan: Plan, identifier: str) -> Action:
    """The published public action with this identifier, with everything its page shows.

    Raises ``Action.DoesNotExist`` for unknown, unpublished and internal actions. A
    merged action is returned too: its page redirects to the action it was merged into.
    """
    return (
        Action.objects.for_plan(plan)
        .visible_on_site()
        .select_related("status", "implementation_phase", "impact", "merged_with")
        .prefetch_related(
            Prefetch("categories", queryset=Category.objects.select_related("parent")),
            "schedules",
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
            Prefetch("news_posts", queryset=NewsPost.objects.select_related("author")),
            Prefetch(
                "related_actions",
                queryset=Action.objects.public().select_related("status").order_by("sort_key"),
            ),
            Prefetch(
                "related_from",
                queryset=Action.objects.public().select_related("status").order_by("sort_key"),
            ),
            Prefetch(
                "merged_actions",
                queryset=Action.objects.visible_on_site().order_by("sort_key"),
            ),
        )
        .get(identifier__iexact=identifier)
    )


@dataclass
class Neighbours:
    previous: Action | None
    next: Action | None


def action_neighbours(action: Action) -> Neighbours:
    """The previous and next public action in the plan's natural order. 2 indexed queries."""
    siblings = public_actions(action.plan).only("id", "identifier", "sort_key", *_columns("name"))
    key, pk = action.sort_key, action.pk
    # Identifiers such as "01" and "1" share a sort key; the primary key breaks the tie.
    previous = (
        siblings.filter(Q(sort_key__lt=key) | Q(sort_key=key, pk__lt=pk))
        .order_by("-sort_key", "-pk")
        .first()
    )
    following = (
        siblings.filter(Q(sort_key__gt=key) | Q(sort_key=key, pk__gt=pk))
        .order_by("sort_key", "pk")
        .first()
    )
    return Neighbours(previous=previous, next=following)


def mentioned_actions(
    plan: Plan, texts: list[str], exclude: Action | None = None
) -> dict[str, Action]:
    """Public actions mentioned in the texts (“toimenpiteen 128”), by lower-cased identifier.
    One query, for only the identifiers that occur."""
    identifiers = set()
    for text in texts:
        identifiers |= find_mentioned_identifiers(text)
    if exclude is not None:
        identifiers.discard(exclude.identifier.lower())
    if not identifiers:
        return {}
    found = (
        public_actions(plan)
        .filter(identifier__in=_case_variants(identifiers))
        .only("id", "identifier", *_columns("name"))
    )
    return {action.identifier.lower(): action for action in found}


def _case_variants(identifiers: set[str]) -> set[str]:
    variants = set()
    for identifier in identifiers:
        variants |= {identifier, identifier.upper(), identifier.lower()}
    return variants


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
    category_type = (
        CategoryType.objects.filter(plan=plan).order_by("-is_primary", "order", "pk").first()
    )
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


@dataclass
class PlanSummary:
    action_count: int
    by_status: list[StatusCount]
    themes: list[tuple[Category, int]]


def plan_summary(plan: Plan) -> PlanSummary:
    """Counts for the front page: public actions by status and by top-level theme. 4 queries."""
    actions = public_actions(plan)
    counts = dict(actions.values_list("status").annotate(n=Count("id")).order_by())
    statuses = list(ActionStatus.objects.filter(plan=plan).order_by("order", "pk"))
    by_status = [StatusCount(s, counts[s.pk]) for s in statuses if counts.get(s.pk)]
    if counts.get(None):
        by_status.append(StatusCount(None, counts[None]))
    category_type = (
        CategoryType.objects.filter(plan=plan).order_by("-is_primary", "order", "pk").first()
    )
    themes = []
    if category_type:
        categories = list(Category.objects.filter(type=category_type).order_by("order", "pk"))
        parent_of = {c.pk: c.parent_id for c in categories}

        def root(pk):
            while parent_of.get(pk):
                pk = parent_of[pk]
            return pk

        per_root: dict[int, set[int]] = {}
        links = Action.categories.through.objects.filter(
            action__in=actions, category__type=category_type
        ).values_list("category_id", "action_id")
        for category_id, action_id in links:
            per_root.setdefault(root(category_id), set()).add(action_id)
        themes = [(c, len(per_root.get(c.pk, ()))) for c in categories if c.parent_id is None]
    return PlanSummary(sum(counts.values()), by_status, themes)


def action_page_context(action: Action) -> dict:
    """What the action page shows beyond the action itself. Also used for the editors'
    preview, where ``action`` is an unsaved version built from a draft revision."""
    plan = action.plan
    texts = [action.description, action.official_description]
    texts += [task.comment for task in action.tasks.all()]
    texts += [post.body for post in action.news_posts.all()]
    return {
        "neighbours": action_neighbours(action),
        "tasks": task_groups(action),
        "today": plan_today(plan),
        "mentions": mentioned_actions(plan, texts, exclude=action),
        "related_actions": related_actions(action),
    }
