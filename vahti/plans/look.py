"""Writes to a plan's look (logo, favicon, social-sharing image, brand colour), checked
and logged."""

from __future__ import annotations

from django.db import transaction
from wagtail.log_actions import log

from vahti.plans.models import Plan

LOOK_FIELDS = ("brand_color", "logo", "favicon", "share_image")


def _loggable(value):
    return getattr(value, "pk", value)


@transaction.atomic
def plan_look_update(plan: Plan, *, user=None, **values) -> bool:
    """Give ``plan`` this look (of ``LOOK_FIELDS``); a ``ValidationError`` naming each bad
    value, and nothing saved. Returns whether anything changed."""
    unknown = set(values) - set(LOOK_FIELDS)
    if unknown:
        raise ValueError(f"Not part of a plan's look: {', '.join(sorted(unknown))}")
    if "brand_color" in values:
        values["brand_color"] = (values["brand_color"] or "").strip().lower()
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    before = {name: _loggable(getattr(locked, name)) for name in values}
    after = {name: _loggable(value) for name, value in values.items()}
    if before == after:
        return False
    for name, value in values.items():
        setattr(locked, name, value)
    locked.full_clean(
        exclude=[f.name for f in Plan._meta.fields if f.name not in values], validate_unique=False
    )
    locked.save(update_fields=[*values, "updated_at"])
    for name, value in values.items():
        setattr(plan, name, value)
    log(locked, "vahti.plan.look", user=user, data={"before": before, "after": after})
    return True
