"""Giving people access: a login account and a place on actions, in one step; and
giving programs access: the API tokens with which data feeds write a plan's indicator
values."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from vahti.access.models import ApiToken
from vahti.actions.models import Action, ContactPerson
from vahti.actions.services import action_update
from vahti.orgs.models import Person

# Why an existing login is not given to a new person with the same email address.
LOGIN_USED_ELSEWHERE_MESSAGE = _(
    "This email address is already the login of someone in another plan or of the "
    "installation's administrators, so it cannot be given to this person here. Use "
    "another address, or ask the installation's administrators to connect this login."
)


def existing_login_refused(plan, email: str, *, user=None) -> bool:
    """Whether the existing account with ``email`` must not become the login of a person
    of ``plan`` (``user`` being the one who asks).

    Linking an account to a person gives that account the plan's work, and gives the
    plan's admins a hold on it (roles, the contact persons of actions). An account that
    only belongs to the person's own plan (or to nobody yet) is linked; one that is a
    superuser's, or holds a role or a person in another plan, is someone else's in
    another plan: only a superuser may connect it, deliberately.
    """
    if user is not None and user.is_active and user.is_superuser:
        return False
    account = get_user_model()._default_manager.filter(email__iexact=email).first()
    if account is None:
        return False
    if account.is_superuser:
        return True
    elsewhere = ~Q(plan_id=plan.pk)
    return (
        account.vahti_roles.filter(elsewhere).exists() or account.people.filter(elsewhere).exists()
    )


@transaction.atomic
def person_access_update(
    person: Person, *, can_log_in: bool, contact_for: list[Action], user=None
) -> None:
    """Give ``person`` a login account (or take it away) and make them the contact
    person of exactly ``contact_for`` among their plan's actions.

    A new account gets an email with a link to choose a password. Each action changed
    gets a revision; one that was published as it stands is published again, one with
    an unpublished draft gets the change in a new draft.
    """
    if can_log_in and person.user_id is None:
        if not person.email:
            raise ValidationError(
                {"email": _("A person who logs in needs an email address: it is their login.")}
            )
        if existing_login_refused(person.plan, person.email, user=user):
            raise ValidationError({"email": LOGIN_USED_ELSEWHERE_MESSAGE})
        account, created = _account_for(person)
        person.user = account
        person.save(update_fields=["user", "updated_at"])
        if created:
            # Robust: the save has succeeded by then, and must not answer with an error
            # because the mail server failed (logged; the person can still ask for a
            # password reset link on the login page).
            transaction.on_commit(lambda: send_welcome(person), robust=True)
    elif not can_log_in and person.user_id is not None:
        person.user = None  # the account stays: it may serve other plans
        person.save(update_fields=["user", "updated_at"])

    wanted = {action.pk for action in contact_for}
    if any(action.plan_id != person.plan_id for action in contact_for):
        raise ValidationError(_("Only actions of the person's own plan can be chosen."))
    current = set(ContactPerson.objects.filter(person=person).values_list("action_id", flat=True))
    for action in Action.objects.filter(pk__in=wanted ^ current).order_by("sort_key"):
        _set_contact_person(action, person, present=action.pk in wanted, user=user)


def _account_for(person: Person):
    users = get_user_model()._default_manager
    existing = users.filter(email__iexact=person.email).first()
    if existing is not None:
        return existing, False
    account = users.create_user(
        username=person.email.lower(),
        email=person.email.lower(),
        first_name=person.first_name,
        last_name=person.last_name,
    )
    account.set_unusable_password()
    account.save(update_fields=["password"])
    return account, True


def _set_contact_person(action: Action, person: Person, *, present: bool, user) -> None:
    had_draft = action.live and action.has_unpublished_changes
    latest = action.get_latest_revision_as_object() if had_draft else action
    pairs = [(c.person, c.role) for c in latest.contact_persons.all() if c.person_id != person.pk]
    if present:
        pairs.append((person, ContactPerson.Role.CONTACT))
    action_update(latest, contact_persons=pairs, publish=action.live and not had_draft, user=user)


def password_set_link(account) -> str:
    """The address at which ``account`` chooses a password (once, for a few days)."""
    return settings.BASE_URL + reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(account.pk)),
            "token": default_token_generator.make_token(account),
        },
    )


def send_password_email(template: str, account, plan, **context) -> None:
    """An email (``emails/<template>-subject.txt|body.txt|body.html``) in the plan's
    primary language with the link at which ``account`` chooses a password."""
    with translation.override(plan.primary_language):
        context = {
            "plan": plan,
            "link": password_set_link(account),
            "login_url": settings.BASE_URL + reverse("wagtailadmin_login"),
            "email": account.email,
            **context,
        }
        subject = " ".join(render_to_string(f"emails/{template}-subject.txt", context).split())
        message = EmailMultiAlternatives(
            subject, render_to_string(f"emails/{template}-body.txt", context), to=[account.email]
        )
        message.attach_alternative(
            render_to_string(f"emails/{template}-body.html", context), "text/html"
        )
        message.send()


def send_welcome(person: Person) -> None:
    """The email that lets a new editor choose a password and log in."""
    send_password_email("account-welcome", person.user, person.plan, person=person)


# API tokens. The secret is "vahti_" and 43 random URL-safe characters (256 bits): far
# beyond guessing, so a plain SHA-256 digest is a safe way to keep it (a slow password
# hash protects guessable secrets, which these are not) and lets a request find its
# token with one indexed query.
TOKEN_PREFIX = "vahti_"  # noqa: S105 (not a password: how every token begins)
# How often, at most, a token's "last used" is written: not on every request.
LAST_USED_PRECISION = datetime.timedelta(minutes=1)


def token_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def api_token_create(plan, *, name: str, user, expires_at=None) -> tuple[ApiToken, str]:
    """A new token for ``plan``: (the stored token, its secret). The secret is not kept
    anywhere: show it to the user now."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Give the token a name that says what uses it.")})
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": _("The expiry must be in the future.")})
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        plan=plan,
        name=name,
        prefix=secret[: len(TOKEN_PREFIX) + 6],
        digest=token_digest(secret),
        created_by=user,
        expires_at=expires_at,
    )
    token.full_clean(exclude=["created_by", "revoked_by"])
    token.save()
    log(token, "vahti.api_token.create", user=user, data=_token_data(token))
    return token, secret


