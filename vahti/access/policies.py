"""Who may do what: plain functions and QuerySet filters, the one place where the rules
live. The Wagtail admin (vahti.editing) and, later, the API ask these; neither decides
on its own.

The rules, per plan:

=====================  ===================================================================
plan admin             everything in the plan
organisation admin     the actions their organisation (or a unit below it) is responsible
                       for: edit, publish, change who is responsible; not create, delete
                       or change identifiers
contact person         the actions they are named on: edit texts, progress, tasks and news,
                       publish; not create, delete, change identifiers or who is responsible
viewer                 read everything, drafts and internal notes included; change nothing
=====================  ===================================================================

In a moderated plan (``Plan.moderated``) only plan admins publish: the others' changes
wait as drafts until a plan admin reviews and publishes them.

Superusers (the people who run the installation) may do everything everywhere. Nobody's
role reaches into another plan.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from vahti.access.models import ApiToken, Role
from vahti.actions.models import Action, ContactPerson, ResponsibleParty
from vahti.core.trees import descendants
from vahti.orgs.models import Organization
from vahti.plans.models import Plan

# What can be done to an action.
VIEW = "view"  # see it in the admin, with drafts, history and internal notes
CHANGE = "change"  # texts, progress, schedule, tasks, news posts
PUBLISH = "publish"
DELETE = "delete"
CHANGE_IDENTIFIER = "change_identifier"
CHANGE_RESPONSIBILITY = "change_responsibility"  # responsible organisations, contact persons
LOCK = "lock"
UNLOCK = "unlock"

ACTION_OPERATIONS = frozenset(
    {VIEW, CHANGE, PUBLISH, DELETE, CHANGE_IDENTIFIER, CHANGE_RESPONSIBILITY, LOCK, UNLOCK}
)
EDITOR_OPERATIONS = frozenset({VIEW, CHANGE, PUBLISH, LOCK, UNLOCK})
ORGANIZATION_ADMIN_OPERATIONS = EDITOR_OPERATIONS | {CHANGE_RESPONSIBILITY}
VIEWER_OPERATIONS = frozenset({VIEW})


# Marks the user object of an admin request (vahti.access.scopes.work_in_admin), whose
# answers may be kept for the rest of the request.
IN_ADMIN = "_vahti_in_admin"


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def roles_of(user) -> list[Role]:
    """The user's roles, read once per user object (that is, once per request)."""
    if not _active(user):
        return []
    cached = getattr(user, "_vahti_roles", None)
    if cached is None:
        cached = list(Role.objects.filter(user=user).select_related("organization"))
        user._vahti_roles = cached
    return cached


def plan_ids_where(user, *kinds: str) -> set[int]:
    return {role.plan_id for role in roles_of(user) if role.kind in kinds}


def administered_organization_ids(user) -> set[int]:
    """The organisations the user is an admin of, with every unit below them."""
    roots = {role.organization_id for role in roles_of(user) if role.organization_id}
    if not roots:
        return set()
    plan_ids = {role.plan_id for role in roles_of(user) if role.organization_id}
    rows = Organization.objects.filter(plan_id__in=plan_ids).values_list("pk", "parent_id")
    return descendants(rows, roots)


def _actions_where(
    user, plan_ids: set[int], within: QuerySet[Action] | None = None
) -> QuerySet[Action]:
    """The actions of ``plan_ids``, of the organisations the user is an admin of and
    those the user is a contact person of. Each through its own subquery rather than
    joins over the responsible parties and contact persons: no action repeats, and a
    plan admin's list does not read every contact person of the plan (issue 22)."""
    condition = Q(plan_id__in=plan_ids)
    organizations = administered_organization_ids(user)
    if organizations:
        condition |= Q(
            pk__in=ResponsibleParty.objects.filter(organization_id__in=organizations).values(
                "action_id"
            )
        )
    condition |= Q(pk__in=ContactPerson.objects.filter(person__user=user).values("action_id"))
    return (Action.objects.all() if within is None else within).filter(condition)


def actions_editable_by(user) -> QuerySet[Action]:
    if not _active(user):
        return Action.objects.none()
    if user.is_superuser:
        return Action.objects.all()
    return _actions_where(user, plan_ids_where(user, Role.Kind.PLAN_ADMIN))


