"""Giving people access: a login account and a place on actions, in one step."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from vahti.actions.models import Action, ContactPerson
from vahti.actions.services import action_update
from vahti.orgs.models import Person


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
        account, created = _account_for(person)
        person.user = account
        person.save(update_fields=["user", "updated_at"])
        if created:
            transaction.on_commit(lambda: send_welcome(person))
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


def send_welcome(person: Person) -> None:
    """The email that lets a new editor choose a password and log in."""
    account = person.user
    plan = person.plan
    with translation.override(plan.primary_language):
        link = settings.BASE_URL + reverse(
            "wagtailadmin_password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(account.pk)),
                "token": default_token_generator.make_token(account),
            },
        )
        context = {
            "person": person,
            "plan": plan,
            "link": link,
            "login_url": settings.BASE_URL + reverse("wagtailadmin_login"),
            "email": account.email,
        }
        subject = " ".join(render_to_string("emails/account-welcome-subject.txt", context).split())
        message = EmailMultiAlternatives(
            subject,
            render_to_string("emails/account-welcome-body.txt", context),
            to=[account.email],
        )
        message.attach_alternative(
            render_to_string("emails/account-welcome-body.html", context), "text/html"
        )
        message.send()
