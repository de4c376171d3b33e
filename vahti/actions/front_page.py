"""What the plan's front page shows: its public actions counted by status and by
top-level theme, and what has happened lately (news, completed tasks).

The counts span every public action of the plan, so they are kept per data version
(``vahti.plans.changes.kept_for_version``): no query while the plan stays the same, and
a change shows on the next request. The latest news and tasks are read newest first
through their date indexes, a few rows whatever the size of the plan.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q

from vahti.actions.models import Action, NewsPost, Task
from vahti.actions.selectors import StatusCount, plan_today, public_actions
from vahti.plans.changes import kept_for_version
from vahti.plans.models import ActionStatus, Category, CategoryType, Plan
from vahti.plans.selectors import primary_category_type


@dataclass
class PlanSummary:
    action_count: int
    by_status: list[StatusCount]
    themes: list[tuple[Category, int]]


def plan_summary(plan: Plan) -> PlanSummary:
    """Counts for the front page: public actions by status and by top-level theme. Kept
    per data version: no query while the plan's data stays the same, 5 after a change."""
    return kept_for_version(plan, "front-page-summary", lambda: _plan_summary(plan))


def _plan_summary(plan: Plan) -> PlanSummary:
    counts = dict(public_actions(plan).values_list("status").annotate(n=Count("id")).order_by())
    statuses = list(ActionStatus.objects.filter(plan=plan).order_by("order", "pk"))
    by_status = [StatusCount(s, counts[s.pk]) for s in statuses if counts.get(s.pk)]
    if counts.get(None):
        by_status.append(StatusCount(None, counts[None]))
    category_type = primary_category_type(plan)
    themes = []
    if category_type:
        top_level = list(
            Category.objects.filter(type=category_type, parent=None)
            .select_related("type")
            .order_by("order", "pk")
        )
        by_theme = theme_counts(plan, category_type)
        themes = [(c, by_theme[c.pk]) for c in top_level if by_theme.get(c.pk)]
    return PlanSummary(sum(counts.values()), by_status, themes)


def theme_counts(plan: Plan, category_type: CategoryType) -> dict[int, int]:
    """The plan's public actions counted once per top-level category of
    ``category_type`` they are linked to, directly or through a sub-category: {id of
    the top-level category: count}. 1 query: the categories' tree is walked by the
    database (a recursive common table expression), not spelled out per category."""
    links = (
        Action.categories.through.objects.filter(action__in=public_actions(plan))
        .values("action_id", "category_id")
        .order_by()
    )
    links_sql, links_params = links.query.sql_with_params()
    table = connection.ops.quote_name(Category._meta.db_table)
    sql = f"""
        WITH RECURSIVE roots (id, root) AS (
            SELECT id, id FROM {table} WHERE type_id = %s AND parent_id IS NULL
            UNION ALL
            SELECT child.id, roots.root FROM {table} child
            JOIN roots ON child.parent_id = roots.id
        )
        SELECT roots.root, COUNT(DISTINCT links.action_id)
        FROM ({links_sql}) links JOIN roots ON roots.id = links.category_id
        GROUP BY roots.root
    """  # noqa: S608  (the table's name is the model's; every value is a parameter)
    with connection.cursor() as cursor:
        cursor.execute(sql, [category_type.pk, *links_params])
        return dict(cursor.fetchall())


@dataclass(frozen=True)
class FrontPageNews:
    posts: list[NewsPost]  # the latest news posts of public actions
    completed: list[Task]  # the tasks completed most recently


def front_page_news(plan: Plan, limit: int = 5) -> FrontPageNews:
    """What has happened lately in the plan's public actions, up to today in the plan's
    time zone. Kept per data version and day: no query while the plan's data stays the
    same, 2 after a change or when the day changes (and the summary's, kept likewise)."""
    today = plan_today(plan)
    news = kept_for_version(
        plan,
        f"front-page-news:{today.isoformat()}:{limit}",
        lambda: _latest(plan, today, limit, plan_summary(plan).action_count),
    )
    for item in [*news.posts, *news.completed]:
        item.action.plan = plan
    return news


# Up to this many public actions the news are found from the plan's actions, above it
# from the newest rows of every plan.
FEW_ACTIONS = 1000


def _latest(plan: Plan, today: datetime.date, limit: int, actions: int) -> FrontPageNews:
    """The latest ``limit`` posts and completed tasks. A large plan's are read newest
    first through the date indexes, asking of each row whether its action is a public
    one of the plan (``EXISTS``, which the database does not turn into a join driven by
    the plan's actions): that stops after a few rows instead of sorting all of the
    plan's. A small plan's are read from its actions: newest first, the rows of the
    other plans (a large one's) could come long before the first of its own."""
    public = public_actions(plan)
    if actions > FEW_ACTIONS:
        public_action = Q(Exists(public.filter(pk=OuterRef("action_id"))))
    else:
        public_action = Q(action__in=public)
    posts = list(
        NewsPost.objects.filter(public_action, published_on__lte=today)
        .select_related("action")
        .order_by("-published_on", "-pk")[:limit]
    )
    completed = list(
        Task.objects.filter(public_action, state=Task.State.COMPLETED, completed_at__lte=today)
        .select_related("action")
        .order_by("-completed_at", "-pk")[:limit]
    )
    return FrontPageNews(posts, completed)
