"""The Wagtail admin asks vahti.access, through these adapters, before it shows or
changes an action.

Wagtail's generic snippet views check most permissions for the model as a whole ("may
this user edit actions at all?"), not for the action at hand. So besides the permission
policy, every admin URL that names an action is guarded here: the guard loads the action
and refuses (403) unless vahti.access allows that view's operation on it. A view not
listed below needs the right to change the action: new Wagtail views are closed until
someone decides otherwise.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import URLPattern
from wagtail.permission_policies.base import BasePermissionPolicy

from vahti.access import policies, scopes
from vahti.actions.models import Action
from vahti.editing.working_plan import in_another_plan

# Wagtail's names for what a user does to a snippet, in vahti.access's terms.
WAGTAIL_OPERATIONS = {
    "view": policies.VIEW,
    "change": policies.CHANGE,
    "publish": policies.PUBLISH,
    "delete": policies.DELETE,
    "lock": policies.LOCK,
    "unlock": policies.UNLOCK,
}

# The operation each admin view of one action needs.
VIEW_OPERATIONS = {
    "edit": policies.CHANGE,
    "delete": policies.DELETE,
    "usage": policies.VIEW,
    "history": policies.VIEW,
    "history_results": policies.VIEW,
    "inspect": policies.VIEW,
    "revisions_view": policies.VIEW,
    "revisions_compare": policies.VIEW,
    "workflow_history": policies.VIEW,
    "workflow_history_detail": policies.VIEW,
    "revisions_revert": policies.CHANGE,
    "revisions_unschedule": policies.PUBLISH,
    "unpublish": policies.PUBLISH,
    "lock": policies.LOCK,
    "unlock": policies.UNLOCK,
    "copy": policies.CHANGE_IDENTIFIER,
}


class ActionPermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        # "add" has no per-action operation: may_act_on_some_action knows it as such.
        # Asked once per request: a listing asks for each row's buttons (a query each).
        answers = user.__dict__.setdefault("_vahti_action_rights", {})
        if action not in answers:
            operation = WAGTAIL_OPERATIONS.get(action, action)
            answers[action] = policies.may_act_on_some_action(user, operation)
        return answers[action]

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "add":
            return policies.can_add_action(user, instance.plan)
        operation = WAGTAIL_OPERATIONS.get(action)
        return operation is not None and policies.can(user, operation, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if set(actions) <= {"view"}:
            return policies.actions_viewable_by(user)
        return policies.actions_editable_by(user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        return users.filter(
            Q(is_superuser=True) | Q(vahti_roles__isnull=False) | Q(people__isnull=False)
        ).distinct()


def guard_object_view(view, model, allowed):
    """Wrap an admin view of one object (its URL has the object's ``pk``): load it and
    refuse unless ``allowed(user, obj)``. An object of another plan than the one the user
    works in is not shown: they are offered to work in its plan first
    (vahti.editing.working_plan.in_another_plan)."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        pk = kwargs.get("pk", args[0] if args else None)
        obj = get_object_or_404(model.objects.select_related("plan"), pk=unquote(str(pk)))
        if not allowed(request.user, obj):
            raise PermissionDenied
        if not scopes.of_working_plan(request.user, obj):
            return in_another_plan(request, obj.plan)
        return view(request, *args, **kwargs)

    return guarded


def guard_action_view(view, operation: str):
    return guard_object_view(
        view, Action, lambda user, action: policies.can(user, operation, action)
    )


def guarded_urlpatterns(patterns: list, guard=None) -> list:
    """Guard every URL of one object: with ``guard(view, url_name)`` (actions by
    default)."""
    guard = guard or (
        lambda view, name: guard_action_view(view, VIEW_OPERATIONS.get(name, policies.CHANGE))
    )
    for pattern in patterns:
        if isinstance(pattern, URLPattern) and "pk" in pattern.pattern.regex.groupindex:
            pattern.callback = guard(pattern.callback, pattern.name)
    return patterns


# Views of a plan's own content (categories, organisations, people) that only read.
READ_ONLY_VIEWS = frozenset(
    {"usage", "history", "history_results", "inspect", "revisions_view", "revisions_compare"}
)


class PlanContentPermissionPolicy(BasePermissionPolicy):
    """A plan's own content (categories, organisations, people): plan admins change it,
    viewers read it."""

    def user_has_permission(self, user, action):
        if action == "view":
            return policies.may_read_plan_content(user)
        # Adding goes to the plan one works in: only its admins add.
        return scopes.runs_working_plan(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "view":
            return policies.can_read_plan_content(user, instance.plan)
        return policies.can_edit_plan_content(user, instance.plan)

    def instances_user_has_any_permission_for(self, user, actions):
        if set(actions) <= {"view"}:
            plans = policies.plans_readable_by(user)
        else:
            plans = policies.plans_administered_by(user)
        return self.model.objects.filter(plan__in=plans)

    def users_with_any_permission(self, actions):
        return policies.plan_admin_users()

    def guard(self, view, url_name: str):
        if url_name in READ_ONLY_VIEWS:
            return guard_object_view(
                view, self.model, lambda user, obj: policies.can_read_plan_content(user, obj.plan)
            )
        return guard_object_view(
            view, self.model, lambda user, obj: policies.can_edit_plan_content(user, obj.plan)
        )


class ListingPlanContentPermissionPolicy(PlanContentPermissionPolicy):
    """The same rights, asked once per request: a listing asks, for each row's buttons,
    whether the user may add, change or delete such rows at all (a query each time)."""

    def user_has_permission(self, user, action):
        answers = user.__dict__.setdefault("_vahti_plan_content_rights", {})
        if action not in answers:
            answers[action] = super().user_has_permission(user, action)
        return answers[action]
