"""Writes to a plan's own settings, checked and logged."""

from __future__ import annotations

from django.db import transaction
from wagtail.log_actions import log

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
