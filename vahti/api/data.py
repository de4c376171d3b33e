"""The plan's public data as plain dicts in the shapes of :mod:`vahti.api.schemas`.

Every read goes through the domain's selectors, which return public, published things
only: drafts live in revisions, which nothing here reads, and internal notes, internal
actions and indicators, e-mail addresses and user accounts are never touched.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone, translation
from django.utils.http import quote

from vahti.actions.lateness import lateness_for_data, task_name_in
from vahti.actions.open_data import TEXT_FIELDS, actions_for_data, news_for_data
from vahti.actions.selectors import public_actions
from vahti.api.fields import estimates_data, field_values_data, fields_data
from vahti.core.i18n import column_name
from vahti.core.urls import plan_path
from vahti.indicators.open_data import indicators_for_data, latest_values
from vahti.indicators.selectors import public_indicators
from vahti.orgs.models import Organization
from vahti.plans.models import (
    ActionImpact,
    ActionImplementationPhase,
    ActionSchedule,
    ActionStatus,
    Category,
    CategoryType,
    Plan,
)

SCHEMA_VERSION = "1.0"


class Context:
    """What every item of one answer shares: the plan's languages and site address."""

    def __init__(self, plan: Plan, site: str):
        self.plan = plan
        self.languages = plan.languages
        self.site = site.rstrip("/")
        self.today = timezone.localdate(timezone=plan.tzinfo)
        self._patterns: dict[str, str] = {}

    def texts(self, obj, name: str) -> dict[str, str]:
        found = {}
        for language in self.languages:
            value = getattr(obj, column_name(name, language), "")
            if value:
                found[language] = value
        return found

    def url(self, name: str, identifier: str) -> str:
        if name not in self._patterns:
            self._patterns[name] = self.site + plan_path(self.plan, name, identifier="IDENTIFIER")
        return self._patterns[name].replace("IDENTIFIER", quote(identifier, safe=""))


def site_address(plan: Plan, request) -> str:
    """The plan's public site, with its path prefix: at this host when it serves the
    plan, else at the plan's first host name, else (a plan no host names) this host."""
    domains = list(plan.domains.all())
    host = request.get_host()
    here = [domain for domain in domains if domain.hostname == host.split(":")[0]]
    # The address the request came by first (a plan may be at a host's root and prefix).
    here.sort(key=lambda domain: domain.path_prefix != getattr(request, "plan_prefix", ""))
    chosen = (here or domains or [None])[0]
    if chosen is not None and not here:
        host = chosen.hostname
    prefix = f"/{chosen.path_prefix}" if chosen is not None and chosen.path_prefix else ""
    return f"{request.scheme}://{host}{prefix}"


def plan_data(ctx: Context) -> dict:
    plan = ctx.plan

    def items(model, **extra):
        return [
            {
                "identifier": item.identifier,
                "name": ctx.texts(item, "name"),
                "order": item.order,
                **{key: getter(item) for key, getter in extra.items()},
            }
            for item in model.objects.filter(plan=plan).order_by("order", "pk")
        ]

    return {
        "identifier": plan.identifier,
        "name": ctx.texts(plan, "name"),
        "short_name": ctx.texts(plan, "short_name"),
        "intro": ctx.texts(plan, "intro"),
        "primary_language": plan.primary_language,
        "languages": plan.languages,
        "time_zone": plan.time_zone,
        "url": ctx.site + plan_path(plan, "site:front-page"),
        "data_changed_at": plan.data_changed_at,
        "statuses": items(
            ActionStatus,
            is_completed=lambda s: s.is_completed,
            color=lambda s: s.color,
            sentiment=lambda s: s.sentiment,
        ),
        "implementation_phases": items(ActionImplementationPhase, color=lambda p: p.color),
        "impacts": items(ActionImpact, is_estimate=lambda i: i.is_estimate),
        "schedules": items(
            ActionSchedule, begins_at=lambda s: s.begins_at, ends_at=lambda s: s.ends_at
        ),
        "category_types": items(CategoryType, is_primary=lambda t: t.is_primary),
        "fields": fields_data(ctx),
    }


