"""What of the plans' data a user may see in the admin's lists and choices: one filter for
any queryset, so that every list, chooser, filter and form field of the admin narrows its
rows the same way (vahti.editing.scoping applies it to Wagtail's views).

A user sees the rows of the plans they take part in (a role, or a person with a login),
never another plan's. Within those plans, actions, roles, API tokens and feedback keep
their own, narrower rules (vahti.access.policies): a contact person chooses the plan's
people, categories and indicators when editing an action, but sees only the actions,
feedback and roles the policies give them.

Someone who takes part in several plans works in one of them at a time (their *working
plan*, chosen in the admin and remembered per user: :func:`working_plan`). The admin
says so for each request (:func:`work_in_admin`, run by
vahti.editing.middleware.WorkingPlanMiddleware), and from then on :func:`visible_to`
narrows every queryset to that plan too. The mark is kept on the request's user object,
which every admin view, form and chooser already receives, so nothing outside the admin
(the public site, the API, commands) is narrowed, and no view or form needs code of its
own for it.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from vahti.access import policies
from vahti.access.models import ApiToken, Role, WorkingPlan
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


# Attributes kept on the request's user object (see the module's docstring).
_IN_ADMIN = policies.IN_ADMIN
_WORKING_PLAN = "_vahti_working_plan_cache"
_PLANS_TO_WORK_IN = "_vahti_plans_to_work_in"


def plans_to_work_in(user) -> list[Plan]:
    """The plans the user may choose to work in, in the plans' order (in an admin
    request read once: the admin's menu asks too)."""
    cached = getattr(user, _PLANS_TO_WORK_IN, None)
    if cached is None:
        cached = list(plans_taking_part(user).order_by("order", "identifier", "pk"))
        if getattr(user, _IN_ADMIN, False):
            setattr(user, _PLANS_TO_WORK_IN, cached)
    return list(cached)


def _chosen(user) -> WorkingPlan | None:
    return WorkingPlan.objects.filter(user=user).select_related("plan").first()


def working_plan(user) -> Plan | None:
    """The plan the user works in: the one they chose, if they still take part in it;
    else their only plan, or the first. ``None`` for an installation admin working in
    all plans (their default when the installation has several) and for a user who takes
    part in no plan."""
    if not policies._active(user):
        return None
    chosen = _chosen(user)
    plans = plans_to_work_in(user)
    if chosen is not None:
        if chosen.plan_id is None and user.is_superuser:
            return None
        for plan in plans:
            if plan.pk == chosen.plan_id:
                return plan
    if user.is_superuser and len(plans) > 1:
        return None
    return plans[0] if plans else None


def choose_working_plan(user, plan: Plan | None) -> None:
    """Remember the plan the user works in (``None``: all plans, for installation admins
    only). Refuses a plan the user takes part in none of."""
    if plan is None and not user.is_superuser:
        raise ValueError("Only an installation admin works in all plans.")
    if plan is not None and not plans_taking_part(user).filter(pk=plan.pk).exists():
        raise ValueError("The user takes no part in that plan.")
    WorkingPlan.objects.update_or_create(user=user, defaults={"plan": plan})
    if getattr(user, _IN_ADMIN, False):
        setattr(user, _WORKING_PLAN, plan)


def work_in_admin(user) -> None:
    """From now on (for this request's user object), :func:`visible_to` narrows to the
    user's working plan. The plan is looked up when first needed."""
    if policies._active(user):
        setattr(user, _IN_ADMIN, True)


def admin_working_plan(user) -> Plan | None:
    """The working plan when ``user`` is the user of an admin request
    (:func:`work_in_admin`); else ``None`` (no narrowing)."""
    if not getattr(user, _IN_ADMIN, False):
        return None
    if not hasattr(user, _WORKING_PLAN):
        setattr(user, _WORKING_PLAN, working_plan(user))
    return getattr(user, _WORKING_PLAN)


def runs_working_plan(user) -> bool:
    """Whether the user administers the plan they work in (in all plans: any plan);
    ``in_working_plan(user, plans_administered_by(user)).exists()`` without a query
    each time the admin's menu asks."""
    plan = admin_working_plan(user)
    if plan is None:
        return policies.administers_a_plan(user)
    return policies.can_edit_plan_content(user, plan)


def of_working_plan(user, obj) -> bool:
    """Whether ``obj`` (of a plan) is of the admin's working plan (always, outside the
    admin or for an installation admin working in all plans)."""
    plan = admin_working_plan(user)
    plan_id = obj.pk if isinstance(obj, Plan) else obj.plan_id
    return plan is None or plan_id == plan.pk


def in_working_plan(user, queryset: QuerySet) -> QuerySet:
    """``queryset`` narrowed to the admin's working plan (unchanged outside the admin or
    for an installation admin working in all plans)."""
    plan = admin_working_plan(user)
    if plan is None:
        return queryset
    model = queryset.model
    if issubclass(model, Plan):
        return queryset.filter(pk=plan.pk)
    if issubclass(model, get_user_model()):
        return queryset.filter(
            Q(pk=user.pk)
            | Q(pk__in=Role.objects.filter(plan=plan).values("user_id"))
            | Q(pk__in=Person.objects.filter(plan=plan).values("user_id"))
        )
    if _plan_field(model):
        return queryset.filter(plan=plan)
    return queryset


def _plan_field(model) -> bool:
    return any(field.name == "plan" for field in model._meta.concrete_fields)


def visible_to(user, queryset: QuerySet) -> QuerySet:
    """``queryset`` narrowed to the rows ``user`` may see in the admin (in the admin, of
    their working plan only)."""
    return in_working_plan(user, _visible_in_plans(user, queryset))


def _visible_in_plans(user, queryset: QuerySet) -> QuerySet:
    from vahti.feedback.models import Feedback

    model = queryset.model
    if not policies._active(user):
        return queryset.none()
    if user.is_superuser:
        return queryset
    if issubclass(model, Plan):
        return queryset.filter(pk__in=plans_taking_part(user).values("pk"))
    if issubclass(model, Action):
        return policies.actions_viewable_by(user, within=queryset)
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