@transaction.atomic
def api_token_revoke(token: ApiToken, *, user) -> bool:
    """Revoke the token at once; returns False when it was already revoked."""
    locked = ApiToken.objects.select_for_update().get(pk=token.pk)
    if locked.revoked_at is not None:
        return False
    locked.revoked_at = timezone.now()
    locked.revoked_by = user
    locked.save(update_fields=["revoked_at", "revoked_by"])
    token.revoked_at, token.revoked_by = locked.revoked_at, user
    log(locked, "vahti.api_token.revoke", user=user, data=_token_data(locked))
    return True


class TokenRefused(Exception):
    """The secret names no usable token; the message says why."""


def api_token_valid(secret: str) -> ApiToken | None:
    """The usable token whose secret this is, or None; nothing is marked."""
    return ApiToken.objects.usable().filter(digest=token_digest(secret.strip())).first()


def api_token_for(secret: str) -> ApiToken:
    """The usable token whose secret this is, with its plan; ``TokenRefused`` saying
    why when there is none. Marks the token used."""
    token = (
        ApiToken.objects.select_related("plan").filter(digest=token_digest(secret.strip())).first()
    )
    if token is None:
        raise TokenRefused(_("The API token is not known: check that it was copied whole."))
    now = timezone.now()
    if token.revoked_at is not None:
        raise TokenRefused(_("The API token “%(name)s” has been revoked.") % {"name": token.name})
    if token.expires_at is not None and token.expires_at <= now:
        raise TokenRefused(_("The API token “%(name)s” has expired.") % {"name": token.name})
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def _token_data(token: ApiToken) -> dict:
    return {
        "plan": token.plan.identifier,
        "name": token.name,
        "prefix": token.prefix,
        "expires_at": token.expires_at.isoformat() if token.expires_at else None,
    }