def categories_data(ctx: Context, categories: Iterable[Category]) -> list[dict]:
    categories = list(categories)
    identifiers = {category.pk: category.identifier for category in categories}
    return [
        {
            "type": category.type.identifier,
            "identifier": category.identifier,
            "name": ctx.texts(category, "name"),
            "lead": ctx.texts(category, "lead"),
            "color": category.color,
            "parent": identifiers.get(category.parent_id),
            "order": category.order,
        }
        for category in categories
    ]


def plan_categories(plan: Plan):
    return (
        Category.objects.filter(plan=plan)
        .select_related("type")
        .order_by("type__order", "type__pk", "order", "pk")
    )


def organizations_data(ctx: Context) -> list[dict]:
    organizations = list(Organization.objects.filter(plan=ctx.plan).order_by("order", "pk"))
    identifiers = {org.pk: org.identifier for org in organizations}
    return [
        {
            "identifier": org.identifier,
            "name": ctx.texts(org, "name"),
            "abbreviation": ctx.texts(org, "abbreviation"),
            "parent": identifiers.get(org.parent_id),
            "order": org.order,
        }
        for org in organizations
    ]


def _identifier(obj) -> str | None:
    return obj.identifier if obj is not None else None


def _row_texts(ctx: Context, row: dict, name: str, prefix: str = "") -> dict[str, str]:
    found = {}
    for language in ctx.languages:
        value = row.get(f"{prefix}{name}_{language}")
        if value:
            found[language] = value
    return found


def action_data(ctx: Context, item) -> dict:
    """One action (a :class:`vahti.actions.open_data.ActionData`) in the API's shape."""
    row = item.row
    item.related.pop(row["id"], None)
    return {
        "identifier": row["identifier"],
        "url": ctx.url("site:action-detail", row["identifier"]),
        **{name: _row_texts(ctx, row, name) for name in TEXT_FIELDS},
        "status": row["status__identifier"],
        "implementation_phase": row["implementation_phase__identifier"],
        "impact": row["impact__identifier"],
        "schedules": item.schedules,
        "start_date": row["start_date"],
        "end_date": row["end_date"],
        "schedule_continuous": row["schedule_continuous"],
        "categories": [
            {"type": kind, "identifier": identifier} for kind, identifier in item.categories
        ],
        "responsible_organizations": [
            {"organization": organization, "role": role} for organization, role in item.parties
        ],
        "contact_persons": [
            {
                "first_name": contact["person__first_name"],
                "last_name": contact["person__last_name"],
                "title": _row_texts(ctx, contact, "title", "person__"),
                "organization": contact["person__organization__identifier"],
                "role": contact["role"],
            }
            for contact in item.contacts
        ],
        "tasks": [
            {
                "name": _row_texts(ctx, task, "name"),
                "state": task["state"],
                "due_at": task["due_at"],
                "completed_at": task["completed_at"],
                "comment": _row_texts(ctx, task, "comment"),
            }
            for task in item.tasks
        ],
        "related_actions": [identifier for _key, identifier in sorted(item.related.values())],
        "updated_at": row["updated_at"],
        "late": late_data(ctx, item),
        "fields": field_values_data(ctx, item.field_values),
        "estimates": estimates_data(ctx, row),
    }


def late_data(ctx: Context, item) -> dict | None:
    """The action's derived lateness with each reason in every language of the plan;
    None when the plan does not derive lateness."""
    if not ctx.plan.derived_lateness:
        return None
    lateness = lateness_for_data(ctx.plan, item, ctx.today)
    primary = ctx.plan.primary_language
    reasons = []
    for reason in lateness.reasons:
        task = None
        if reason.kind == "task":
            task = next(
                row
                for row in item.tasks
                if row["due_at"] == reason.due
                and task_name_in(row, primary, ctx.languages) == reason.task
            )
        texts = {}
        for language in ctx.languages:
            shown = reason
            if task is not None:
                shown = type(reason)(task_name_in(task, language, ctx.languages), reason.due)
            with translation.override(language):
                texts[language] = str(shown)
        reasons.append(
            {
                "kind": reason.kind,
                "date": reason.date,
                "task": _row_texts(ctx, task, "name") if task is not None else None,
                "text": texts,
            }
        )
    return {"is_late": lateness.is_late, "reasons": reasons}


