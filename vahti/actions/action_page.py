"""The public page of one action: the action with everything its page shows, its
links to other actions (related, merged, mentioned, its neighbours in the plan's order),
its tasks in groups (assembled into the page by :mod:`vahti.site.action_page`). Each
function issues a fixed number of queries whatever the size of the plan; tests assert
the counts."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    Prefetch,
    Q,
    QuerySet,
    Value,
)
from wagtail.images import get_image_model

from vahti.actions.field_values import (
    attach_public_values,
    public_fields,
    with_public_values,
)
from vahti.actions.mentions import find_mentioned_identifiers
from vahti.actions.models import Action, ContactPerson, NewsPost, ResponsibleParty, Task
from vahti.actions.page_lists import attach_categories_and_schedules
from vahti.actions.selectors import language_columns, public_actions
from vahti.plans.models import Plan

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
    )
    plan_fields = public_fields(plan)
    action = with_public_values(action, plan_fields).get()
    attach_public_values(action, plan_fields)
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
        .only("id", "identifier", "sort_key", "plan_id", *language_columns("name"))
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
        public_actions(plan)
        .identified_by(*identifiers)
        .only("id", "identifier", *language_columns("name"))
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


def related_actions(action: Action) -> list[Action]:
    """Related actions in both directions (A lists B: both pages show the link)."""
    found: dict[int, Action] = {}
    for other in [*action.related_actions.all(), *action.related_from.all()]:
        if other.pk != action.pk:
            found.setdefault(other.pk, other)
    return sorted(found.values(), key=lambda other: (other.sort_key, other.pk))
