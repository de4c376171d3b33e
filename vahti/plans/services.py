"""Writes to a plan's own settings, checked and logged."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction
from wagtail.log_actions import log

from vahti.core.i18n import language_codes
from vahti.plans import changes
from vahti.plans.models import Plan

# What a plan admin may set from the admin's pages (the rest belongs to the people who
# run the installation).
ADMIN_SETTINGS = (
    "stale_after_days",
    "derived_lateness",
    "feedback_enabled",
    "feedback_retention_days",
)


@transaction.atomic
def plan_settings_update(plan: Plan, *, user=None, **values) -> bool:
    """Give ``plan`` these settings (of ``ADMIN_SETTINGS``); a ``ValidationError`` naming
    each bad one, and nothing saved. Returns whether anything changed."""
    unknown = set(values) - set(ADMIN_SETTINGS)
    if unknown:
        raise ValueError(f"Not a plan admin's setting: {', '.join(sorted(unknown))}")
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    before = {name: getattr(locked, name) for name in values}
    for name, value in values.items():
        setattr(locked, name, value)
    if before == values:
        return False
    locked.full_clean(
        exclude=[f.name for f in Plan._meta.fields if f.name not in values], validate_unique=False
    )
    locked.save(update_fields=[*values, "updated_at"])
    for name, value in values.items():
        setattr(plan, name, value)
    log(locked, "vahti.plan.settings", user=user, data={"before": before, "after": values})
    return True


# What a plan admin sets on the plan's settings page (vahti.editing.plan_settings), beside
# the footer links; the identifier, order and host names belong to the installation.
SETTINGS_PAGE_FIELDS = (
    *[f"{name}_{code}" for name in ("name", "short_name", "intro") for code in language_codes()],
    "primary_language",
    "other_languages",
    "time_zone",
    "moderated",
    "stale_after_days",
    "update_target_days",
    "derived_lateness",
    "feedback_enabled",
    "feedback_retention_days",
)


@transaction.atomic
def plan_settings_save(plan: Plan, save: Callable[[], Plan], *, user=None, also=()) -> list[str]:
    """Run ``save`` (a validated form's save: the plan's fields, checked by
    ``Plan.clean`` as the importer's are, and its footer links) in one transaction with
    the plan's row locked; move the plan's data version, so that cached public pages
    show the change, and log what changed, before and after. ``also``: names of other
    changes the caller made (“footer_links”). Returns the names of what changed."""
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    before = {name: getattr(locked, name) for name in SETTINGS_PAGE_FIELDS}
    saved = save()
    after = {name: getattr(saved, name) for name in SETTINGS_PAGE_FIELDS}
    changed = [name for name in SETTINGS_PAGE_FIELDS if before[name] != after[name]]
    changed += [name for name in also if name not in changed]
    if changed:
        changes.touch(saved.pk)
        log(
            saved,
            "vahti.plan.settings",
            user=user,
            data={
                "changed": changed,
                "before": {name: before[name] for name in changed if name in before},
                "after": {name: after[name] for name in changed if name in after},
            },
        )
    return changed