def actions_data(ctx: Context, actions) -> list[dict]:
    return [action_data(ctx, item) for item in actions_for_data(actions)]


def news_data(ctx: Context, posts) -> list[dict]:
    return [
        {
            "action": post.action.identifier,
            "title": ctx.texts(post, "title"),
            "published_on": post.published_on,
            "author": post.author.full_name if post.author else None,
            "body": ctx.texts(post, "body"),
        }
        for post in posts
    ]


def _value(value) -> dict:
    category = value.category
    return {
        "date": value.date,
        "value": value.value,
        "dimension": category.dimension.identifier if category else None,
        "category": category.identifier if category else None,
    }


def indicators_data(ctx: Context, indicators, *, values: bool) -> list[dict]:
    indicators = list(indicators_for_data(indicators, values=values))
    latest = {} if values else latest_values([indicator.pk for indicator in indicators])
    found = []
    for indicator in indicators:
        data = _indicator_data(ctx, indicator)
        if values:
            data["values"] = [_value(value) for value in indicator.values.all()]
            totals = [v for v in data["values"] if v["category"] is None]
            data["latest_value"] = totals[-1] if totals else None
        else:
            data["latest_value"] = _value(latest[indicator.pk]) if indicator.pk in latest else None
        found.append(data)
    return found


def _indicator_data(ctx: Context, indicator) -> dict:
    """An indicator with its goals and links, without its values."""
    goals = sorted(
        indicator.goals.all(),
        key=lambda g: (g.scenario is not None, g.scenario.order if g.scenario else 0, g.date),
    )
    return {
        "identifier": indicator.identifier,
        "url": ctx.url("site:indicator-detail", indicator.identifier),
        "name": ctx.texts(indicator, "name"),
        "description": ctx.texts(indicator, "description"),
        "level": indicator.level,
        "unit": ctx.texts(indicator, "unit"),
        "quantity": ctx.texts(indicator, "quantity"),
        "time_resolution": indicator.time_resolution,
        "desired_direction": indicator.desired_direction,
        "is_emission_goal": indicator.is_emission_goal,
        "minimum_value": indicator.minimum_value,
        "maximum_value": indicator.maximum_value,
        "decimals": indicator.decimals,
        "organization": _identifier(indicator.organization),
        "categories": [
            {"type": category.type.identifier, "identifier": category.identifier}
            for category in indicator.categories.all()
        ],
        "data_source": ctx.texts(indicator, "data_source"),
        "data_source_url": indicator.data_source_url,
        "licence": indicator.licence,
        "goals": [
            {"date": g.date, "value": g.value, "scenario": _identifier(g.scenario)} for g in goals
        ],
        "actions": [
            {
                "action": link.action.identifier,
                "effect": link.effect,
                "indicates_progress": link.indicates_progress,
            }
            for link in indicator.action_links.all()
            if link.action.is_public and link.action.merged_with_id is None
        ],
        "effects": [
            {
                "indicator": link.effect_indicator.identifier,
                "effect": link.effect,
                "confidence": link.confidence,
            }
            for link in indicator.effect_links.all()
        ],
        "updated_at": indicator.updated_at,
    }


def plan_document(ctx: Context) -> dict:
    """The whole public plan. A fixed number of queries whatever its size."""
    plan = ctx.plan
    actions = public_actions(plan).in_natural_order()
    return {
        "schema_version": SCHEMA_VERSION,
        "plan": plan_data(ctx),
        "categories": categories_data(ctx, plan_categories(plan)),
        "organizations": organizations_data(ctx),
        "actions": actions_data(ctx, actions),
        "news_posts": news_data(ctx, news_for_data(actions)),
        "indicators": indicators_data(ctx, public_indicators(plan), values=True),
    }