def actions_viewable_by(user, within: QuerySet[Action] | None = None) -> QuerySet[Action]:
    """The actions ``user`` may see (of ``within``, when given: narrowed by the same
    conditions rather than by a list of the viewable actions' ids, which the database
    would build whole before counting or sorting a page of them, issue 22)."""
    actions = Action.objects.all() if within is None else within
    if not _active(user):
        return actions.none()
    if user.is_superuser:
        return actions
    return _actions_where(
        user, plan_ids_where(user, Role.Kind.PLAN_ADMIN, Role.Kind.VIEWER), within
    )


def action_operations(user, action: Action) -> frozenset[str]:
    """Everything ``user`` may do to ``action``."""
    if not _active(user):
        return frozenset()
    if user.is_superuser or action.plan_id in plan_ids_where(user, Role.Kind.PLAN_ADMIN):
        return ACTION_OPERATIONS
    allowed: set[str] = set()
    if action.plan_id in plan_ids_where(user, Role.Kind.VIEWER):
        allowed |= VIEWER_OPERATIONS
    if action.pk:
        # In an admin request read once: the guard, the form and its buttons all ask.
        stored = user.__dict__.setdefault("_vahti_stored_action_rights", {})
        if action.pk not in stored or not getattr(user, IN_ADMIN, False):
            stored[action.pk] = _stored_operations(user, action)
        granted, moderated = stored[action.pk]
        allowed |= granted
        if moderated:
            # In a moderated plan only plan admins publish; the others save drafts.
            allowed -= {PUBLISH}
    return frozenset(allowed)


def _stored_operations(user, action: Action) -> tuple[frozenset[str], bool]:
    """What the user's stored responsibility for ``action`` gives, and whether its plan
    is moderated. Rights follow what is stored, never the rows of a form being
    submitted (the action may be an in-memory copy holding them)."""
    organizations = administered_organization_ids(user)
    granted: frozenset[str] = frozenset()
    if (
        organizations
        and ResponsibleParty.objects.filter(
            action_id=action.pk, organization_id__in=organizations
        ).exists()
    ):
        granted = ORGANIZATION_ADMIN_OPERATIONS
    elif ContactPerson.objects.filter(action_id=action.pk, person__user=user).exists():
        granted = EDITOR_OPERATIONS
    moderated = Plan.objects.filter(pk=action.plan_id, moderated=True).exists()
    return frozenset(granted), moderated


def can(user, operation: str, action: Action) -> bool:
    if operation not in ACTION_OPERATIONS:
        raise ValueError(f"Unknown operation on an action: {operation!r}")
    return operation in action_operations(user, action)


def plans_administered_by(user) -> QuerySet[Plan]:
    if not _active(user):
        return Plan.objects.none()
    if user.is_superuser:
        return Plan.objects.all()
    return Plan.objects.filter(pk__in=plan_ids_where(user, Role.Kind.PLAN_ADMIN))


def plan_admin_users() -> QuerySet:
    """The active users who administer some plan: installation admins and plan admins
    (whom Wagtail names as having rights on a plan's settings and content)."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            Q(is_superuser=True) | Q(vahti_roles__kind=Role.Kind.PLAN_ADMIN), is_active=True
        )
        .distinct()
    )


def administers_a_plan(user) -> bool:
    """``plans_administered_by(user).exists()``, from the roles already read (an
    installation admin: whether there is a plan at all, read once per request)."""
    if not _active(user):
        return False
    if not user.is_superuser:
        return bool(plan_ids_where(user, Role.Kind.PLAN_ADMIN))
    cached = getattr(user, "_vahti_any_plan", None)
    if cached is None:
        cached = user._vahti_any_plan = Plan.objects.exists()
    return cached


def can_add_action(user, plan: Plan | None = None) -> bool:
    """In ``plan``, or, without one, in some plan."""
    plans = plans_administered_by(user)
    return plans.filter(pk=plan.pk).exists() if plan else plans.exists()


def plans_readable_by(user) -> QuerySet[Plan]:
    """Plans whose own content (categories, organisations, people) the user may read in
    the admin: plan admins and viewers."""
    if not _active(user):
        return Plan.objects.none()
    if user.is_superuser:
        return Plan.objects.all()
    return Plan.objects.filter(pk__in=plan_ids_where(user, Role.Kind.PLAN_ADMIN, Role.Kind.VIEWER))


def can_edit_plan_content(user, plan: Plan) -> bool:
    """Categories, organisations, people and the plan's lists."""
    if not _active(user):
        return False
    return user.is_superuser or plan.pk in plan_ids_where(user, Role.Kind.PLAN_ADMIN)


