"""Giving someone a role in a plan by their email address: the login account is created
(or an existing one of the same plan linked) and an invitation lets them choose a
password. Used by the ``role_grant`` command and the admin's new-plan form."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from vahti.access.models import Role
from vahti.access.services import (
    LOGIN_USED_ELSEWHERE_MESSAGE,
    existing_login_refused,
    send_password_email,
)
from vahti.orgs.models import Organization
from vahti.plans.models import Plan

NOT_AN_EMAIL_MESSAGE = _("“%(value)s” is not an email address.")
UNKNOWN_ROLE_MESSAGE = _("“%(value)s” is not a role. Roles: %(known)s.")
ORGANIZATION_NEEDED_MESSAGE = _("An organisation admin needs an organisation.")
ORGANIZATION_NOT_WANTED_MESSAGE = _("Only an organisation admin has an organisation.")
ORGANIZATION_OF_OTHER_PLAN_MESSAGE = _("The organisation “%(value)s” is not one of this plan's.")


@transaction.atomic
def role_grant(
    plan: Plan, email: str, kind: str, organization: Organization | None = None, *, user=None
) -> tuple[Role, bool]:
    """Give the login with ``email`` the role ``kind`` in ``plan``; (role, created).

    A missing account is created without a password; an account that has none yet gets
    an invitation with a link to choose one. An account that is a superuser's, or that
    works in another plan, is not taken over (unless ``user`` is a superuser): issue 20's
    rule, shared with the people's logins.
    """
    email = email.strip().lower()
    errors: dict[str, list] = {}
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = [ValidationError(NOT_AN_EMAIL_MESSAGE % {"value": email})]
    if kind not in Role.Kind.values:
        known = ", ".join(Role.Kind.values)
        errors["kind"] = [ValidationError(UNKNOWN_ROLE_MESSAGE % {"value": kind, "known": known})]
    elif kind == Role.Kind.ORGANIZATION_ADMIN and organization is None:
        errors["organization"] = [ValidationError(ORGANIZATION_NEEDED_MESSAGE)]
    elif kind != Role.Kind.ORGANIZATION_ADMIN and organization is not None:
        errors["organization"] = [ValidationError(ORGANIZATION_NOT_WANTED_MESSAGE)]
    if organization is not None and organization.plan_id != plan.pk:
        errors["organization"] = [
            ValidationError(ORGANIZATION_OF_OTHER_PLAN_MESSAGE % {"value": organization})
        ]
    if not errors and existing_login_refused(plan, email, user=user):
        errors["email"] = [ValidationError(LOGIN_USED_ELSEWHERE_MESSAGE)]
    if errors:
        raise ValidationError(errors)

    users = get_user_model()._default_manager
    account = users.filter(email__iexact=email).first()
    if account is None:
        account = users.create_user(username=email, email=email)
        account.set_unusable_password()
        account.save(update_fields=["password"])
    role = Role.objects.filter(
        user=account, plan=plan, kind=kind, organization=organization
    ).first()
    if role is not None:
        return role, False
    role = Role(user=account, plan=plan, kind=kind, organization=organization)
    role.full_clean()
    role.save()  # audited by vahti.access.signals
    if not account.has_usable_password():
        # Robust: the role is given by then; a failing mail server is logged, and the
        # person can still ask for a password link on the login page.
        transaction.on_commit(lambda: send_invitation(role), robust=True)
    return role, True


def send_invitation(role: Role) -> None:
    """The email that tells someone of their new role and lets them choose a password,
    in the plan's primary language."""
    with translation.override(role.plan.primary_language):
        kind = role.get_kind_display()
    send_password_email(
        "role-invitation", role.user, role.plan, role=kind, organization=role.organization
    )
