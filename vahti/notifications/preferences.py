"""How each user wants their reminders, and the plan's timing of each kind."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.log_actions import log

from vahti.notifications.models import Delivery, Kind, ReminderPreference, ReminderRule
from vahti.plans.models import Plan


@transaction.atomic
def preferences_save(user, choices: dict[str, str]) -> None:
    """How ``user`` wants each kind of reminder: ``{kind: delivery}``."""
    for kind, delivery in choices.items():
        if kind not in Kind.values or delivery not in Delivery.values:
            raise ValueError(f"Unknown reminder kind or delivery: {kind!r}, {delivery!r}")
        if delivery == Delivery.IMMEDIATE:
            ReminderPreference.objects.filter(user=user, kind=kind).delete()
        else:
            ReminderPreference.objects.update_or_create(
                user=user, kind=kind, defaults={"delivery": delivery}
            )


def preferences_of(user) -> dict[str, str]:
    chosen = dict(ReminderPreference.objects.filter(user=user).values_list("kind", "delivery"))
    return {kind: chosen.get(kind, Delivery.IMMEDIATE) for kind in Kind.values}


@transaction.atomic
def rules_save(plan: Plan, rules: dict[str, dict], *, user=None) -> None:
    """The plan's timing of each kind: ``{kind: {"enabled", "days", "repeat"}}``. Every
    rule is checked first (``ValidationError`` naming the kind); then all are saved."""
    existing = {rule.kind: rule for rule in ReminderRule.objects.filter(plan=plan)}
    built, errors = [], {}
    for kind, values in rules.items():
        rule = existing.get(kind) or ReminderRule(plan=plan, kind=kind)
        rule.enabled = values["enabled"]
        rule.days = list(values.get("days", []))
        rule.repeat = values.get("repeat", 0)
        try:
            rule.full_clean(exclude=["plan"], validate_unique=False)
        except ValidationError as error:
            for field_name, messages in error.message_dict.items():
                errors[f"{kind}.{field_name}"] = messages
        built.append(rule)
    if errors:
        raise ValidationError(errors)
    for rule in built:
        rule.save()
    log(plan, "vahti.reminders.rules", user=user, data={
        r.kind: {"enabled": r.enabled, "days": r.days, "repeat": r.repeat} for r in built
    })  # fmt: skip
