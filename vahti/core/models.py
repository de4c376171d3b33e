"""Building blocks shared by the domain apps."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Error messages are constants so that tests and callers can refer to them.
OTHER_PLAN_MESSAGE = _("“%(object)s” belongs to the plan “%(other_plan)s”, not to “%(plan)s”.")


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


def same_plan_errors(plan, references: dict[str, object]) -> dict[str, ValidationError]:
    """A validation error for each referenced object that belongs to another plan."""
    errors = {}
    for field_name, objects in references.items():
        if objects is None:
            continue
        items = objects if isinstance(objects, list | tuple | set | models.QuerySet) else [objects]
        for obj in items:
            if obj is not None and obj.plan_id != plan.pk:
                errors[field_name] = ValidationError(
                    OTHER_PLAN_MESSAGE,
                    code="other_plan",
                    params={"object": obj, "other_plan": obj.plan, "plan": plan},
                )
                break
    return errors


def would_be_inside_itself(instance: models.Model, parent: models.Model | None) -> bool:
    """Whether making ``parent`` the parent of ``instance`` closes a loop in a tree."""
    seen = set()
    while parent is not None and parent.pk not in seen:
        if instance.pk and parent.pk == instance.pk:
            return True
        seen.add(parent.pk)
        parent = parent.parent
    return False
