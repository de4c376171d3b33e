"""An action's public page, assembled here from what the domain reads: its tasks, its
lateness, its links to other actions, the indicators it moves and its history. The
site's view shows it, and so does Wagtail's preview of an action's draft (registered
with :mod:`vahti.core.previews` in ``SiteConfig.ready``)."""

from __future__ import annotations

from vahti.actions.action_page import (
    SiteLinks,
    action_neighbours,
    mentioned_actions,
    page_texts,
    related_actions,
    task_groups,
)
from vahti.actions.field_values import shown_values
from vahti.actions.history import timeline
from vahti.actions.lateness import lateness_of
from vahti.actions.models import Action
from vahti.actions.selectors import plan_today
from vahti.core import previews
from vahti.indicators.selectors import action_indicators

TEMPLATE = "site/action_detail.html"


def action_page_context(action: Action) -> dict:
    """What the action page shows beyond the action itself. Also used for the editors'
    preview, where ``action`` is an unsaved version built from a draft revision."""
    today = plan_today(action.plan)
    return {
        "tasks": task_groups(action),
        "field_values": shown_values(action),
        "today": today,
        "lateness": lateness_of(action, today),
        **_links(action),
        "indicators": action_indicators(action) if action.pk else [],
        "timeline": timeline(action) if action.pk else [],
    }


def _links(action: Action) -> dict:
    links = getattr(action, "site_links", None)
    if links is None:  # a preview: the draft's related actions, the merged ones saved
        merged = Action.objects.visible_on_site().filter(merged_with_id=action.pk)
        links = SiteLinks(
            related=related_actions(action),
            merged=list(merged.order_by("sort_key", "pk")) if action.pk else [],
            neighbours=action_neighbours(action),
            mentions=mentioned_actions(action.plan, page_texts(action), exclude=action),
        )
    return {
        "mentions": links.mentions,
        "related_actions": links.related,
        "merged_actions": links.merged,
        "neighbours": links.neighbours,
    }


def preview_context(action: Action) -> dict:
    context = action_page_context(action)
    return {"plan": action.plan, "action": action, "is_preview": True, **context}


def register_preview() -> None:
    previews.register(Action, TEMPLATE, preview_context)