def can_read_plan_content(user, plan: Plan) -> bool:
    if not _active(user):
        return False
    return user.is_superuser or plan.pk in plan_ids_where(
        user, Role.Kind.PLAN_ADMIN, Role.Kind.VIEWER
    )


def may_read_plan_content(user) -> bool:
    return _active(user) and (
        user.is_superuser or bool(plan_ids_where(user, Role.Kind.PLAN_ADMIN, Role.Kind.VIEWER))
    )


def may_use_admin(user) -> bool:
    """Whether the user has anything to do in the admin at all."""
    if not _active(user):
        return False
    return bool(user.is_superuser or roles_of(user) or user.people.exists())


def may_act_on_some_action(user, operation: str) -> bool:
    """Whether there is an action on which the user may do ``operation`` (``"add"`` for
    creating one): what menus and model-wide checks ask."""
    if not _active(user):
        return False
    if user.is_superuser or plan_ids_where(user, Role.Kind.PLAN_ADMIN):
        return True
    if operation in {"add", DELETE, CHANGE_IDENTIFIER}:
        return False
    if operation == PUBLISH:
        return actions_editable_by(user).filter(plan__moderated=False).exists()
    if operation == VIEW:
        return actions_viewable_by(user).exists()
    return actions_editable_by(user).exists()


# Indicators. Their texts and links are the plan's own content (plan admins change them,
# viewers read them); their values and goals are also entered by the indicator's contact
# persons, who keep them current.


def indicators_with_data_editable_by(user):
    """The indicators whose values and goals the user may enter."""
    from vahti.indicators.models import Indicator, IndicatorContactPerson

    if not _active(user):
        return Indicator.objects.none()
    if user.is_superuser:
        return Indicator.objects.all()
    return Indicator.objects.filter(
        Q(plan_id__in=plan_ids_where(user, Role.Kind.PLAN_ADMIN))
        | Q(pk__in=IndicatorContactPerson.objects.filter(person__user=user).values("indicator_id"))
    )


def can_edit_indicator_data(user, indicator) -> bool:
    if not _active(user):
        return False
    if user.is_superuser or indicator.plan_id in plan_ids_where(user, Role.Kind.PLAN_ADMIN):
        return True
    return indicator.contact_persons.filter(person__user=user).exists()


# API tokens: a plan admin's to create and revoke; a token writes the plan's indicator
# values and goals (``vahti.api``), nothing else.


def api_tokens_managed_by(user) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(plan__in=plans_administered_by(user))


def can_manage_api_tokens(user, plan: Plan) -> bool:
    return can_edit_plan_content(user, plan)


# Residents' feedback: a plan admin reads and processes all of the plan's; a contact
# person that about their own actions, an organisation admin that about their
# organisations' actions.


def feedback_visible_to(user):
    from vahti.feedback.models import Feedback

    if not _active(user):
        return Feedback.objects.none()
    if user.is_superuser:
        return Feedback.objects.all()
    return Feedback.objects.filter(
        Q(plan_id__in=plan_ids_where(user, Role.Kind.PLAN_ADMIN))
        | Q(action__in=ContactPerson.objects.filter(person__user=user).values("action_id"))
        # Feedback on an action without contact persons reaches its organisation's admins.
        | Q(
            action__in=ResponsibleParty.objects.filter(
                organization_id__in=administered_organization_ids(user)
            ).values("action_id")
        )
    )


def may_see_feedback(user) -> bool:
    if not _active(user):
        return False
    return bool(
        user.is_superuser
        or plan_ids_where(user, Role.Kind.PLAN_ADMIN, Role.Kind.ORGANIZATION_ADMIN)
        or ContactPerson.objects.filter(person__user=user).exists()
    )
