"""What of the plans' data a user may see in the admin's lists and choices: one filter for
any queryset, so that every list, chooser, filter and form field of the admin narrows its
rows the same way (vahti.editing.scoping applies it to Wagtail's views).

A user sees the rows of the plans they take part in (a role, or a person with a login),
never another plan's. Within those plans, actions, roles, API tokens and feedback keep
their own, narrower rules (vahti.access.policies): a contact person chooses the plan's
people, categories and indicators when editing an action, but sees only the actions,
feedback and roles the policies give them.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from vahti.access import policies
from vahti.access.models import ApiToken, Role
from vahti.actions.models import Action
from vahti.orgs.models import Person
from vahti.plans.models import Plan


def plans_taking_part(user) -> QuerySet[Plan]:
    """The plans in which the user has a role or is a person with a login."""
    if not policies._active(user):
        return Plan.objects.none()
    if user.is_superuser:
        return Plan.objects.all()
    return Plan.objects.filter(
        Q(pk__in=Role.objects.filter(user=user).values("plan_id"))
        | Q(pk__in=Person.objects.filter(user=user).values("plan_id"))
    )


def _plan_field(model) -> bool:
    return any(field.name == "plan" for field in model._meta.concrete_fields)


def visible_to(user, queryset: QuerySet) -> QuerySet:
    """``queryset`` narrowed to the rows ``user`` may see in the admin."""
    from vahti.feedback.models import Feedback

    model = queryset.model
    if not policies._active(user):
        return queryset.none()
    if user.is_superuser:
        return queryset
    if issubclass(model, Plan):
        return queryset.filter(pk__in=plans_taking_part(user).values("pk"))
    if issubclass(model, Action):
        return queryset.filter(pk__in=policies.actions_viewable_by(user).values("pk"))
    if issubclass(model, Role):
        return queryset.filter(plan__in=policies.plans_readable_by(user))
    if issubclass(model, ApiToken):
        return queryset.filter(pk__in=policies.api_tokens_managed_by(user).values("pk"))
    if issubclass(model, Feedback):
        return queryset.filter(pk__in=policies.feedback_visible_to(user).values("pk"))
    if issubclass(model, get_user_model()):
        plans = plans_taking_part(user)
        return queryset.filter(
            Q(pk=user.pk)
            | Q(pk__in=Role.objects.filter(plan__in=plans).values("user_id"))
            | Q(pk__in=Person.objects.filter(plan__in=plans).values("user_id"))
        )
    if _plan_field(model):
        return queryset.filter(plan__in=plans_taking_part(user))
    return queryset
